using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>
/// The paper's controls, trained with the same machinery as the ticket: <see cref="TicketSeries.RandomReinit"/> (the
/// ticket's mask from a fresh initialisation) and <see cref="TicketSeries.RandomMask"/> (a random mask with the ticket's
/// per-layer counts, from the ticket's rewind point). Both use the run's data order. <see cref="Retrain"/> trains the
/// run's masks — the ticket or a control — under other training settings (another loss, a teacher).
/// </summary>
public static class LotteryControls
{
    /// <summary>
    /// Trains a control at <paramref name="levels"/> of <paramref name="run"/> (default: every pruned level, 1 … n).
    /// Level k uses the seed <paramref name="seed"/> + k for its initialisation or its random mask. With a
    /// <paramref name="store"/>, stored levels are loaded instead of trained and trained ones are saved as they finish.
    /// </summary>
    /// <example><code>var reinit = LotteryControls.Train(run, TicketSeries.RandomReinit, seed: 1);</code></example>
    public static ControlRun Train(LotteryRun run, TicketSeries kind, long seed, IEnumerable<int>? levels = null,
        IProgress<ImpProgress>? progress = null, CancellationToken cancellationToken = default, ILevelStore? store = null,
        Action<LevelResult>? loaded = null)
    {
        Check.NotNull(run);
        Check.That(kind is TicketSeries.RandomReinit or TicketSeries.RandomMask,
            $"kind must be a control ({TicketSeries.RandomReinit} or {TicketSeries.RandomMask}); got {kind}.", nameof(kind));
        var chosen = Levels(run, levels);
        return TrainChecked(run, kind, run.Hparams, run.Data, seed, chosen, progress, cancellationToken, store, loaded);
    }

    /// <summary>
    /// Trains the masks <paramref name="run"/> found again under other training settings or data — e.g. with
    /// distillation from a teacher (<see cref="TrainingData.WithTeacher"/>): the same ticket, taught another way.
    /// <see cref="TicketSeries.Ticket"/> trains each level's mask from the run's rewind point (level 0: the dense
    /// network from its initialisation); a control is drawn as by <see cref="Train"/> (level k from
    /// <paramref name="seed"/> + k), so it pairs with the control of the same seed trained on the run's own settings.
    /// The data order is the run's (its seed), as for the run itself: only the training settings differ.
    /// </summary>
    /// <example><code>var distilled = LotteryControls.Retrain(run, TicketSeries.Ticket, run.Hparams.Training with { Distillation = new(4, 0.1) },
    ///     data.WithTeacher(logits), seed: 0, levels: [0, 5]);</code></example>
    public static ControlRun Retrain(LotteryRun run, TicketSeries kind, TrainingHparams training, TrainingData data, long seed,
        IEnumerable<int>? levels = null, IProgress<ImpProgress>? progress = null, CancellationToken cancellationToken = default,
        ILevelStore? store = null, Action<LevelResult>? loaded = null)
    {
        Check.NotNull(run);
        Check.Defined(kind);
        var hparams = run.Hparams with { Training = Check.NotNull(training) };
        Validation.Check(hparams, nameof(training));
        Check.NotNull(data);
        Check.That(training.Distillation is null || data.Teacher is not null,
            "data must carry the teacher's logits for the training examples (TrainingData.WithTeacher) when training distils.", nameof(data));
        IterativeMagnitudePruning.CheckDataFits(hparams, data, nameof(data));
        var chosen = Levels(run, levels);
        Check.That(kind == TicketSeries.Ticket || !chosen.Contains(0), $"a control trains pruned levels only (1 … n); level 0 is the dense "
            + "network, and only the ticket's series retrains it.", nameof(levels));
        return TrainChecked(run, kind, hparams, data, seed, chosen, progress, cancellationToken, store, loaded);
    }

    private static List<int> Levels(LotteryRun run, IEnumerable<int>? levels)
    {
        var chosen = (levels ?? Enumerable.Range(1, run.Levels.Count - 1)).ToList();
        foreach (var l in chosen) Check.InRange(l, 0, run.Levels.Count - 1, nameof(levels));
        return chosen;
    }

    private static ControlRun TrainChecked(LotteryRun run, TicketSeries kind, LotteryHparams hparams, TrainingData data, long seed,
        List<int> levels, IProgress<ImpProgress>? progress, CancellationToken cancellationToken, ILevelStore? store,
        Action<LevelResult>? loaded)
    {
        var results = new List<LevelResult>();
        foreach (int level in levels)
        {
            if (store?.LoadLevel(kind, level) is { } hit)
            {
                results.Add(hit);
                loaded?.Invoke(hit);
                continue;
            }
            var result = TrainOne(run, kind, hparams, data, level, unchecked(seed + level), progress, cancellationToken);
            results.Add(result);
            store?.SaveLevel(kind, result);
        }
        return new ControlRun(kind, seed, results.AsReadOnly());
    }

    private static LevelResult TrainOne(LotteryRun run, TicketSeries kind, LotteryHparams h, TrainingData data, int level, long levelSeed,
        IProgress<ImpProgress>? progress, CancellationToken cancellationToken)
    {
        var ticketMask = run.Levels[level].Mask;
        bool reinit = kind == TicketSeries.RandomReinit;
        // The ticket's level 0 is the dense network: the whole schedule from the initialisation, as IMP trained it.
        bool fromStart = reinit || (kind == TicketSeries.Ticket && level == 0);
        using var model = h.Model.Create(data.Train.Device, reinit ? levelSeed : run.Seed);
        if (!fromStart) run.RewindWeights.LoadInto(model);
        var mask = kind == TicketSeries.RandomMask ? RandomMaskLike(ticketMask, levelSeed) : ticketMask;
        return IterativeMagnitudePruning.TrainMasked(kind, h, level, model, mask, data, fromStart ? 0 : h.RewindStep, -1,
            run.Seed, progress, cancellationToken, out _);
    }

    /// <summary>A random mask with exactly <paramref name="like"/>'s kept count in every layer, drawn with <paramref name="seed"/>.</summary>
    public static Mask RandomMaskLike(Mask like, long seed)
    {
        Check.NotNull(like);
        return Mask.RandomKeeping(like.Layers, like.Layers.ToDictionary(l => l, like.ShapeOf), like.Layers.ToDictionary(l => l, like.Kept),
            like.OutputLayer, seed);
    }
}

/// <summary>A control trained at the levels of a <see cref="LotteryRun"/>, or the run's masks retrained
/// (<see cref="LotteryControls.Retrain"/>).</summary>
/// <param name="Kind">Which series (a control, or <see cref="TicketSeries.Ticket"/> for the ticket retrained).</param>
/// <param name="Seed">The control's seed (unused by the ticket's series).</param>
/// <param name="Levels">One result per level trained, in level order.</param>
public sealed record ControlRun(TicketSeries Kind, long Seed, IReadOnlyList<LevelResult> Levels);
