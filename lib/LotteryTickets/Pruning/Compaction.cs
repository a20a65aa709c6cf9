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
        var shapes = mask.Layers.ToDictionary(l => l, l => mask[l].shape);
        var values = mask.Layers.ToDictionary(l => l, mask.HostValues);
        var kept = new Dictionary<string, int[]>();
        foreach (var g in model.UnitGroups)
        {
            var units = UnitIndices.Live(mask, g);
            Check.That(units.Length > 0, $"mask removes every unit of \"{g.Name}\": nothing would connect its input to its output.", nameof(mask));
            foreach (int u in Enumerable.Range(0, g.Count).Except(units))
                foreach (var s in g.Slices.Where(s => values.ContainsKey(s.Parameter)))
                    Check.That(UnitIndices.Of(shapes[s.Parameter], s, u).All(i => !values[s.Parameter][i]),
                        $"mask is not structured: unit {u} of \"{g.Name}\" has lost its own weights but keeps some of \"{s.Parameter}\" (prune it with structured_magnitude).",
                        nameof(mask));
            kept[g.Name] = units;
        }
        return kept;
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
                if (mask.Layers.Contains(name)) x = x.mul(mask[name].to(x.dtype));
                foreach (var g in model.UnitGroups)
                    foreach (var s in g.Slices.Where(s => s.Parameter == name))
                        x = x.index_select(s.Dimension, torch.tensor(UnitIndices.AlongDimension(s, kept[g.Name])));
                Check.That(x.shape.SequenceEqual(t.shape),
                    $"compaction of \"{name}\" gave [{string.Join(", ", x.shape)}] where the resized model has [{string.Join(", ", t.shape)}].", nameof(model));
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
}
