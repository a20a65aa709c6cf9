using LotteryTickets.Models;
using LotteryTickets.Training;
using static TorchSharp.torch;

namespace LotteryTickets.Lottery;

/// <summary>
/// A finished (or partial) IMP run: the levels in order, the rewind point and the last level's trained weights (enough
/// to continue with more levels). Plain data: the snapshots are host values, and the data is the caller's.
/// </summary>
public sealed class LotteryRun
{
    internal LotteryRun(LotteryHparams hparams, long seed, TrainingData data, Device device, IReadOnlyList<LevelResult> levels,
        WeightSnapshot rewindWeights, WeightSnapshot lastTrainedWeights)
    {
        Hparams = hparams;
        Seed = seed;
        Data = data;
        Device = device;
        Levels = levels;
        RewindWeights = rewindWeights;
        LastTrainedWeights = lastTrainedWeights;
    }

    /// <summary>The run's settings.</summary>
    public LotteryHparams Hparams { get; }

    /// <summary>The seed of its initialisation and data order.</summary>
    public long Seed { get; }

    /// <summary>The data it trained on (controls reuse it).</summary>
    public TrainingData Data { get; }

    /// <summary>The device it trained on.</summary>
    public Device Device { get; }

    /// <summary>Level 0 (dense) first.</summary>
    public IReadOnlyList<LevelResult> Levels { get; }

    /// <summary>The weights every level rewinds to (initialisation, or after <see cref="LotteryHparams.RewindStep"/> iterations).</summary>
    public WeightSnapshot RewindWeights { get; }

    /// <summary>The last level's trained weights.</summary>
    public WeightSnapshot LastTrainedWeights { get; }
}
