using LotteryTickets.Experiments;
using LotteryTickets.Models;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 02 (the time-to-train paradox): the tickets of notebook 01 (<see cref="StructureIsKing"/>, trained again
/// here without controls, or loaded from the run store when 01 ran first), the race to a target accuracy, and the
/// step timings at the training batch size.
/// </summary>
public static class TimeToTrainParadox
{
    /// <summary>
    /// The target test accuracy, 94 % at both budgets: about a point below what the dense LeNet-300-100 reaches on the
    /// shipped 8,000/2,000 split (95.0 % after the quick budget's 5 epochs, 95.1 % after the full budget's 15), so that
    /// the dense network and the good tickets reach it and the race is about speed, not about who gets there at all.
    /// </summary>
    public static double Target => 0.94;

    /// <summary>Notebook 01's unstructured tickets, without controls (the race needs only the tickets).</summary>
    public static TicketExperiment UnstructuredExperiment(Budget budget, TrainingData data) =>
        StructureIsKing.UnstructuredExperiment(budget, data) with { Controls = [] };

    /// <summary>Notebook 01's structured tickets, without controls.</summary>
    public static TicketExperiment StructuredExperiment(Budget budget, TrainingData data) =>
        StructureIsKing.StructuredExperiment(budget, data) with { Controls = [] };

    /// <summary>
    /// Step timings at the tickets' own sparsities (<see cref="RaceToTarget.SparsitiesOf"/>), at the training batch
    /// size, one thread. Quick: 12 timed runs per point (steps of a few milliseconds are noisy); full: 40.
    /// </summary>
    public static SpeedSweep Speed(Budget budget, IReadOnlyList<double> sparsities) => new(ModelHparams.LeNet300100, sparsities,
        [StructureIsKing.Training(budget).BatchSize], Threads: 1, Warmup: 3, Repeats: budget.Choose(quick: 12, full: 40));

    /// <summary>The chapter's example: dense kernels at η = 0.60, sparse ones at η = 0.10.</summary>
    public static (double Dense, double Sparse) ChapterEta => (0.60, 0.10);
}
