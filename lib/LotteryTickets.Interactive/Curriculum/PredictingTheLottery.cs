using LotteryTickets.Experiments;
using LotteryTickets.Sparse;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>Notebook 08 (predicting the lottery): the sweeps its cells and its solutions share, per
/// <see cref="Budget"/>.</summary>
public static class PredictingTheLottery
{
    /// <summary>
    /// The ℓ1 phase-diagram grid, seed 8, 10 trials per cell: quick n = 50 on δ, ρ ∈ {0.1, …, 0.9} (9 × 9 cells); full
    /// n = 100 with δ twice as fine, {0.05, …, 0.95} (19 × 9 cells).
    /// </summary>
    public static PhaseDiagramSweep PhaseGrid(Budget budget) =>
        new(Steps(Check.NotNull(budget).Choose(0.1, 0.05)), Steps(0.1), N: budget.Choose(50, 100), Trials: 10, Seed: 8);

    /// <summary>
    /// The planted teacher, seed 8: n inputs, k = n/10 non-zeros, m = n/10, 2n/10, …, n; quick n = 100 with 20 trials
    /// per m, full n = 200 with 40. The pruners are not told k: they stop at the sparsest level still fitting the training
    /// data (<see cref="PruningStop.FitLost"/>).
    /// </summary>
    public static TeacherRecoverySweep Teacher(Budget budget)
    {
        int n = Check.NotNull(budget).Choose(100, 200);
        return new TeacherRecoverySweep(N: n, K: n / 10, Samples: Enumerable.Range(1, 10).Select(i => i * n / 10).ToArray(),
            Trials: budget.Choose(20, 40), Seed: 8, Stop: PruningStop.FitLost);
    }

    private static double[] Steps(double step) =>
        Enumerable.Range(1, (int)Math.Round(1 / step) - 1).Select(i => Math.Round(i * step, 3)).ToArray();
}
