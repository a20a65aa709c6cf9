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
