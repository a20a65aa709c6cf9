namespace LotteryTickets;

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
