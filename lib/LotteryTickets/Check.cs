using System.Runtime.CompilerServices;

namespace LotteryTickets;

/// <summary>
/// Argument validation shared by the whole library: every public entry point checks its input here, before anything
/// reaches libtorch or a factorisation, and throws an <see cref="ArgumentException"/> that names the parameter and
/// the allowed values.
/// </summary>
internal static class Check
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

    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null) where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static void Finite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name} must contain only finite numbers; element {i} is {values[i]}.", name);
    }

    public static long NonNegative(long value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 0; got {value}.");

    /// <summary>Null, or a fraction in [0, 1).</summary>
    public static double? FractionBelowOneOrNull(double? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is null ? null : FractionBelowOne(value.Value, name);

    /// <summary>One of a fixed set of names (ordinal, case-sensitive).</summary>
    public static string OneOf(string? value, IReadOnlyCollection<string> allowed, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is not null && allowed.Contains(value) ? value
            : throw new ArgumentException($"{name} must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}; got \"{value}\".", name);

    public static void That(bool condition, string message, string name)
    {
        if (!condition) throw new ArgumentException(message, name);
    }
}
