using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;
using System.Text;
using System.Text.Json;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// The sparse-numerics instances that both sides time, written as NumPy .npy files so that the scikit-learn peer
/// (benchmarks/peers/sklearn_peer.py) reads exactly these numbers, with this side's answers beside them for the peer to
/// check before its time counts. Folder: $LOTTERY_BENCH_INSTANCES, else &lt;temp&gt;/lottery-bench-instances.
/// </summary>
internal static class SparseInstances
{
    public const int OmpRows = 256, OmpAtoms = 1024, OmpK = 32, OmpSignals = 100;
    public const int DictionarySeed = 11, SignalSeed = 1000;
    public const int LassoRows = 200, LassoColumns = 1000, LassoK = 20, LassoSeed = 5;
    public const double LassoSnrDb = 20, LassoLambdaRatio = 0.1, LassoGap = 1e-6;
    public const int DesignRows = 24, DesignColumns = 4, DesignK = 6, DesignSeed = 3;

    public static string Folder =>
        Environment.GetEnvironmentVariable("LOTTERY_BENCH_INSTANCES") is { Length: > 0 } f ? f
            : Path.Combine(Path.GetTempPath(), "lottery-bench-instances");

    /// <summary>A (256×1024, i.i.d. Gaussian, unit columns) and B = A X with 100 k-sparse Gaussian columns X.</summary>
    public static (Matrix<double> A, Matrix<double> B) Omp()
    {
        var a = Dictionaries.Gaussian(OmpRows, OmpAtoms, DictionarySeed);
        var b = Matrix<double>.Build.Dense(OmpRows, OmpSignals);
        for (int i = 0; i < OmpSignals; i++)
            b.SetColumn(i, a * SparseSignals.KSparse(OmpAtoms, OmpK, SignalKind.Gaussian, SignalSeed + i));
        return (a, b);
    }

    /// <summary>The planted lasso problem (A 200×1000 Gaussian, unit columns; b = A x₀ + noise, k = 20, 20 dB) and
    /// λ = 0.1·λ_max = 0.1·‖Aᵀb‖∞.</summary>
    public static (Matrix<double> A, Vector<double> B, double Lambda) Lasso()
    {
        var (a, b) = PlantedLasso.Problem(LassoRows, LassoColumns, LassoK, LassoSnrDb, LassoSeed, 0);
        return (a, b, LassoLambdaRatio * L1Path.LambdaMax(a, b));
    }

    /// <summary>The ℓ1 logistic problem on the lasso's A: labels y = sign(b) of the planted lasso (±1), λ = 0.1·λ_max
    /// with λ_max = ‖Aᵀ∇F(0)‖∞ = ½‖Aᵀy‖∞.</summary>
    public static (Matrix<double> A, Vector<double> Y, double Lambda) Logistic()
    {
        var (a, b, _) = Lasso();
        var y = b.Map(v => v >= 0 ? 1.0 : -1.0);
        return (a, y, LassoLambdaRatio * L1Path.LambdaMax(a, y, L1Loss.Logistic));
    }

    /// <summary>Writes the logistic labels, λ and this side's objective for the peer (A is the lasso's, which
    /// <see cref="WriteLasso"/> writes).</summary>
    public static void WriteLogistic(Matrix<double> a, Vector<double> y, double lambda, L1Result result)
    {
        Directory.CreateDirectory(Folder);
        WriteNpy(Path.Combine(Folder, "logistic-y.npy"), y.ToColumnMatrix());
        AtomicFile.WriteAllText(Path.Combine(Folder, "logistic-cs.json"), JsonSerializer.Serialize(new
        {
            lambda, gap = LassoGap, objective = result.Objective, objective_at_zero = a.RowCount * Math.Log(2),
        }));
    }

    /// <summary>The A-optimal design instance: X 24×4 (Gaussian, unit columns), subsets of k = 6 rows.</summary>
    public static Matrix<double> Design() => Dictionaries.Gaussian(DesignRows, DesignColumns, DesignSeed);

    /// <summary>Writes X, k and this side's optimal subset and criterion for the peer.</summary>
    public static void WriteDesign(Matrix<double> x, LotteryTickets.Design.DesignSelection best)
    {
        Directory.CreateDirectory(Folder);
        WriteNpy(Path.Combine(Folder, "design-x.npy"), x);
        AtomicFile.WriteAllText(Path.Combine(Folder, "design-cs.json"), JsonSerializer.Serialize(new
        {
            k = DesignK, rows = best.Rows, criterion = best.Criterion,
        }));
    }

    /// <summary>Writes the lasso instance, λ and this side's objective and support for the peer.</summary>
    public static void WriteLasso(Matrix<double> a, Vector<double> b, double lambda, L1Result result)
    {
        Directory.CreateDirectory(Folder);
        WriteNpy(Path.Combine(Folder, "lasso-a.npy"), a);
        WriteNpy(Path.Combine(Folder, "lasso-b.npy"), b.ToColumnMatrix());
        var support = Enumerable.Range(0, result.Coefficients.Count).Where(j => result.Coefficients[j] != 0).ToArray();
        AtomicFile.WriteAllText(Path.Combine(Folder, "lasso-cs.json"), JsonSerializer.Serialize(new
        {
            lambda, gap = LassoGap, objective = result.Objective, objective_at_zero = 0.5 * b.DotProduct(b), support,
        }));
    }

    /// <summary>Writes A, B and this side's supports (sorted atom indices per signal) for the peer.</summary>
    public static void WriteOmp(Matrix<double> a, Matrix<double> b, IReadOnlyList<OmpResult> results)
    {
        Directory.CreateDirectory(Folder);
        WriteNpy(Path.Combine(Folder, "omp-a.npy"), a);
        WriteNpy(Path.Combine(Folder, "omp-b.npy"), b);
        var supports = results.Select(r => r.Support.Order().ToArray()).ToArray();
        AtomicFile.WriteAllText(Path.Combine(Folder, "omp-supports-cs.json"),
            JsonSerializer.Serialize(new { k = OmpK, supports }));
    }

    /// <summary>A float64 matrix as .npy (format 1.0, C order): what numpy.load reads.</summary>
    static void WriteNpy(string path, Matrix<double> m)
    {
        string header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({m.RowCount}, {m.ColumnCount}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
            w.Write((byte)0x93);
            w.Write("NUMPY"u8);
            w.Write((byte)1);
            w.Write((byte)0);
            w.Write((ushort)header.Length);
            w.Write(Encoding.ASCII.GetBytes(header));
            for (int i = 0; i < m.RowCount; i++)
                for (int j = 0; j < m.ColumnCount; j++)
                    w.Write(m[i, j]);
        });
    }
}
