using System.Globalization;

namespace LotteryTickets;

/// <summary>
/// A number in [<see cref="Min"/>, <see cref="Max"/>] (each end open where <see cref="MinExclusive"/> or
/// <see cref="MaxExclusive"/> says so); never NaN, and ±∞ only where an infinite end allows it.
/// </summary>
/// <param name="min">The lower end.</param>
/// <param name="max">The upper end.</param>
public sealed class RangeAttribute(double min, double max) : ConstraintAttribute
{
    /// <summary>The lower end.</summary>
    public double Min { get; } = !double.IsNaN(min) && !double.IsNaN(max) && min <= max ? min
        : throw new ArgumentException($"a range needs min ≤ max (not NaN); got [{min}, {max}].", nameof(min));

    /// <summary>The upper end.</summary>
    public double Max { get; } = max;

    /// <summary>The lower end itself is not allowed.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>The upper end itself is not allowed.</summary>
    public bool MaxExclusive { get; init; }

    /// <inheritdoc />
    public override string Allowed => string.Create(CultureInfo.InvariantCulture,
        $"{(MinExclusive ? "(" : "[")}{End(Min)}, {End(Max)}{(MaxExclusive ? ")" : "]")}");

    private static string End(double v) => double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "-∞"
        : v.ToString(Math.Abs(v) >= 10_000 && v == Math.Floor(v) ? "0" : "R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override bool Allows(double value, bool integral) =>
        !double.IsNaN(value) && (MinExclusive ? value > Min : value >= Min) && (MaxExclusive ? value < Max : value <= Max);

    /// <inheritdoc />
    public override IEnumerable<double> Violations(bool integral)
    {
        if (!double.IsNegativeInfinity(Min) || MinExclusive) yield return MinExclusive ? Min : integral ? Min - 1
            : Min - Math.Max(1e-3, Math.Abs(Min) * 1e-3);
        if (!double.IsPositiveInfinity(Max) || MaxExclusive) yield return MaxExclusive ? Max : integral ? Max + 1
            : Max + Math.Max(1e-3, Math.Abs(Max) * 1e-3);
        if (!integral) yield return double.NaN;
    }
}
