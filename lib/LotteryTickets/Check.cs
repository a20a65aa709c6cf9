using MathNet.Numerics.LinearAlgebra;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace LotteryTickets;

/// <summary>
/// Argument validation shared by the whole library: every public entry point checks its input here, before anything
/// reaches libtorch or a factorisation, and throws an <see cref="ArgumentException"/> that names the parameter and
/// the allowed values.
/// </summary>
internal static partial class Check
{
    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive (≥ 1); got {value}.");

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 0; got {value}.");

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0; got {value}.");

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0; got {value}.");

    /// <summary>A fraction in [0, 1) (e.g. the share of remaining weights a pruning level removes).</summary>
    public static double FractionBelowOne(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value >= 0 && value < 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1); got {value}.");

    /// <summary>A probability-like value in [0, 1].</summary>
    public static double UnitInterval(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value >= 0 && value <= 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1]; got {value}.");

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}]; got {value}.");

    /// <summary>A list that is not null and holds no null entry (each entry is dereferenced later).</summary>
    public static IReadOnlyList<T> NoNulls<T>(IReadOnlyList<T>? items, [CallerArgumentExpression(nameof(items))] string? name = null) where T : class
    {
        NotNull(items, name);
        for (int i = 0; i < items!.Count; i++)
            That(items[i] is not null, $"{name} must not hold null; entry {i} is null.", name!);
        return items;
    }

    /// <inheritdoc cref="NoNulls{T}(IReadOnlyList{T}, string)"/>
    public static T[] NoNulls<T>(T[]? items, [CallerArgumentExpression(nameof(items))] string? name = null) where T : class =>
        (T[])NoNulls((IReadOnlyList<T>?)items, name);

    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static void Finite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name} must contain only finite numbers; element {i} is {values[i]}.", name);
    }

    /// <summary>A string that is not null, empty or only white space (e.g. a path).</summary>
    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"{name} must be a non-empty string (e.g. a folder path); got {(value is null ? "null" : $"\"{value}\"")}.",
                name)
            : value;

    /// <summary>Every entry of a matrix is finite (no NaN, no ±∞).</summary>
    public static Matrix<double> Finite(Matrix<double>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        if (values is null) throw new ArgumentNullException(name);
        if (values.Storage is MathNet.Numerics.LinearAlgebra.Storage.DenseColumnMajorMatrixStorage<double> dense)
        {
            // The raw column-major array: entry k is (k mod rows, k div rows). The indexer path below costs more than
            // the solvers' own arithmetic on a 200×1000 matrix.
            int k = FirstNonFinite(dense.Data.AsSpan(0, values.RowCount * values.ColumnCount));
            if (k < 0) return values;
            throw new ArgumentException($"{name} must contain only finite numbers; entry ({k % values.RowCount}, {k / values.RowCount}) is " +
                $"{dense.Data[k]}.", name);
        }
        for (int j = 0; j < values.ColumnCount; j++)
            for (int i = 0; i < values.RowCount; i++)
                if (!double.IsFinite(values[i, j]))
                    throw new ArgumentException($"{name} must contain only finite numbers; entry ({i}, {j}) is {values[i, j]}.", name);
        return values;
    }

    static int FirstNonFinite(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return i;
        return -1;
    }

    /// <summary>Every entry of a vector is finite (no NaN, no ±∞).</summary>
    public static Vector<double> Finite(Vector<double>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        if (values is null) throw new ArgumentNullException(name);
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name} must contain only finite numbers; element {i} is {values[i]}.", name);
        return values;
    }

    /// <summary>A matrix with at least one row and one column.</summary>
    public static Matrix<double> NonEmpty(Matrix<double> values, [CallerArgumentExpression(nameof(values))] string? name = null) =>
        values.RowCount > 0 && values.ColumnCount > 0 ? values
            : throw new ArgumentException($"{name} must have at least one row and one column; got {values.RowCount}×{values.ColumnCount}.", name);

    /// <summary>A vector whose length equals <paramref name="expected"/> (e.g. the row count of the matrix it goes with).</summary>
    public static Vector<double> Length(Vector<double> values, int expected, string what,
        [CallerArgumentExpression(nameof(values))] string? name = null) =>
        values.Count == expected ? values
            : throw new ArgumentException($"{name} must have length {expected} ({what}); got {values.Count}.", name);

    /// <summary>Row indices: distinct, each in [0, <paramref name="rowCount"/>).</summary>
    public static IReadOnlyList<int> DistinctIndices(IReadOnlyList<int>? indices, int rowCount,
        [CallerArgumentExpression(nameof(indices))] string? name = null)
    {
        if (indices is null) throw new ArgumentNullException(name);
        var seen = new HashSet<int>();
        foreach (int i in indices)
        {
            if (i < 0 || i >= rowCount)
                throw new ArgumentOutOfRangeException(name, i, $"{name} must hold indices in [0, {rowCount - 1}]; got {i}.");
            if (!seen.Add(i)) throw new ArgumentException($"{name} must hold distinct indices; {i} appears twice.", name);
        }
        return indices;
    }

    public static long NonNegative(long value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 0; got {value}.");

    /// <summary>One of a fixed set of names (ordinal, case-sensitive).</summary>
    public static string OneOf(string? value, IReadOnlyCollection<string> allowed, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is not null && allowed.Contains(value) ? value
            : throw new ArgumentException($"{name} must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}; got \"{value}\".", name);

    /// <summary>A declared value of the enum <typeparamref name="T"/>.</summary>
    public static T Defined<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentException(
            $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}; got {Convert.ToInt64(value, CultureInfo.InvariantCulture)}.", name);

    public static void That(bool condition, string message, string name)
    {
        if (!condition) throw new ArgumentException(message, name);
    }
}
