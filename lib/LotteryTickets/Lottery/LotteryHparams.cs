using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>Everything that defines an IMP run (open_lth's lottery hparams).</summary>
public sealed record LotteryHparams
{
    private readonly ModelHparams _model = new();
    private readonly TrainingHparams _training = new();
    private readonly PruningHparams _pruning = new();
    private readonly int _levels = 5, _rewindStep;

    /// <summary>The network.</summary>
    public ModelHparams Model { get => _model; init => _model = Check.NotNull(value, nameof(Model)); }

    /// <summary>How each level trains.</summary>
    public TrainingHparams Training { get => _training; init => _training = Check.NotNull(value, nameof(Training)); }

    /// <summary>How each level prunes.</summary>
    public PruningHparams Pruning { get => _pruning; init => _pruning = Check.NotNull(value, nameof(Pruning)); }

    /// <summary>Pruning levels after the dense level 0 (≥ 0; default 5).</summary>
    public int Levels { get => _levels; init => _levels = Check.InRange(value, 0, 1000, nameof(Levels)); }

    /// <summary>
    /// 0 (default): rewind to the initialisation. k &gt; 0: "late rewinding" to the weights after k iterations of
    /// level 0; later levels then train the remaining iterations of the schedule. At most the schedule's length.
    /// </summary>
    public int RewindStep { get => _rewindStep; init => _rewindStep = Check.NonNegative(value, nameof(RewindStep)); }

    /// <summary>Seeds the initialisation and the data order.</summary>
    public long Seed { get; init; }

    /// <summary>Percentage of prunable weights remaining at <paramref name="level"/> if every layer had the global rate (a guide; exact counts come from the masks).</summary>
    public double NominalPercentRemaining(int level) => 100.0 * Math.Pow(1 - Pruning.Fraction, Check.NonNegative(level));
}
