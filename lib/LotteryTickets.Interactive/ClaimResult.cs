using LotteryTickets.Statistics;

namespace LotteryTickets.Interactive;

/// <summary>A <see cref="Claim"/> beside what one run measured for it, and the verdict (plain data; written to
/// <c>out/verdicts/</c> and to the full-budget records).</summary>
/// <param name="Id">The claim's key.</param>
/// <param name="Statement">The claim in a sentence.</param>
/// <param name="Measure">The quantity measured, with its unit.</param>
/// <param name="Threshold">The claim's threshold.</param>
/// <param name="Side">The side of the threshold the claim puts the quantity on.</param>
/// <param name="Measured">The measurement: mean ± standard error over n replicates.</param>
/// <param name="Verdict">What <see cref="VerdictRule"/> decides from it.</param>
public sealed record ClaimResult(string Id, string Statement, string Measure, double Threshold, ClaimSide Side, Estimate Measured,
    Verdict Verdict)
{
    /// <summary>Why the measurement can differ from the claim (see <see cref="Claim.Why"/>).</summary>
    public string? Why { get; init; }

    /// <summary>How the quantity is printed.</summary>
    public string Format { get; init; } = "+0.00;-0.00;0.00";

    /// <summary>True when the quantity is a time (see <see cref="Claim.Timed"/>); written only when true.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Timed { get; init; }
}
