using LotteryTickets.Models;
using LotteryTickets.Pruning;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Lottery;

/// <summary>
/// The paper's controls, trained with the same machinery as the ticket: <see cref="ControlKind.RandomReinit"/> (the
/// ticket's mask from a fresh initialisation) and <see cref="ControlKind.RandomMask"/> (a random mask with the ticket's
/// per-layer counts, from the ticket's rewind point). Both use the run's data order.
/// </summary>
public static class LotteryControls
{
    /// <summary>
    /// Trains a control at <paramref name="levels"/> of <paramref name="run"/> (default: every pruned level, 1 … n).
    /// Level k uses the seed <paramref name="seed"/> + k for its initialisation or its random mask.
    /// </summary>
    /// <example><code>var reinit = LotteryControls.Train(run, ControlKind.RandomReinit, seed: 1);</code></example>
    public static ControlRun Train(LotteryRun run, ControlKind kind, long seed, IEnumerable<int>? levels = null,
        IProgress<ImpProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Check.NotNull(run);
        Check.That(Enum.IsDefined(kind), $"kind must be one of {string.Join(", ", Enum.GetNames<ControlKind>())}; got {kind}.", nameof(kind));
        var chosen = (levels ?? Enumerable.Range(1, run.Levels.Count - 1)).ToList();
        foreach (var l in chosen) Check.InRange(l, 0, run.Levels.Count - 1, nameof(levels));
        var h = run.Hparams;
        var results = new List<LevelResult>();
        try
        {
            foreach (int level in chosen)
            {
                var ticketMask = run.Levels[level].Mask;
                long levelSeed = unchecked(seed + level);
                LevelResult result;
                if (kind == ControlKind.RandomReinit)
                {
                    using var model = h.Model.Create(run.Data.Train.Device, levelSeed);
                    var mask = ticketMask.Clone();
                    result = TrainOwned(mask, m => IterativeMagnitudePruning.TrainMasked("random_reinit", h, level, model, m,
                        run.Data, 0, -1, h.Seed, progress, cancellationToken, out _));
                }
                else
                {
                    using var model = h.Model.Create(run.Data.Train.Device, h.Seed);
                    run.RewindWeights.LoadInto(model);
                    var mask = RandomMaskLike(ticketMask, levelSeed);
                    result = TrainOwned(mask, m => IterativeMagnitudePruning.TrainMasked("random_mask", h, level, model, m,
                        run.Data, h.RewindStep, -1, h.Seed, progress, cancellationToken, out _));
                }
                results.Add(result);
            }
        }
        catch
        {
            foreach (var r in results) r.Mask.Dispose();
            throw;
        }
        return new ControlRun(kind, seed, results.AsReadOnly());
    }

    /// <summary>A random mask with exactly <paramref name="like"/>'s kept count in every layer, drawn with <paramref name="seed"/>.</summary>
    public static Mask RandomMaskLike(Mask like, long seed)
    {
        Check.NotNull(like);
        using var generator = new Generator(unchecked((ulong)seed));
        var shapes = new Dictionary<string, long[]>();
        var values = new Dictionary<string, bool[]>();
        foreach (var layer in like.Layers)
        {
            long total = like.Total(layer), kept = like.Kept(layer);
            using var perm = torch.randperm(total, generator: generator);
            var chosen = perm.data<long>().ToArray();
            var v = new bool[total];
            for (long i = 0; i < kept; i++) v[chosen[i]] = true;
            shapes[layer] = like[layer].shape;
            values[layer] = v;
        }
        return Mask.FromHost(like.Layers, shapes, values, like.OutputLayer);
    }

    private static LevelResult TrainOwned(Mask mask, Func<Mask, LevelResult> train)
    {
        try { return train(mask); }
        catch { mask.Dispose(); throw; }
    }
}
