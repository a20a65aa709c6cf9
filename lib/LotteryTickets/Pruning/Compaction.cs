using LotteryTickets.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Pruning;

/// <summary>
/// Turns a structurally pruned model into the physically smaller dense model it stands for: every unit that a
/// structured mask removed (<see cref="StructuredMagnitudePruning"/>) leaves the layer that computes it and the inputs
/// of the next layer that read it, so the result computes the same outputs as the masked model, with fewer
/// multiply-adds, and trains like any model.
/// </summary>
public static class Compaction
{
    /// <summary>The units of each group that <paramref name="mask"/> keeps (a unit is kept while any of its own weights is).</summary>
    public static IReadOnlyDictionary<string, int[]> KeptUnits(PrunableModel model, Mask mask)
    {
        Check.NotNull(model);
        Check.NotNull(mask);
        mask.EnsureMatches(model);
        Check.That(model.UnitGroups.Count > 0, $"model {model.GetName()} declares no unit groups, so it has nothing to compact.", nameof(model));
        var shapes = mask.Layers.ToDictionary(l => l, mask.ShapeOf);
        var values = mask.Layers.ToDictionary(l => l, mask.ValuesOf);
        var kept = new Dictionary<string, int[]>();
        foreach (var g in model.UnitGroups)
        {
            var units = UnitIndices.Live(mask, g);
            Check.That(units.Length > 0, $"mask removes every unit of \"{g.Name}\": nothing would connect its input to its output.", nameof(mask));
            foreach (int u in Enumerable.Range(0, g.Count).Except(units))
                foreach (var s in g.Slices.Where(s => values.ContainsKey(s.Parameter)))
                    Check.That(UnitIndices.Of(shapes[s.Parameter], s, u).All(i => !values[s.Parameter][i]),
                        $"mask is not structured: unit {u} of \"{g.Name}\" has lost its own weights but keeps some of \"{s.Parameter}\" (prune it " +
                            "with structured_magnitude).",
                        nameof(mask));
            kept[g.Name] = units;
        }
        return kept;
    }

    /// <summary>
    /// Unit counts for a physically smaller version of <paramref name="model"/> with about
    /// <paramref name="weightFraction"/> (in (0, 1]) of its prunable weights: every unit group keeps the same share r of
    /// its units (at least one), r chosen so that the smaller model's weight count is the closest to the target. What
    /// <see cref="StructuredMagnitudePruning"/> reaches level by level, at one given size.
    /// </summary>
    public static IReadOnlyDictionary<string, int> UniformCounts(PrunableModel model, double weightFraction)
    {
        Check.NotNull(model);
        Check.That(double.IsFinite(weightFraction) && weightFraction > 0 && weightFraction <= 1,
            $"weightFraction must be in (0, 1]; got {weightFraction}.", nameof(weightFraction));
        Check.That(model.UnitGroups.Count > 0, $"model {model.GetName()} declares no unit groups, so it cannot be made smaller.", nameof(model));
        double target = weightFraction * model.PrunableCount;
        Dictionary<string,
        int> Counts(double r) => model.UnitGroups.ToDictionary(g => g.Name, g => Math.Clamp((int)Math.Round(r * g.Count), 1, g.Count));
        long WeightsAt(double r)
        {
            using var smaller = model.Resized(Counts(r));
            return smaller.PrunableCount;
        }
        using var saved = torch.random.get_rng_state(); // Resized initialises from the global generator: leave it as it was
        try
        {
            double lo = 0, hi = 1; // weights grow with r: bisect for the crossing, then keep the closer side
            for (int i = 0; i < 30 && hi - lo > 1e-6; i++)
            {
                double mid = 0.5 * (lo + hi);
                if (WeightsAt(mid) < target) lo = mid; else hi = mid;
            }
            return Math.Abs(WeightsAt(lo) - target) <= Math.Abs(WeightsAt(hi) - target) ? Counts(lo) : Counts(hi);
        }
        finally
        {
            torch.random.set_rng_state(saved);
        }
    }

    /// <summary>
    /// The compacted copy of <paramref name="model"/> under <paramref name="mask"/> (weights multiplied by the mask, then
    /// the removed units' slices dropped), on the model's device. The caller owns it; <paramref name="model"/> is not changed.
    /// </summary>
    public static PrunableModel Compact(PrunableModel model, Mask mask)
    {
        var kept = KeptUnits(model, mask);
        var compact = model.Resized(kept.ToDictionary(k => k.Key, k => k.Value.Length));
        try
        {
            using var _ = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var source = model.state_dict();
            var target = compact.state_dict();
            foreach (var (name, t) in target)
            {
                var x = source[name].detach().cpu();
                if (mask.Layers.Contains(name)) x = x.mul(mask.ToTensor(name, x.dtype));
                foreach (var g in model.UnitGroups)
                    foreach (var s in g.Slices.Where(s => s.Parameter == name))
                        x = x.index_select(s.Dimension, torch.tensor(UnitIndices.AlongDimension(s, kept[g.Name])));
                Check.That(x.shape.SequenceEqual(t.shape),
                    $"compaction of \"{name}\" gave [{string.Join(", ", x.shape)}] where the resized model has [{string.Join(", ", t.shape)}].",
                    nameof(model));
                t.copy_(x);
            }
            if (model.Device.type != DeviceType.CPU) compact.to(model.Device);
            return compact;
        }
        catch
        {
            compact.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Compacts <paramref name="model"/> under <paramref name="mask"/> and compares the two on <paramref name="inputs"/>:
    /// the masked model (the pruned weights of <paramref name="model"/> are zeroed in place) against the smaller dense
    /// one, largest |difference| of the logits relative to the largest |logit|.
    /// </summary>
    public static CompactionCheck Verify(PrunableModel model, Mask mask, Tensor inputs)
    {
        Check.NotNull(model).CheckInput(inputs, nameof(inputs));
        using var compact = Compact(model, mask);
        using (var masked = new MaskedModel(model, mask)) masked.ApplyMask();
        using var _ = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        bool wasTraining = model.training;
        model.eval();
        compact.eval();
        try
        {
            var a = model.call(inputs);
            var b = compact.call(inputs);
            double scale = Math.Max(a.abs().max().item<float>(), float.Epsilon);
            double diff = a.sub(b).abs().max().item<float>() / scale;
            return new CompactionCheck(KeptUnits(model, mask).ToDictionary(k => k.Key, k => k.Value.Length),
                model.UnitGroups.ToDictionary(g => g.Name, g => g.Count), mask.KeptCount, model.PrunableCount, compact.PrunableCount, diff);
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}

/// <summary>What <see cref="Compaction.Verify"/> found.</summary>
/// <param name="Units">Units kept per group.</param>
/// <param name="FullUnits">Units per group in the full model.</param>
/// <param name="KeptWeights">Weights the mask keeps.</param>
/// <param name="MaskedModelWeights">Weights of the masked model (all of them, zeros included).</param>
/// <param name="CompactWeights">Weights of the compacted model.</param>
/// <param name="MaxRelativeDifference">max |masked − compacted| ÷ max |masked| over the logits.</param>
public sealed record CompactionCheck(IReadOnlyDictionary<string, int> Units, IReadOnlyDictionary<string, int> FullUnits, long KeptWeights,
    long MaskedModelWeights, long CompactWeights, double MaxRelativeDifference)
{
    /// <inheritdoc />
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "units {0}; weights {1:N0} (masked model, {2:N0} non-zero) → {3:N0} (compacted); max relative logit difference {4:0.0e+0}",
        string.Join(", ", Units.Select(u => $"{u.Key} {FullUnits[u.Key]} → {u.Value}")), MaskedModelWeights, KeptWeights, CompactWeights,
        MaxRelativeDifference);
}
