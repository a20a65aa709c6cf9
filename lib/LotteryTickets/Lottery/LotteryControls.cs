using LotteryTickets.Pruning;

namespace LotteryTickets.Lottery;

/// <summary>
/// The paper's controls, trained with the same machinery as the ticket: <see cref="TicketSeries.RandomReinit"/> (the
/// ticket's mask from a fresh initialisation) and <see cref="TicketSeries.RandomMask"/> (a random mask with the ticket's
/// per-layer counts, from the ticket's rewind point). Both use the run's data order.
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
        var chosen = (levels ?? Enumerable.Range(1, run.Levels.Count - 1)).ToList();
        foreach (var l in chosen) Check.InRange(l, 0, run.Levels.Count - 1, nameof(levels));
        var results = new List<LevelResult>();
        foreach (int level in chosen)
        {
            if (store?.LoadLevel(kind, level) is { } hit)
            {
                results.Add(hit);
                loaded?.Invoke(hit);
                continue;
            }
            var result = TrainOne(run, kind, level, unchecked(seed + level), progress, cancellationToken);
            results.Add(result);
            store?.SaveLevel(kind, result);
        }
        return new ControlRun(kind, seed, results.AsReadOnly());
    }

    private static LevelResult TrainOne(LotteryRun run, TicketSeries kind, int level, long levelSeed,
        IProgress<ImpProgress>? progress, CancellationToken cancellationToken)
    {
        var h = run.Hparams;
        var ticketMask = run.Levels[level].Mask;
        bool reinit = kind == TicketSeries.RandomReinit;
        using var model = h.Model.Create(run.Data.Train.Device, reinit ? levelSeed : run.Seed);
        if (!reinit) run.RewindWeights.LoadInto(model);
        var mask = reinit ? ticketMask : RandomMaskLike(ticketMask, levelSeed);
        return IterativeMagnitudePruning.TrainMasked(kind, h, level, model, mask, run.Data, reinit ? 0 : h.RewindStep, -1,
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

/// <summary>A control trained at the levels of a <see cref="LotteryRun"/>.</summary>
/// <param name="Kind">Which control (<see cref="TicketSeries.RandomReinit"/> or <see cref="TicketSeries.RandomMask"/>).</param>
/// <param name="Seed">The control's seed.</param>
/// <param name="Levels">One result per level trained, in level order.</param>
public sealed record ControlRun(TicketSeries Kind, long Seed, IReadOnlyList<LevelResult> Levels);
