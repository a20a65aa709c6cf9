using LotteryTickets.Experiments;
using LotteryTickets.Statistics;
using LotteryTickets.Sparse;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>Notebook 07 (the ℓ1-penalised search): the sweeps its cells and its solutions share, per
/// <see cref="Budget"/>; copy with <c>with</c> to change one setting.</summary>
public static class L1ProximalNewton
{
    /// <summary>The four solvers raced, in order: plain subgradient descent (the "simple gradient descent"), ISTA, FISTA, proximal Newton.</summary>
    public static IReadOnlyList<L1Algorithm> Solvers { get; } =
        [L1Algorithm.SubgradientDescent, L1Algorithm.Ista, L1Algorithm.Fista, L1Algorithm.ProximalNewton];

    /// <summary>Subgradient descent, ISTA, FISTA and proximal Newton on 100×300 lassos (k = 10, 20 dB, λ = 0.05 λ_max), seed 7.
    /// Quick: 3 problems, at most 3,000 iterations; full: 10 problems, 20,000.</summary>
    public static L1ConvergenceSweep Convergence(Budget budget) => new(M: 100, N: 300, K: 10, SnrDb: 20, LambdaRatio: 0.05,
        Problems: Check.NotNull(budget).Choose(quick: 3, full: 10), Seed: 7, MaxIterations: budget.Choose(quick: 3000, full: 20_000),
        Algorithms: Solvers);

    /// <summary>λ paths on the same kind of problems, from λ_max to 10⁻³ λ_max, seed 7. Quick: 25 λ, 3 problems;
    /// full: 50 λ, 10 problems.</summary>
    public static L1PathSweep Path(Budget budget) => new(M: 100, N: 300, K: 10, SnrDb: 20, Lambdas: Check.NotNull(budget).Choose(quick: 25, full: 50),
        LambdaRatio: 1e-3, Problems: budget.Choose(quick: 3, full: 10), Seed: 7);

    /// <summary>
    /// The ℓ1 read-out of the shared LeNets (<see cref="OmpFindsTheTicket.Networks"/> on <paramref name="data"/>): fc3 found again
    /// by the lasso on fc2's activations of 1,000 training digits (full: 6,000), keeping 20 % of each class's weights, with the
    /// four solvers raced on class 0 (at most 3,000 iterations; full 20,000).
    /// </summary>
    public static NetworkReadoutSweep NetworkReadout(Budget budget, TrainingData data) =>
        new(OmpFindsTheTicket.Networks(Check.NotNull(budget), Check.NotNull(data)), Examples: budget.Choose(quick: 1000, full: 6000),
            KeepShare: 0.2, RaceAlgorithms: Solvers, RaceMaxIterations: budget.Choose(quick: 3000, full: 20_000));

    /// <summary>The relative objective gap (F − F*)/F* at which the timed claims read the race.</summary>
    public const double TargetGap = 1e-6;

    /// <summary>
    /// Section 7's claims against a run: exact zeros (proximal Newton − subgradient descent, per problem of
    /// <paramref name="race"/>, which must race both), the time races to a relative gap of <see cref="TargetGap"/> (subgradient
    /// descent and ISTA against proximal Newton, on the lassos and on the networks' read-outs; a solver that never gets there
    /// counts with its whole run, a lower bound), and the network read-out: overlap with magnitude pruning above chance, and test
    /// accuracy against magnitude pruning, as solved and with both supports refitted; and, from <paramref name="path"/>, the
    /// ticket kept by the ℓ1 path against one-shot magnitude pruning at the ticket's size, per problem.
    /// </summary>
    public static ClaimResult[] Claims(L1ConvergenceResult race, L1PathSweepResult path, NetworkReadoutResult readout)
    {
        Check.NotNull(race);
        Check.NotNull(path);
        Check.NotNull(readout);
        Check.That(path.L1RecallAtK is not null && path.PruningRecallAtK is not null,
            "path must carry per-problem recalls (a result stored before they were recorded); recompute it.", nameof(path));
        var pairs = path.L1RecallAtK!.Zip(path.PruningRecallAtK!).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToList();
        foreach (var a in new[] { L1Algorithm.SubgradientDescent, L1Algorithm.Ista, L1Algorithm.ProximalNewton })
        {
            Check.That(race.Options.Solvers.Contains(a), $"race must race {a}; it raced {string.Join(", ", race.Options.Solvers)}.", nameof(race));
            Check.That(readout.RaceAlgorithms.Contains(a), $"readout must race {a}; it raced {string.Join(", ", readout.RaceAlgorithms)}.",
                nameof(readout));
        }
        Check.That(readout.Accuracies.Length > 0, "readout must hold at least one network.", nameof(readout));
        string share = F("{0:0} %", 100 * readout.KeepShare);
        var net = readout.Race;
        const string timedWhy = "A time ratio belongs to the machine and to the cap: where subgradient descent never reaches the target " +
            "its whole run counts, so the ratio is a lower bound.";
        return
        [
            new Claim("prox-zeros",
                "Plain (sub)gradient descent on the ℓ1 objective leaves no exact zeros; the proximal step sets them.",
                F("share of the final iterate's {0} coefficients exactly 0, proximal Newton − subgradient descent, per lasso", race.Options.N),
                0, ClaimSide.Above)
            {
                Why = "A subgradient step moves a coordinate by a float that lands exactly on 0 with probability 0; the soft threshold sets " +
                    "every small coordinate to 0 exactly.",
            }.Against(Estimate.PairedDifference(race.FinalZeroShare(L1Algorithm.ProximalNewton),
                race.FinalZeroShare(L1Algorithm.SubgradientDescent))),
            new Claim("pn-beats-gd", "Proximal Newton finds the ℓ1 solution more efficiently than simple gradient descent.",
                F("log₁₀(seconds to a relative gap of {0:0e0}: subgradient descent ÷ proximal Newton), median of the lassos", TargetGap),
                0, ClaimSide.Above) { Timed = true, Why = timedWhy }.Against(LogRatio(race, L1Algorithm.SubgradientDescent)),
            new Claim("pn-beats-ista", "…and more efficiently than first-order proximal steps (ISTA).",
                F("log₁₀(seconds to a relative gap of {0:0e0}: ISTA ÷ proximal Newton), median of the lassos", TargetGap),
                0, ClaimSide.Above) { Timed = true, Why = timedWhy }.Against(LogRatio(race, L1Algorithm.Ista)),
            new Claim("l1-keeps-ticket",
                "ℓ1 is soft pruning that refits as it prunes: at the ticket's size it keeps more of the ticket than one-shot magnitude pruning.",
                F("share of the ticket kept, ℓ1 path − one-shot magnitude pruning of the dense fit, at the first path point with ≥ k = {0} " +
                    "atoms, per problem", path.Options.K), 0, ClaimSide.Above)
            {
                Why = "With few measurements the dense fit spreads the ticket over every atom, so its magnitudes rank the ticket poorly; " +
                    "with many, the dense fit is close to the ticket and one-shot pruning catches up.",
            }.Against(Estimate.PairedDifference(pairs.Select(p => p.First).ToList(), pairs.Select(p => p.Second).ToList())),
            new Claim("net-pn-beats-gd", "The same holds on a network's ℓ1 problem (the read-out of its last layer).",
                F("as pn-beats-gd, on class 0 of each network's read-out ({0} training digits × {1} fc2 units), median of the networks",
                    readout.Examples, readout.Units), 0, ClaimSide.Above) { Timed = true, Why = timedWhy }
                .Against(LogRatio(net, L1Algorithm.SubgradientDescent)),
            new Claim("net-l1-like-magnitude", "On a network's read-out, ℓ1 keeps the weights magnitude pruning keeps.",
                F("Jaccard(ℓ1 support, largest |weights|) − its chance value for random subsets, at {0} of fc3's weights, mean of the 10 " +
                    "classes, per network", share), 0, ClaimSide.Above)
            {
                Why = "Magnitude ranks |w| in the units' raw scale and so does the penalty here (H is not standardised), but correlated " +
                    "units share a logit between them and ℓ1 keeps one of each group.",
            }.Against(Estimate.Of(readout.JaccardAboveChance())),
            new Claim("net-l1-accuracy", "A read-out found by ℓ1 is more accurate than one pruned by magnitude at the same sparsity.",
                F("test accuracy, ℓ1 read-out as solved − magnitude-pruned fc3 not retrained, at {0} of the weights (points)", share),
                0, ClaimSide.Above)
            {
                Why = "ℓ1 refits as it prunes: the kept weights are fitted to the logits, the pruned fc3 keeps weights fitted beside the " +
                    "ones it lost.",
            }.Against(Estimate.PairedDifference(readout.Accuracies.Select(a => a.L1).ToList(), readout.Accuracies.Select(a => a.Magnitude).ToList())),
            new Claim("net-l1-choice-accuracy", "…and the gain is in which weights ℓ1 keeps, not only in refitting them.",
                F("test accuracy, ℓ1 support − magnitude support, both refitted by least squares to the logits, at {0} of the weights " +
                    "(points)", share), 0, ClaimSide.Above)
            {
                Why = "Refitted, both supports come within a few tenths of a point of the dense read-out, so their difference is of the " +
                    "size of a few test digits: the choice matters far less than the refit.",
            }.Against(Estimate.PairedDifference(readout.Accuracies.Select(a => a.L1Refit).ToList(),
                readout.Accuracies.Select(a => a.MagnitudeRefit).ToList())),
        ];
    }

    // log₁₀(slow ÷ proximal Newton seconds to TargetGap) per problem, median with its MAD-based standard error.
    static Estimate LogRatio(L1ConvergenceResult r, L1Algorithm slow)
    {
        var a = r.SecondsTo(slow, TargetGap);
        var b = r.SecondsTo(L1Algorithm.ProximalNewton, TargetGap);
        return Estimate.OfMedian(a.Zip(b, (x, y) => Math.Log10(Math.Max(x, 1e-9) / Math.Max(y, 1e-9))));
    }

    static string F(string format, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
}
