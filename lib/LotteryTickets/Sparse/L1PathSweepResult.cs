using System.Globalization;

namespace LotteryTickets.Sparse;

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
    L1PathSweepOptions Options,
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
    /// <summary>The first path point whose mean support size reaches k (null when none does).</summary>
    public int? FirstAtTicketSize() => Array.FindIndex(SupportSize, s => s >= Options.K) is var i and >= 0 ? i : null;

    /// <summary>The sweep's headline numbers, one sentence each.</summary>
    public IReadOnlyList<string> Findings()
    {
        var c = CultureInfo.InvariantCulture;
        var o = Options;
        var lines = new List<string>
        {
            string.Format(c, "{0} problems, A {1}×{2}, ticket k = {3}, SNR {4:0.#} dB; {5} λ from λ_max to {6:0.####}·λ_max; {7:0.0} s.",
                o.Problems, o.M, o.N, o.K, o.SnrDb, o.Lambdas, o.LambdaRatio, ElapsedSeconds),
            string.Format(c, "Support grows from {0:0.#} to {1:0.#} atoms along the path.", SupportSize[0], SupportSize[^1]),
        };
        if (FirstAtTicketSize() is int i)
            lines.Add(string.Format(c,
                "Where the ℓ1 support first reaches k ({0:0.#} atoms, λ = {1:0.###}·λ_max): ℓ1 holds {2:P0} of the ticket, one-shot magnitude pruning of the dense fit {3:P0}; they share {4:P0} of their atoms.",
                SupportSize[i], LambdaRatios[i], L1Recall[i], PruningRecall[i], PruningAgreement[i]));
        int imp = Array.FindLastIndex(ImpSupportSize, s => s >= o.K);
        if (imp >= 0)
            lines.Add(string.Format(c, "Iterative magnitude pruning (refit, drop {0:P0}, repeat) keeps {1:P0} of the ticket at {2} atoms (level {3}).",
                o.PruneFraction, ImpRecall[imp], ImpSupportSize[imp], imp));
        lines.Add(string.Format(c, "Warm starts: {0:0} iterations / {1:0.00} s for the whole path, against {2:0} / {3:0.00} s from 0 (mean per problem).",
            WarmIterations.Sum(), WarmSeconds.Sum(), ColdIterations.Sum(), ColdSeconds.Sum()));
        return lines;
    }
}
