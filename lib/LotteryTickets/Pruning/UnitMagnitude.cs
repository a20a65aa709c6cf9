using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>
/// The magnitude rule for whole units, on its own: the units <see cref="StructuredMagnitudePruning"/> keeps when it removes
/// all but k of a group in one level (the same score: the ℓ1 norm, or ℓ2 with norm = 2, of the unit's ranking slice
/// <see cref="UnitGroup.Owner"/>, e.g. a neuron's incoming weights; ties removed from the lower index first).
/// </summary>
public static class UnitMagnitude
{
    /// <summary>The <paramref name="k"/> units of <paramref name="group"/> with the largest norm in <paramref name="weights"/>,
    /// ascending.</summary>
    /// <param name="weights">The (trained) weights that rank the units.</param>
    /// <param name="group">The units, e.g. <c>LeNet300100.UnitGroups[1]</c> for fc2's neurons.</param>
    /// <param name="k">Units to keep, in [1, group.Count].</param>
    /// <param name="norm">1 (ℓ1, notebook 01's unit norm) or 2 (ℓ2).</param>
    public static int[] Keep(WeightSnapshot weights, UnitGroup group, int k, int norm = 1)
    {
        Check.NotNull(weights);
        Validation.Check(group, nameof(group));
        Check.InRange(k, 1, group.Count);
        Check.InRange(norm, 1, 2);
        Check.That(weights.Contains(group.Owner.Parameter),
            $"weights must hold \"{group.Owner.Parameter}\", the weight of unit group \"{group.Name}\".", nameof(weights));
        var shape = weights.ShapeOf(group.Owner.Parameter);
        var values = weights.ValuesOf(group.Owner.Parameter);
        return Enumerable.Range(0, group.Count)
            .Select(u => (Unit: u, Score: Score(values, shape, group.Owner, u, norm, null)))
            .OrderBy(x => x.Score).ThenBy(x => x.Unit).Skip(group.Count - k).Select(x => x.Unit).Order().ToArray();
    }

    /// <summary>Unit <paramref name="unit"/>'s score: Σ|w| (norm 1) or Σw² (norm 2, the same order as ℓ2) over its slice,
    /// counting only the weights <paramref name="kept"/> marks (all when null).</summary>
    internal static double Score(float[] weights, long[] shape, UnitSlice slice, int unit, int norm, bool[]? kept)
    {
        double s = 0;
        foreach (long i in UnitIndices.Of(shape, slice, unit))
            if (kept is null || kept[i]) s += norm == 1 ? Math.Abs(weights[i]) : (double)weights[i] * weights[i];
        return s;
    }
}
