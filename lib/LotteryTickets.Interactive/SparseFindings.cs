using LotteryTickets.Experiments;
using System.Globalization;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>The sparse-recovery sweeps' headline numbers (OMP, the ℓ1 path, the ℓ1 solvers), one sentence each, for a
/// notebook to print (<c>string.Join("\n", result.Findings())</c>).</summary>
public static class SparseFindings
{
    /// <summary>Per shared weight: coherence, the guarantee's bound, the largest k recovered per SNR, and the
    /// guaranteed trials that failed.</summary>
    public static IReadOnlyList<string> Findings(this OmpRecoveryResult r)
    {
        Check.NotNull(r);
        var o = r.Options;
        List<string> lines = [F("{0}×{1} dictionaries, {2} trials per cell, {3:0.0} s.", o.M, o.N, o.Trials, r.ElapsedSeconds)];
        for (int s = 0; s < o.SharedWeights.Count; s++)
        {
            int covered = r.GuaranteedTrials[s].Sum(), failed = r.GuaranteedFailures[s].Sum();
            var perSnr = string.Join(", ", o.SnrsDb.Select((snr, i) => F("{0} → k ≤ {1}", LabelText.Snr(snr), r.LargestRecoveredSparsity(s, i))));
            lines.Add(F("s = {0:0.00}: μ = {1:0.000} (max {2:0.000}), guarantee k < {3:0.00}; ≥ 90 % exact recovery up to {4}; " +
                "{5} guaranteed trials, {6} failed.",
                o.SharedWeights[s], r.MeanCoherence[s], r.MaxCoherence[s], r.GuaranteeBound(s), perSnr, covered, failed));
        }
        return lines;
    }

    /// <summary>The path's support growth, ℓ1 against one-shot and iterative magnitude pruning where the support
    /// reaches the ticket's size, and what warm starts save.</summary>
    public static IReadOnlyList<string> Findings(this L1PathSweepResult r)
    {
        Check.NotNull(r);
        var o = r.Options;
        var lines = new List<string>
        {
            F("{0} problems, A {1}×{2}, ticket k = {3}, SNR {4:0.#} dB; {5} λ from λ_max to {6:0.####}·λ_max; {7:0.0} s.",
                o.Problems, o.M, o.N, o.K, o.SnrDb, o.Lambdas, o.LambdaRatio, r.ElapsedSeconds),
            F("Support grows from {0:0.#} to {1:0.#} atoms along the path.", r.SupportSize[0], r.SupportSize[^1]),
        };
        if (r.FirstAtTicketSize() is int i)
            lines.Add(F(
                "Where the ℓ1 support first reaches k ({0:0.#} atoms, λ = {1:0.###}·λ_max): ℓ1 holds {2:P0} of the ticket, one-shot magnitude " +
                    "pruning of the dense fit {3:P0}; they share {4:P0} of their atoms.",
                r.SupportSize[i], r.LambdaRatios[i], r.L1Recall[i], r.PruningRecall[i], r.PruningAgreement[i]));
        int imp = Array.FindLastIndex(r.ImpSupportSize, s => s >= o.K);
        if (imp >= 0)
            lines.Add(F("Iterative magnitude pruning (refit, drop {0:P0}, repeat) keeps {1:P0} of the ticket at {2} atoms (level {3}).",
                o.PruneFraction, r.ImpRecall[imp], r.ImpSupportSize[imp], imp));
        lines.Add(F("Warm starts: {0:0} iterations / {1:0.00} s for the whole path, against {2:0} / {3:0.00} s from 0 (mean per problem).",
            r.WarmIterations.Sum(), r.WarmSeconds.Sum(), r.ColdIterations.Sum(), r.ColdSeconds.Sum()));
        return lines;
    }

    /// <summary>Per solver: the median iterations and time to a relative gap of <paramref name="target"/>, how many
    /// problems converged, and the final support.</summary>
    public static IReadOnlyList<string> Findings(this L1ConvergenceResult r, double target = 1e-6)
    {
        Check.NotNull(r);
        Check.Positive(target);
        var o = r.Options;
        List<string> lines = [F("{0} lasso problems, A {1}×{2}, k = {3}, SNR {4:0.#} dB, λ = {5:0.###}·λ_max; {6:0.0} s in all.",
            o.Problems, o.M, o.N, o.K, o.SnrDb, o.LambdaRatio, r.ElapsedSeconds)];
        foreach (var algorithm in r.Options.Solvers)
        {
            var traces = r.TracesOf(algorithm);
            var its = r.MedianIterationsTo(algorithm, target);
            var secs = r.MedianSecondsTo(algorithm, target);
            lines.Add(F(
                "{0}: relative gap ≤ {1:0e0} after {2} iterations / {3} (median); converged on {4}/{5} problems; final support {6:0.#} atoms (mean).",
                algorithm, target, its is null ? F("more than the cap of {0}", o.MaxIterations) : F("{0:0}", its.Value),
                secs is null ? "—" : FormatSeconds(secs.Value), traces.Count(t => t.Converged), traces.Count, traces.Average(t => t.SupportSize)));
        }
        return lines;
    }

    private static string FormatSeconds(double s) =>
        s < 1 ? (1000 * s).ToString("0.0", CultureInfo.InvariantCulture) + " ms" : s.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
