using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>
/// The hyper-parameters of an IMP run (open_lth's lottery hparams): what the network is and how each level trains and
/// prunes. The run's seed and how many levels it goes to belong to the run (<see cref="IterativeMagnitudePruning.Run"/>,
/// <c>TicketExperiment</c>), not to these settings: a longer run extends a shorter one with the same settings.
/// </summary>
public sealed record LotteryHparams : IValidated
{
    /// <summary>The network.</summary>
    public ModelHparams Model { get; init; } = new LeNetHparams();

    /// <summary>How each level trains.</summary>
    public TrainingHparams Training { get; init; } = new();

    /// <summary>How each level prunes.</summary>
    public PruningHparams Pruning { get; init; } = new();

    /// <summary>
    /// 0 (default): rewind to the initialisation. k &gt; 0: "late rewinding" to the weights after k iterations of
    /// level 0; later levels then train the remaining iterations of the schedule. At most the schedule's length.
    /// </summary>
    [NonNegative] public int RewindStep { get; init; }

    /// <summary>
    /// Epochs of level 0, the dense network (null, the default: <see cref="TrainingHparams.Epochs"/>, as every level). Set it
    /// where the dense network needs longer to converge than its tickets do, so that the dense reference the tickets are
    /// compared with is not under-trained relative to them; the first pruning step then ranks the longer-trained weights.
    /// The pruned levels and the controls keep <see cref="Training"/>'s schedule.
    /// </summary>
    [Positive] public int? DenseEpochs { get; init; }

    /// <summary>How <paramref name="level"/> trains: <see cref="Training"/>, with <see cref="DenseEpochs"/> at level 0 where set.</summary>
    public TrainingHparams TrainingAt(int level) =>
        Check.NonNegative(level) == 0 && DenseEpochs is int epochs ? Training with { Epochs = epochs } : Training;

    /// <summary>Percentage of prunable weights remaining at <paramref name="level"/> if every layer had the global rate
    /// (a guide; exact counts come from the masks).</summary>
    public double NominalPercentRemaining(int level) => 100.0 * Math.Pow(1 - Pruning.Fraction, Check.NonNegative(level));
}
