using LotteryTickets.Models;
using LotteryTickets.Pruning;

namespace LotteryTickets.Hardware;

/// <summary>
/// Multiply-adds (MACs) and floating-point operations of a model, counted from its layer shapes
/// (<see cref="PrunableModel.WeightUses"/>): a fully connected weight is used once per example, a convolution weight
/// once per output position. Conventions: a forward pass costs 2·MACs FLOPs (one multiply, one add); a training step
/// costs per example forward 2·MACs, backward 2·MACs for the gradient with respect to the weights and 2·MACs for the
/// gradient with respect to each layer's inputs — except the first layer's, which nothing needs (the data does not
/// learn) and libtorch does not compute: 6·MACs − 2·MACs(first layer). (The common "6·N·D" rule counts it too; for
/// LeNet-300-100, whose first layer holds 88 % of the MACs, that would overstate a step's work by 1.4×.) Attention's
/// own products (QKᵀ, the weighted sum of V) are added as
/// <see cref="PrunableModel.ActivationMacs"/>; biases, normalisation, activations and pooling are left out. A masked
/// count takes only the non-zero weights (the
/// useful work); a compacted model's dense count is what its hardware really does.
/// </summary>
public static class Flops
{
    /// <summary>The cost of <paramref name="model"/>, with <paramref name="mask"/> (null: dense) giving the kept weights.</summary>
    public static ModelCost Of(PrunableModel model, Mask? mask = null)
    {
        Check.NotNull(model);
        mask?.EnsureMatches(model);
        var tensors = model.PrunableTensors();
        var layers = model.PrunableParameters.Select(p =>
        {
            long weights = tensors[p].numel();
            return new LayerCost(p, weights, mask?.Kept(p) ?? weights, model.WeightUses(p));
        }).ToList();
        return new ModelCost(layers, model.ActivationMacs(), model.ActivationMacs(mask is null ? null : LiveUnits(model, mask)));
    }

    /// <summary>
    /// FLOPs of one training step over <paramref name="batch"/> examples of a network doing <paramref name="macs"/>
    /// multiply-adds per example, <paramref name="firstLayerMacs"/> of them in its first layer: (6·MACs − 2·first)·batch.
    /// </summary>
    public static double TrainingStep(long macs, long firstLayerMacs, int batch)
    {
        Check.NonNegative(macs);
        Check.That(firstLayerMacs >= 0 && firstLayerMacs <= macs, $"firstLayerMacs must be in [0, {macs}]; got {firstLayerMacs}.",
            nameof(firstLayerMacs));
        return (6.0 * macs - 2.0 * firstLayerMacs) * Check.Positive(batch);
    }

    // The units of each group that still own a kept weight (a unit with none does no useful work).
    private static Dictionary<string, int> LiveUnits(PrunableModel model, Mask mask) =>
        model.UnitGroups.ToDictionary(g => g.Name, g => UnitIndices.Live(mask, g).Length);
}
