using LotteryTickets.Experiments;
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
    /// by the lasso on fc2's activations of 2,000 training digits (full: 6,000), keeping 20 % of each class's weights, with the
    /// four solvers raced on class 0 (at most 3,000 iterations; full 20,000).
    /// </summary>
    public static NetworkReadoutSweep NetworkReadout(Budget budget, TrainingData data) =>
        new(OmpFindsTheTicket.Networks(Check.NotNull(budget), Check.NotNull(data)), Examples: budget.Choose(quick: 2000, full: 6000),
            KeepShare: 0.2, RaceAlgorithms: Solvers, RaceMaxIterations: budget.Choose(quick: 3000, full: 20_000));
}
