using System.Globalization;

namespace LotteryTickets;

/// <summary>
/// A constraint on one setting, declared once on the property it constrains (on a positional record's parameter as
/// <c>[property: Positive]</c>) and checked by <see cref="Validation"/> where work enters the library. On a list of
/// numbers it constrains every entry. <see cref="Allowed"/> is what the exception's message shows.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public abstract class ConstraintAttribute : Attribute
{
    /// <summary>The allowed values as the message shows them, e.g. <c>[0, 1)</c> or <c>≥ 1</c>.</summary>
    public abstract string Allowed { get; }

    /// <summary>Whether <paramref name="value"/> (a number, widened to double) satisfies the constraint;
    /// <paramref name="integral"/> when the setting is an integer.</summary>
    public abstract bool Allows(double value, bool integral);

    /// <summary>Values just outside the allowed ones (for an integer setting, integers), for tests of the checks.</summary>
    public abstract IEnumerable<double> Violations(bool integral);
}

/// <summary>A number &gt; 0 (an integer ≥ 1); never NaN or ±∞.</summary>
public sealed class PositiveAttribute : ConstraintAttribute
{
    /// <inheritdoc />
    public override string Allowed => "> 0";

    /// <inheritdoc />
    public override bool Allows(double value, bool integral) => double.IsFinite(value) && value > 0;

    /// <inheritdoc />
    public override IEnumerable<double> Violations(bool integral) => integral ? [0, -1] : [0, -1e-3, double.NaN, double.PositiveInfinity];
}

/// <summary>A number ≥ 0; never NaN or ±∞.</summary>
public sealed class NonNegativeAttribute : ConstraintAttribute
{
    /// <inheritdoc />
    public override string Allowed => "≥ 0";

    /// <inheritdoc />
    public override bool Allows(double value, bool integral) => double.IsFinite(value) && value >= 0;

    /// <inheritdoc />
    public override IEnumerable<double> Violations(bool integral) => integral ? [-1] : [-1e-3, double.NaN, double.PositiveInfinity];
}

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
        if (!double.IsNegativeInfinity(Min) || MinExclusive) yield return MinExclusive ? Min : integral ? Min - 1 : Min - Math.Max(1e-3, Math.Abs(Min) * 1e-3);
        if (!double.IsPositiveInfinity(Max) || MaxExclusive) yield return MaxExclusive ? Max : integral ? Max + 1 : Max + Math.Max(1e-3, Math.Abs(Max) * 1e-3);
        if (!integral) yield return double.NaN;
    }
}

/// <summary>A list with at least one entry, or a string that is not empty or white space.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class NotEmptyAttribute : Attribute;

/// <summary>A list whose entries are distinct.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class DistinctAttribute : Attribute;

/// <summary>
/// A record whose constraints are declared on its properties — the <see cref="ConstraintAttribute"/>s,
/// <see cref="NotEmptyAttribute"/>, <see cref="DistinctAttribute"/>, and by their types: a reference that is not
/// nullable must be set, an enum must hold a named value, a nested <see cref="IValidated"/> is checked in turn —
/// and checked once, by <see cref="Validation.Check{T}"/>, where work enters the library (scikit-learn's
/// <c>_parameter_constraints</c>). Nested calls trust checked input.
/// </summary>
public interface IValidated
{
    /// <summary>Checks that relate two or more properties (e.g. K ≤ N), run after every property's own constraints
    /// hold; throws an <see cref="ArgumentException"/> naming the property. Default: none.</summary>
    void CheckRelations() { }
}
