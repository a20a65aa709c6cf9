namespace LotteryTickets;

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
