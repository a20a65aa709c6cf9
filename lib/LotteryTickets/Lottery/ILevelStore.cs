using LotteryTickets.Models;

namespace LotteryTickets.Lottery;

/// <summary>
/// Where one run's finished levels are kept (the run store gives one per run key: <c>RunStore.Levels</c>). The IMP
/// loop and the controls ask it before training a level and skip the level when it answers; every level they train
/// is saved as soon as it completes, so an interrupted run resumes at its last finished level with the same result.
/// </summary>
public interface ILevelStore
{
    /// <summary>A stored level of <paramref name="series"/>, or null.</summary>
    LevelResult? LoadLevel(TicketSeries series, int level);

    /// <summary>The trained weights stored with a level, or null.</summary>
    WeightSnapshot? LoadTrainedWeights(TicketSeries series, int level);

    /// <summary>The run's rewind point, or null.</summary>
    WeightSnapshot? LoadRewindWeights();

    /// <summary>Stores a finished level (with its trained weights when the next level is pruned from them).</summary>
    void SaveLevel(TicketSeries series, LevelResult result, WeightSnapshot? trainedWeights = null);

    /// <summary>Stores the rewind point (before the level-0 row that relies on it).</summary>
    void SaveRewindWeights(WeightSnapshot weights);
}
