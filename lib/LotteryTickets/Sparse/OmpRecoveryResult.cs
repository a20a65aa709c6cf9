using System.Globalization;

namespace LotteryTickets.Sparse;

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
    OmpRecoveryOptions Options,
    double[] MeanCoherence,
    double[] MaxCoherence,
    double[][][] ExactRecovery,
    double[][][] AtomsFound,
    int[][] GuaranteedTrials,
    int[][] GuaranteedFailures,
    double ElapsedSeconds)
{
    /// <summary>The guarantee's bound (1 + 1/μ)/2 at the mean coherence of shared weight <paramref name="weightIndex"/>.</summary>
    public double GuaranteeBound(int weightIndex) => CoherenceGuarantee.SparsityBound(MeanCoherence[weightIndex]);

    /// <summary>
    /// The largest k of the grid with exact recovery in at least <paramref name="rate"/> of the trials at this k and every
    /// smaller one (0 when even the smallest k falls short).
    /// </summary>
    public int LargestRecoveredSparsity(int weightIndex, int snrIndex, double rate = 0.9)
    {
        int best = 0;
        for (int k = 0; k < Options.Sparsities.Count; k++)
        {
            if (ExactRecovery[weightIndex][k][snrIndex] < rate) break;
            best = Options.Sparsities[k];
        }
        return best;
    }

    /// <summary>The sweep's headline numbers, one sentence each.</summary>
    public IReadOnlyList<string> Findings()
    {
        var c = CultureInfo.InvariantCulture;
        var o = Options;
        var lines = new List<string>
        {
            string.Format(c, "{0}×{1} dictionaries, {2} trials per cell, {3:0.0} s.", o.M, o.N, o.Trials, ElapsedSeconds),
        };
        for (int s = 0; s < o.SharedWeights.Count; s++)
        {
            int covered = GuaranteedTrials[s].Sum(), failed = GuaranteedFailures[s].Sum();
            var perSnr = string.Join(", ", o.SnrsDb.Select((snr, i) =>
                string.Format(c, "{0} → k ≤ {1}", SnrText(snr), LargestRecoveredSparsity(s, i))));
            lines.Add(string.Format(c,
                "s = {0:0.00}: μ = {1:0.000} (max {2:0.000}), guarantee k < {3:0.00}; ≥ 90 % exact recovery up to {4}; " +
                "{5} guaranteed trials, {6} failed.",
                o.SharedWeights[s], MeanCoherence[s], MaxCoherence[s], GuaranteeBound(s), perSnr, covered, failed));
        }
        return lines;
    }

    /// <summary>"∞ dB" or e.g. "20 dB".</summary>
    public static string SnrText(double snrDb) =>
        double.IsPositiveInfinity(snrDb) ? "noiseless" : snrDb.ToString("0.#", CultureInfo.InvariantCulture) + " dB";
}
