using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>Everything that defines an IMP run (open_lth's lottery hparams).</summary>
public sealed record LotteryHparams : IValidated
{
    /// <summary>The network.</summary>
    public ModelHparams Model { get; init; } = new LeNetHparams();

    /// <summary>How each level trains.</summary>
    public TrainingHparams Training { get; init; } = new();

    /// <summary>How each level prunes.</summary>
    public PruningHparams Pruning { get; init; } = new();

    /// <summary>Pruning levels after the dense level 0 (≥ 0; default 5).</summary>
    [Range(0, 1000)] public int Levels { get; init; } = 5;

    /// <summary>
    /// 0 (default): rewind to the initialisation. k &gt; 0: "late rewinding" to the weights after k iterations of
    /// level 0; later levels then train the remaining iterations of the schedule. At most the schedule's length.
    /// </summary>
    [NonNegative] public int RewindStep { get; init; }

    /// <summary>Seeds the initialisation and the data order.</summary>
    public long Seed { get; init; }

    /// <summary>Percentage of prunable weights remaining at <paramref name="level"/> if every layer had the global rate (a guide; exact counts come from the masks).</summary>
    public double NominalPercentRemaining(int level) => 100.0 * Math.Pow(1 - Pruning.Fraction, Check.NonNegative(level));
}
