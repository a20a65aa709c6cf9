using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>
/// Structured magnitude pruning (Li et al. 2017 for filters; the same rule for neurons and heads): each level removes
/// ceil(<see cref="PruningHparams.Fraction"/> × remaining) of the surviving units of every unit group of the model
/// (<see cref="PrunableModel.UnitGroups"/>), those whose ranking weights — the group's first slice
/// (<see cref="UnitGroup.Owner"/>): a filter, a neuron's input row, a head's columns of the attention output
/// projection (the weights that read the head's output) — have the smallest ℓ1 norm (ℓ2 with
/// <see cref="PruningHparams.UnitNorm"/> = 2) over the weights still kept; ties go to the lower index. A removed unit
/// loses every weight it owns, including the next layer's inputs that read it, so the pruned network is a smaller dense
/// one (<see cref="Compaction"/>). The classes are never pruned (<see cref="PruningHparams.OutputFraction"/> does not
/// apply).
/// </summary>
public sealed class StructuredMagnitudePruning : IPruningStrategy
{
    private readonly IReadOnlyList<UnitGroup> _groups;

    /// <summary>A strategy for a model with these unit groups (<see cref="PrunableModel.UnitGroups"/>).</summary>
    public StructuredMagnitudePruning(IReadOnlyList<UnitGroup> groups)
    {
        Check.NoNulls(groups);
        foreach (var g in groups) Validation.Check(g, nameof(groups));
        Check.That(groups.Count > 0, "groups must hold at least one unit group: the model declares none, so it cannot be pruned structurally.",
            nameof(groups));
        _groups = groups;
    }

    /// <inheritdoc />
    public string Name => "structured_magnitude";

    /// <inheritdoc />
    public Mask Prune(Mask current, WeightSnapshot trainedWeights, PruningHparams hparams)
    {
        Check.NotNull(current);
        Check.NotNull(trainedWeights);
        Check.NotNull(hparams);
        // Every group is ranked on `current`, the mask the level starts from (so the order of the groups does not
        // matter); the removals go into a copy.
        var values = current.Layers.ToDictionary(l => l, current.HostValues);
        var shapes = current.Layers.ToDictionary(l => l, current.ShapeOf);
        foreach (var g in _groups)
        {
            Check.That(values.ContainsKey(g.Owner.Parameter),
                $"current has no layer \"{g.Owner.Parameter}\", the weight of unit group \"{g.Name}\" (a mask of another model?).", nameof(current));
            Check.That(trainedWeights.Contains(g.Owner.Parameter) &&
                trainedWeights.ShapeOf(g.Owner.Parameter).SequenceEqual(shapes[g.Owner.Parameter]),
                $"trainedWeights must hold \"{g.Owner.Parameter}\" with the mask's shape.", nameof(trainedWeights));
        }
        foreach (var g in _groups)
        {
            var ownerKept = current.ValuesOf(g.Owner.Parameter);
            var alive = UnitIndices.Live(current, g);
            long toPrune = MagnitudeRanking.CountToPrune(alive.Length, hparams.Fraction);
            if (toPrune == 0) continue;
            Check.That(toPrune < alive.Length,
                $"Fraction {hparams.Fraction} would remove all {alive.Length} remaining units of \"{g.Name}\" (at least one must stay).",
                nameof(hparams.Fraction));
            var weights = trainedWeights.ValuesOf(g.Owner.Parameter);
            double Score(int u) => UnitMagnitude.Score(weights, shapes[g.Owner.Parameter], g.Owner, u, hparams.UnitNorm, ownerKept);
            foreach (int u in alive.Select(u => (Unit: u, Score: Score(u))).OrderBy(x => x.Score).ThenBy(x => x.Unit).Take((int)toPrune).Select(x =>
                x.Unit))
                foreach (var slice in g.Slices.Where(s => values.ContainsKey(s.Parameter)))
                    foreach (long i in UnitIndices.Of(shapes[slice.Parameter], slice, u)) values[slice.Parameter][i] = false;
        }
        return Mask.FromHost(current.Layers, shapes, values, current.OutputLayer);
    }
}

/// <summary>The flat (row-major) indices of one unit's slice of a tensor.</summary>
internal static class UnitIndices
{
    public static IEnumerable<long> Of(long[] shape, UnitSlice slice, int unit)
    {
        Check.That(slice.Dimension >= 0 && slice.Dimension < shape.Length,
            $"slice of \"{slice.Parameter}\" names dimension {slice.Dimension} of a {shape.Length}-dimensional tensor.", nameof(slice));
        long outer = 1, inner = 1, size = shape[slice.Dimension];
        for (int d = 0; d < slice.Dimension; d++) outer *= shape[d];
        for (int d = slice.Dimension + 1; d < shape.Length; d++) inner *= shape[d];
        long start = slice.Offset + (long)unit * slice.Block;
        Check.That(start + slice.Block <= size, $"unit {unit} of \"{slice.Parameter}\" lies outside dimension {slice.Dimension} (size {size}).",
            nameof(unit));
        for (long o = 0; o < outer; o++)
            for (long i = start; i < start + slice.Block; i++)
                for (long r = 0; r < inner; r++)
                    yield return (o * size + i) * inner + r;
    }

    /// <summary>The units of <paramref name="group"/> that still own a kept weight in <paramref name="mask"/> (ascending).</summary>
    public static int[] Live(Mask mask, UnitGroup group)
    {
        var kept = mask.ValuesOf(group.Owner.Parameter);
        var shape = mask.ShapeOf(group.Owner.Parameter);
        return Enumerable.Range(0, group.Count).Where(u => Of(shape, group.Owner, u).Any(i => kept[i])).ToArray();
    }

    /// <summary>The indices along the slice's dimension that the given units own, ascending.</summary>
    public static long[] AlongDimension(UnitSlice slice, IEnumerable<int> units) =>
        units.SelectMany(u => Enumerable.Range(0, slice.Block).Select(b => slice.Offset + (long)u * slice.Block + b)).ToArray();
}
