namespace LotteryTickets.Experiments;

/// <summary>
/// What <see cref="L1PathSweep"/> measured, per point of the λ path (means over the problems), and per level of
/// iterative magnitude pruning. "Recall" is the share of the ticket's k atoms inside a support.
/// </summary>
/// <param name="Options">The settings of the sweep.</param>
/// <param name="LambdaRatios">λ / λ_max per path point (decreasing).</param>
/// <param name="SupportSize">Nonzeros of the ℓ1 solution.</param>
/// <param name="L1Recall">Share of the ticket inside the ℓ1 support.</param>
/// <param name="L1Precision">Share of the ℓ1 support that belongs to the ticket (1 for an empty support).</param>
/// <param name="PruningRecall">Share of the ticket inside the same number of largest entries of the dense fit (one-shot magnitude pruning).</param>
/// <param name="PruningAgreement">Share of the ℓ1 support that one-shot pruning to the same size also keeps.</param>
/// <param name="WarmIterations">Solver iterations with warm starts along the path.</param>
/// <param name="ColdIterations">Solver iterations started from 0.</param>
/// <param name="WarmSeconds">Seconds with warm starts.</param>
/// <param name="ColdSeconds">Seconds from 0.</param>
/// <param name="ImpSupportSize">Atoms kept at each level of iterative magnitude pruning (level 0: all N).</param>
/// <param name="ImpRecall">Share of the ticket kept at each level of iterative pruning (mean over problems).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the sweep.</param>
public sealed record L1PathSweepResult(
    L1PathSweep Options,
    double[] LambdaRatios,
    double[] SupportSize,
    double[] L1Recall,
    double[] L1Precision,
    double[] PruningRecall,
    double[] PruningAgreement,
    double[] WarmIterations,
    double[] ColdIterations,
    double[] WarmSeconds,
    double[] ColdSeconds,
    int[] ImpSupportSize,
    double[] ImpRecall,
    double ElapsedSeconds)
{
    /// <summary>Per problem: the share of the ticket in the ℓ1 support at the first path point whose support reaches k (NaN if
    /// none does); null in results stored before it was recorded.</summary>
    public double[]? L1RecallAtK { get; init; }

    /// <summary>Per problem: the share of the ticket one-shot magnitude pruning of the dense fit keeps at that same point.</summary>
    public double[]? PruningRecallAtK { get; init; }

    /// <summary>Per problem: the share of the ticket at the last level of iterative magnitude pruning that keeps k or more atoms.</summary>
    public double[]? ImpRecallAtK { get; init; }

    /// <summary>The first path point whose mean support size reaches k (null when none does).</summary>
    public int? FirstAtTicketSize() => Array.FindIndex(SupportSize, s => s >= Options.K) is var i and >= 0 ? i : null;
}
