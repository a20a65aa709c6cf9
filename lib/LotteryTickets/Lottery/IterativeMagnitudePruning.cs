using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>
/// Iterative magnitude pruning (IMP), as in open_lth: level 0 trains the dense network (saving the rewind point);
/// each further level prunes the previous level's trained weights, rewinds the survivors and trains again. Everything
/// runs on the device of <see cref="TrainingData.Train"/>. <see cref="Run"/> is the library's one IMP loop: the
/// notebooks reach it through <c>TicketExperiment</c>, which hands it the run store's <see cref="ILevelStore"/>.
/// </summary>
public static class IterativeMagnitudePruning
{
    /// <summary>
    /// Runs levels 0 … <paramref name="levels"/> from <paramref name="seed"/> (the initialisation and the data order).
    /// With a <paramref name="store"/>, every level it already
    /// holds is loaded instead of trained (the next level is pruned from the stored trained weights), and every level
    /// trained is saved as it completes: an interrupted run resumes where it stopped, with the same result.
    /// </summary>
    /// <example><code>var run = IterativeMagnitudePruning.Run(hparams, new TrainingData(train, null, test), seed: 1, levels: 5);</code></example>
    public static LotteryRun Run(LotteryHparams hparams, TrainingData data, long seed, int levels, IProgress<ImpProgress>? progress = null,
        CancellationToken cancellationToken = default, ILevelStore? store = null, Action<LevelResult>? loaded = null)
    {
        Validation.Check(hparams);
        CheckDataFits(hparams, data);
        Check.InRange(levels, 0, MaxLevels);
        return RunChecked(hparams, data, seed, levels, progress, cancellationToken, store, loaded);
    }

    /// <summary>The most levels a run goes to (0.8^1000 of the weights would be left).</summary>
    public const int MaxLevels = 1000;

    /// <summary><see cref="Run"/> on settings and data already checked (by an experiment's Run).</summary>
    internal static LotteryRun RunChecked(LotteryHparams hparams, TrainingData data, long seed, int levelCount, IProgress<ImpProgress>? progress,
        CancellationToken cancellationToken, ILevelStore? store, Action<LevelResult>? loaded = null)
    {
        var levels = new List<LevelResult>();
        WeightSnapshot? rewind = null, trained = null;
        int trainedLevel = -1; // the level whose weights `trained` holds (only the latest is kept)
        for (int level = 0; level <= levelCount; level++)
        {
            if (store?.LoadLevel(TicketSeries.Ticket, level) is { } hit)
            {
                levels.Add(hit);
                if (level == 0)
                    rewind = store.LoadRewindWeights()
                        ?? throw new InvalidDataException("level 0 is stored but its rewind weights are missing.");
                loaded?.Invoke(hit);
                continue;
            }
            Mask? mask = null;
            if (level > 0)
            {
                if (trainedLevel != level - 1) (trained, trainedLevel) = (StoredWeights(store!, level - 1), level - 1);
                mask = Prune(hparams, levels[^1].Mask, trained!);
            }
            var outcome = TrainLevelChecked(hparams, seed, level, mask, rewind, data, progress, cancellationToken);
            levels.Add(outcome.Result);
            if (level == 0) rewind = outcome.RewindWeights;
            (trained, trainedLevel) = (outcome.TrainedWeights, level);
            if (store is not null)
            {
                if (level == 0) store.SaveRewindWeights(rewind!);
                store.SaveLevel(TicketSeries.Ticket, outcome.Result, trained);
            }
        }
        if (trainedLevel != levelCount) (trained, trainedLevel) = (StoredWeights(store!, levelCount), levelCount);
        return new LotteryRun(hparams, seed, data, data.Train.Device, levels.AsReadOnly(), rewind!, trained!);
    }

    private static WeightSnapshot StoredWeights(ILevelStore store, int level) =>
        store.LoadTrainedWeights(TicketSeries.Ticket, level)
        ?? throw new InvalidDataException($"level {level} is stored without its trained weights.");

    /// <summary>The next level's mask: the configured strategy applied to the previous mask and trained weights.</summary>
    public static Mask PruneNext(LotteryHparams hparams, Mask previous, WeightSnapshot trainedWeights)
    {
        Validation.Check(hparams);
        return Prune(hparams, Check.NotNull(previous), Check.NotNull(trainedWeights));
    }

    // The next mask from settings already checked (IMP's loop checks them once per run).
    private static Mask Prune(LotteryHparams hparams, Mask previous, WeightSnapshot trainedWeights) =>
        PruningStrategies.Get(hparams.Pruning.Strategy, hparams.Model).Prune(previous, trainedWeights, hparams.Pruning);

    /// <summary>
    /// Trains one level. Level 0: <paramref name="mask"/> null (dense) or given, <paramref name="rewindWeights"/> null —
    /// the model is initialised from <paramref name="seed"/> and the rewind point is captured at
    /// <see cref="LotteryHparams.RewindStep"/>. Later levels: the model is loaded from <paramref name="rewindWeights"/>,
    /// masked, and trains the schedule from iteration <see cref="LotteryHparams.RewindStep"/> on. A pure function of
    /// its inputs, so a run can resume from its last completed level. A null <paramref name="mask"/> trains dense.
    /// </summary>
    public static LevelOutcome TrainLevel(LotteryHparams hparams, long seed, int level, Mask? mask, WeightSnapshot? rewindWeights,
        TrainingData data, IProgress<ImpProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validation.Check(hparams);
        CheckDataFits(hparams, data);
        Check.NonNegative(level);
        Check.That(level == 0 || (mask is not null && rewindWeights is not null),
            "levels after 0 need the mask to train and the rewind weights.", nameof(mask));
        Check.That(level == 0 || rewindWeights is not null, "levels after 0 need the rewind weights.", nameof(rewindWeights));
        return TrainLevelChecked(hparams, seed, level, mask, rewindWeights, data, progress, cancellationToken);
    }

    private static LevelOutcome TrainLevelChecked(LotteryHparams hparams, long seed, int level, Mask? mask, WeightSnapshot? rewindWeights,
        TrainingData data, IProgress<ImpProgress>? progress, CancellationToken cancellationToken)
    {

        using var model = hparams.Model.Create(data.Train.Device, seed);
        mask?.EnsureMatches(model);
        mask ??= Mask.Dense(model);
        int start = 0, snapshotAt = hparams.RewindStep;
        if (rewindWeights is not null)
        {
            rewindWeights.LoadInto(model);
            start = hparams.RewindStep;
            snapshotAt = -1;
        }
        var result = TrainMasked(TicketSeries.Ticket, hparams, level, model, mask, data, start, snapshotAt, seed, progress,
            cancellationToken, out var snapshot);
        return new LevelOutcome(result, WeightSnapshot.Capture(model), rewindWeights ?? snapshot!);
    }

    internal static LevelResult TrainMasked(TicketSeries series, LotteryHparams hparams, int level, PrunableModel model, Mask mask,
        TrainingData data, int startIteration, int snapshotAt, long dataSeed, IProgress<ImpProgress>? progress,
        CancellationToken cancellationToken, out WeightSnapshot? snapshot)
    {
        double percent = mask.PercentKept;
        var relay = Relay<TrainingProgress>.To(progress, p => new ImpProgress(series, level, percent, p.Point, p.TotalIterations));
        var training = series == TicketSeries.Ticket ? hparams.TrainingAt(level) : hparams.Training;
        var request = new TrainRequest(model, mask, data.Train, data.Validation, data.Test, training, dataSeed, data.Teacher)
        {
            StartIteration = startIteration, SnapshotAt = snapshotAt, Progress = relay, CancellationToken = cancellationToken,
        };
        return new LevelResult(level, percent, mask.Report(), Trainer.Run(request, out snapshot), mask);
    }

    // dataName: what the caller calls the data (Run's data; an experiment's Data property).
    internal static void CheckDataFits(LotteryHparams hparams, TrainingData data, string dataName = "data")
    {
        Check.NotNull(data, dataName);
        Check.NotNull(data.Train, dataName);
        Check.NotNull(data.Test, dataName);
        // The data must fit the network the settings build (libtorch would fail inside the first step otherwise).
        var model = hparams.Model;
        long perExample = (long)model.InputChannels * model.ImageSize * model.ImageSize;
        foreach (var (set, which) in new[] { (data.Train, "Train"), (data.Validation, "Validation"), (data.Test, "Test") })
        {
            if (set is null) continue;
            Check.That(set.Device.type == data.Train.Device.type && set.Device.index == data.Train.Device.index,
                $"data.{which} is on {set.Device} but data.Train is on {data.Train.Device}.", dataName);
            long values = set.Inputs.numel() / set.Count;
            Check.That(values == perExample,
                $"data.{which} holds examples of [{string.Join(", ", set.Inputs.shape.Skip(1))}] ({values} values) but hparams.Model takes " +
                $"{model.InputChannels}×{model.ImageSize}×{model.ImageSize} images ({perExample} values).", dataName);
            using var max = set.Labels.max();
            long top = max.item<long>();
            Check.That(top < model.Classes, $"data.{which} has labels up to {top} but hparams.Model has {model.Classes} classes.", dataName);
        }
        Trainer.CheckTeacher(model.Classes, data.Train, hparams.Training, data.Teacher);
        // Level 0 captures the rewind point within its own schedule; the later levels start there within theirs.
        int epochs = Math.Min(hparams.Training.Epochs, hparams.DenseEpochs ?? int.MaxValue);
        int total = hparams.Training.IterationsPerEpoch(data.Train.Count) * epochs;
        Check.That(hparams.RewindStep <= total,
            $"RewindStep must be in [0, {total}] (the schedule's iterations); got {hparams.RewindStep}.", nameof(hparams.RewindStep));
    }
}

/// <summary>
/// What <see cref="IterativeMagnitudePruning.TrainLevel"/> returns: the level's result, its trained weights (input to
/// the next pruning step) and the rewind point (captured at level 0, otherwise the one passed in).
/// </summary>
/// <param name="Result">The level's result.</param>
/// <param name="TrainedWeights">Weights at the end of training.</param>
/// <param name="RewindWeights">The rewind point.</param>
public sealed record LevelOutcome(LevelResult Result, WeightSnapshot TrainedWeights, WeightSnapshot RewindWeights);

/// <summary>Reported at each evaluation point of an IMP run or a control.</summary>
/// <param name="Run">The series trained.</param>
/// <param name="Level">The level being trained.</param>
/// <param name="PercentRemaining">Percentage of prunable weights kept at this level.</param>
/// <param name="Point">The evaluation just made (iteration, epoch, accuracies, loss).</param>
/// <param name="TotalIterations">Iterations in the level's schedule.</param>
public sealed record ImpProgress(TicketSeries Run, int Level, double PercentRemaining, EvaluationPoint Point, int TotalIterations);
