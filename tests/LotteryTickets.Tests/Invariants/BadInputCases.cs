using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// The registry of bad-input cases, one partial file per library folder. Each <c>Add</c> calls one public member with
/// exactly one bad argument (every other argument valid) and states the parameter the exception must name and the
/// text (the bad value, or the allowed range) its message must show. Objects the cases share are built once here and
/// disposed with the registry.
/// </summary>
internal sealed partial class BadInputCases : IDisposable
{
    private readonly BadInputs _cases = new();
    private readonly List<IDisposable> _owned = [];

    public IReadOnlyList<BadInput> All => _cases.Cases;

    public static BadInputCases Build()
    {
        var cases = new BadInputCases();
        try
        {
            cases.AddSparse();
            cases.AddDesign();
            cases.AddCommon();
            cases.AddPruning();
            cases.AddModels();
            cases.AddTraining();
            cases.AddLottery();
            cases.AddData();
            cases.AddHardware();
            cases.AddExperiments();
            cases.AddInteractive();
            cases.AddSection06();
            cases.AddSection07();
            cases.AddSection08();
            cases.AddSection09();
            cases.AddDeclared();
            return cases;
        }
        catch
        {
            cases.Dispose();
            throw;
        }
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
        _folder.Dispose();
    }

    // Shared bad values.
    private static readonly Matrix<double> Empty = Matrix<double>.Build.Dense(0, 0);

    private static Matrix<double> Good(int rows = 6, int columns = 4, int seed = 1) =>
        Matrix<double>.Build.Dense(rows, columns, (i, j) => Math.Sin(seed * 1.7 + i * 3.1 + j * 0.7) + (i == j ? 2 : 0));

    private static Matrix<double> WithNaN(int rows = 6, int columns = 4)
    {
        var m = Good(rows, columns);
        m[1, 2] = double.NaN;
        return m;
    }

    private static Vector<double> Vec(int n, double fill = 1) => Vector<double>.Build.Dense(n, i => fill + i * 0.1);

    private static Vector<double> VecWith(int n, double bad)
    {
        var v = Vec(n);
        v[n - 1] = bad;
        return v;
    }
}
