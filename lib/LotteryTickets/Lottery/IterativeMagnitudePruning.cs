using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;
using static TorchSharp.torch;

namespace LotteryTickets.Lottery;

/// <summary>
/// Iterative magnitude pruning (IMP), as in open_lth: level 0 trains the dense network (saving the rewind point);
/// each further level prunes the previous level's trained weights, rewinds the survivors and trains again. Everything
/// runs on the device of <see cref="TrainingData.Train"/>.
/// </summary>
public static class IterativeMagnitudePruning
{
    /// <summary>Runs levels 0 … <see cref="LotteryHparams.Levels"/>.</summary>
    /// <example><code>var run = IterativeMagnitudePruning.Run(hparams, new TrainingData(train, null, test));</code></example>
    public static LotteryRun Run(LotteryHparams hparams, TrainingData data, IProgress<ImpProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(hparams, data);
        var levels = new List<LevelResult>();
        WeightSnapshot? rewind = null;
        WeightSnapshot? trained = null;
        try
        {
            var outcome = TrainLevel(hparams, 0, null, null, data, progress, cancellationToken);
            levels.Add(outcome.Result);
            rewind = outcome.RewindWeights;
            trained = outcome.TrainedWeights;
            for (int level = 1; level <= hparams.Levels; level++)
            {
                var mask = PruneNext(hparams, levels[^1].Mask, trained);
                try { outcome = TrainLevel(hparams, level, mask, rewind, data, progress, cancellationToken); }
                catch { mask.Dispose(); throw; }
                levels.Add(outcome.Result);
                trained.Dispose();
                trained = outcome.TrainedWeights;
            }
            return new LotteryRun(hparams, data, data.Train.Device, levels.AsReadOnly(), rewind, trained);
        }
        catch
        {
            foreach (var l in levels) l.Mask.Dispose();
            rewind?.Dispose();
            trained?.Dispose();
            throw;
        }
    }

    /// <summary>The next level's mask: the configured strategy applied to the previous mask and trained weights.</summary>
    public static Mask PruneNext(LotteryHparams hparams, Mask previous, WeightSnapshot trainedWeights)
    {
        Check.NotNull(hparams);
        Check.NotNull(previous);
        Check.NotNull(trainedWeights);
        return PruningStrategies.Get(hparams.Pruning.Strategy).Prune(previous, trainedWeights.Tensors, hparams.Pruning);
    }

    /// <summary>
    /// Trains one level. Level 0: <paramref name="mask"/> null (dense) or given, <paramref name="rewindWeights"/> null —
    /// the model is initialised from <see cref="LotteryHparams.Seed"/> and the rewind point is captured at
    /// <see cref="LotteryHparams.RewindStep"/>. Later levels: the model is loaded from <paramref name="rewindWeights"/>,
    /// masked, and trains the schedule from iteration <see cref="LotteryHparams.RewindStep"/> on. A pure function of
    /// its inputs, so a run can resume from its last completed level. The returned result takes ownership of
    /// <paramref name="mask"/> (a dense mask is created when it is null).
    /// </summary>
    public static LevelOutcome TrainLevel(LotteryHparams hparams, int level, Mask? mask, WeightSnapshot? rewindWeights,
        TrainingData data, IProgress<ImpProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(hparams, data);
        Check.NonNegative(level);
        Check.That(level == 0 || (mask is not null && rewindWeights is not null),
            "levels after 0 need the mask to train and the rewind weights.", nameof(mask));
        Check.That(level == 0 || rewindWeights is not null, "levels after 0 need the rewind weights.", nameof(rewindWeights));

        using var model = hparams.Model.Create(data.Train.Device, hparams.Seed);
        mask?.EnsureMatches(model);
        mask ??= Mask.Dense(model);
        int start = 0, snapshotAt = hparams.RewindStep;
        if (rewindWeights is not null)
        {
            rewindWeights.LoadInto(model);
            start = hparams.RewindStep;
            snapshotAt = -1;
        }
        var result = TrainMasked("ticket", hparams, level, model, mask, data, start, snapshotAt, hparams.Seed, progress,
            cancellationToken, out var snapshot);
        return new LevelOutcome(result, WeightSnapshot.Capture(model), rewindWeights ?? snapshot!);
    }

    internal static LevelResult TrainMasked(string runName, LotteryHparams hparams, int level, PrunableModel model, Mask mask,
        TrainingData data, int startIteration, int snapshotAt, long dataSeed, IProgress<ImpProgress>? progress,
        CancellationToken cancellationToken, out WeightSnapshot? snapshot)
    {
        double percent = mask.PercentKept;
        var relay = progress is null ? null : new Relay(p => progress.Report(new ImpProgress(runName, level, percent, p.Point, p.TotalIterations)));
        var training = Trainer.TrainCore(model, mask, data.Train, data.Validation, data.Test, hparams.Training, dataSeed,
            startIteration, snapshotAt, relay, cancellationToken, out snapshot);
        return new LevelResult(level, percent, mask.Report(), training, mask);
    }

    internal static void Validate(LotteryHparams hparams, TrainingData data)
    {
        Check.NotNull(hparams);
        Check.NotNull(data);
        Check.NotNull(data.Train, nameof(data));
        Check.NotNull(data.Test, nameof(data));
        int total = hparams.Training.IterationsPerEpoch(data.Train.Count) * hparams.Training.Epochs;
        Check.That(hparams.RewindStep <= total,
            $"RewindStep must be in [0, {total}] (the schedule's iterations); got {hparams.RewindStep}.", nameof(hparams.RewindStep));
    }

    /// <summary>Synchronous IProgress (Progress&lt;T&gt; would post to a synchronization context).</summary>
    private sealed class Relay(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
