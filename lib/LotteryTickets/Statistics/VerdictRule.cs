namespace LotteryTickets.Statistics;

/// <summary>
/// The one rule every verdict of the collection is decided by. A claim puts a measured quantity on one side of a
/// threshold (a difference above 0, a ticket's deficit below half a point). The measurement is the mean over
/// replicates ± <see cref="StandardErrors"/> standard errors of the mean: the claim <b>holds</b> when that whole
/// interval lies on the claim's side, <b>does not hold</b> when it lies wholly on the other side, and is <b>within
/// noise</b> otherwise — also when there are fewer than <see cref="MinimumReplicates"/> replicates (one seed is a
/// demonstration, not evidence).
/// </summary>
public static class VerdictRule
{
    /// <summary>Half-width of the interval, in standard errors of the mean.</summary>
    public const double StandardErrors = 2;

    /// <summary>Fewer replicates than this decide nothing.</summary>
    public const int MinimumReplicates = 2;

    /// <summary>The verdict on the claim "<paramref name="measured"/> is <paramref name="side"/> <paramref name="threshold"/>".</summary>
    public static Verdict Decide(Estimate measured, double threshold, ClaimSide side)
    {
        Check.NotNull(measured);
        Check.That(double.IsFinite(threshold), $"threshold must be finite; got {threshold}.", nameof(threshold));
        Check.Defined(side);
        if (!measured.HasSpread || !double.IsFinite(measured.Mean)) return Verdict.WithinNoise;
        bool above = measured.Low > threshold, below = measured.High < threshold;
        return (side, above, below) switch
        {
            (ClaimSide.Above, true, _) or (ClaimSide.Below, _, true) => Verdict.Holds,
            (ClaimSide.Above, _, true) or (ClaimSide.Below, true, _) => Verdict.DoesNotHold,
            _ => Verdict.WithinNoise,
        };
    }

    /// <summary>True when two verdicts contradict each other (one holds, the other does not); within noise contradicts neither.</summary>
    public static bool Contradicts(Verdict a, Verdict b) =>
        (a, b) is (Verdict.Holds, Verdict.DoesNotHold) or (Verdict.DoesNotHold, Verdict.Holds);
}
