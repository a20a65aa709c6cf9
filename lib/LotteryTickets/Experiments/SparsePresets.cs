using LotteryTickets.Sparse;

namespace LotteryTickets.Experiments;

/// <summary>
/// The sparse-recovery settings of notebooks 06 and 07, kept here so that their solutions (and later chapters) run
/// exactly the same experiments: copy with <c>with</c> to change one setting.
/// </summary>
public static class SparsePresets
{
    /// <summary>
    /// Notebook 06: OMP on 64×128 correlated dictionaries. Quick: 4 coherences × 10 ticket sizes × 6 SNRs, 40 trials;
    /// full: 8 coherences × k = 1…24 × 11 SNRs, 200 trials. The first SNR is +∞ (noiseless).
    /// </summary>
    public static OmpRecoveryOptions OmpRecovery(Budget budget)
    {
        Check.NotNull(budget);
        return new OmpRecoveryOptions(M: 64, N: 128,
            SharedWeights: budget.Choose<double[]>(quick: [0, 0.3, 0.6, 0.8], full: [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
            Sparsities: budget.Choose<int[]>(quick: [1, 2, 3, 4, 6, 8, 10, 12, 16, 20], full: [.. Enumerable.Range(1, 24)]),
            SnrsDb: budget.Choose<double[]>(quick: [double.PositiveInfinity, 30, 20, 15, 10, 5],
                full: [double.PositiveInfinity, 40, 30, 25, 20, 15, 12, 10, 7, 5, 0]),
            Trials: budget.Choose(quick: 40, full: 200), Seed: 6);
    }

    /// <summary>Notebook 07: ISTA, FISTA and proximal Newton on 100×300 lassos (k = 10, 20 dB, λ = 0.05 λ_max).
    /// Quick: 3 problems, at most 3,000 iterations; full: 10 problems, 20,000.</summary>
    public static L1ConvergenceOptions L1Convergence(Budget budget)
    {
        Check.NotNull(budget);
        return new L1ConvergenceOptions(M: 100, N: 300, K: 10, SnrDb: 20, LambdaRatio: 0.05,
            Problems: budget.Choose(quick: 3, full: 10), Seed: 7, MaxIterations: budget.Choose(quick: 3000, full: 20_000));
    }

    /// <summary>Notebook 07: λ paths on the same kind of problems, from λ_max to 10⁻³ λ_max. Quick: 25 λ, 3 problems;
    /// full: 50 λ, 10 problems.</summary>
    public static L1PathSweepOptions L1Path(Budget budget)
    {
        Check.NotNull(budget);
        return new L1PathSweepOptions(M: 100, N: 300, K: 10, SnrDb: 20, Lambdas: budget.Choose(quick: 25, full: 50),
            LambdaRatio: 1e-3, Problems: budget.Choose(quick: 3, full: 10), Seed: 7);
    }
}
