using LotteryTickets.Sparse;

namespace LotteryTickets.Experiments;

/// <summary>
/// What <see cref="OmpRecoverySweep"/> measured (plain arrays, so it round-trips through JSON and the run store).
/// Cell arrays are indexed [shared-weight index][sparsity index][SNR index].
/// </summary>
/// <param name="Options">The settings of the sweep.</param>
/// <param name="MeanCoherence">Mutual coherence μ per shared weight, mean over the trials' dictionaries.</param>
/// <param name="MaxCoherence">The largest μ per shared weight over the trials' dictionaries.</param>
/// <param name="ExactRecovery">Fraction of trials whose selected support equals the ticket's support exactly.</param>
/// <param name="AtomsFound">Mean fraction of the ticket's atoms among those OMP selected.</param>
/// <param name="GuaranteedTrials">[shared weight][SNR]: trials (over all k) whose k lies below their own dictionary's
/// coherence bound (1 + 1/μ)/2.</param>
/// <param name="GuaranteedFailures">[shared weight][SNR]: of those, the ones OMP got wrong (0 when noiseless, by the theorem).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the sweep.</param>
public sealed record OmpRecoveryResult(
    OmpRecoverySweep Options,
    double[] MeanCoherence,
    double[] MaxCoherence,
    double[][][] ExactRecovery,
    double[][][] AtomsFound,
    int[][] GuaranteedTrials,
    int[][] GuaranteedFailures,
    double ElapsedSeconds)
{
    /// <summary>The guarantee's bound (1 + 1/μ)/2 at the mean coherence of shared weight <paramref name="weightIndex"/>.</summary>
    public double GuaranteeBound(int weightIndex) =>
        CoherenceGuarantee.SparsityBound(MeanCoherence[Check.InRange(weightIndex, 0, MeanCoherence.Length - 1)]);

    /// <summary>
    /// The largest k of the grid with exact recovery in at least <paramref name="rate"/> of the trials at this k and every
    /// smaller one (0 when even the smallest k falls short).
    /// </summary>
    public int LargestRecoveredSparsity(int weightIndex, int snrIndex, double rate = 0.9)
    {
        Check.InRange(weightIndex, 0, ExactRecovery.Length - 1);
        Check.InRange(snrIndex, 0, Options.SnrsDb.Count - 1);
        Check.UnitInterval(rate);
        return Options.Sparsities.TakeWhile((_, k) => !(ExactRecovery[weightIndex][k][snrIndex] < rate)).LastOrDefault();
    }
}
