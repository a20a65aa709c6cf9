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
/// LeNet-300-100, whose first layer holds 88 % of the MACs, that would overstate a step's work by 1.4×.) Attention's own products (QKᵀ, the weighted sum of V) are added as
/// <see cref="PrunableModel.ActivationMacs"/>; biases, normalisation, activations and pooling are left out. A masked count takes only the non-zero weights (the
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
        Check.That(firstLayerMacs >= 0 && firstLayerMacs <= macs, $"firstLayerMacs must be in [0, {macs}]; got {firstLayerMacs}.", nameof(firstLayerMacs));
        return (6.0 * macs - 2.0 * firstLayerMacs) * Check.Positive(batch);
    }

    // The units of each group that still own a kept weight (a unit with none does no useful work).
    private static Dictionary<string, int> LiveUnits(PrunableModel model, Mask mask) =>
        model.UnitGroups.ToDictionary(g => g.Name, g => UnitIndices.Live(mask, g).Length);
}

/// <summary>One weight tensor's share of a <see cref="ModelCost"/>.</summary>
/// <param name="Parameter">The weight's name.</param>
/// <param name="Weights">Its weights.</param>
/// <param name="Kept">Those the mask keeps (all without a mask).</param>
/// <param name="UsesPerExample">Multiplications per weight per example in a forward pass.</param>
public sealed record LayerCost(string Parameter, long Weights, long Kept, long UsesPerExample)
{
    /// <summary>Multiply-adds per example with every weight.</summary>
    public long DenseMacs => Weights * UsesPerExample;

    /// <summary>Multiply-adds per example with the kept weights only.</summary>
    public long KeptMacs => Kept * UsesPerExample;
}

/// <summary>A model's multiply-adds and FLOPs per example (see <see cref="Flops"/> for the conventions).</summary>
/// <param name="Layers">One entry per prunable weight, input to output.</param>
/// <param name="ActivationMacs">Multiply-adds that no weight accounts for (attention products), every unit counted.</param>
/// <param name="KeptActivationMacs">The same for the units that keep weights under the mask.</param>
public sealed record ModelCost(IReadOnlyList<LayerCost> Layers, long ActivationMacs = 0, long KeptActivationMacs = 0)
{
    /// <summary>Multiply-adds per example, every weight counted.</summary>
    public long DenseMacs => Layers.Sum(l => l.DenseMacs) + ActivationMacs;

    /// <summary>Multiply-adds per example, kept weights only (the useful work of a masked model).</summary>
    public long KeptMacs => Layers.Sum(l => l.KeptMacs) + KeptActivationMacs;

    /// <summary>FLOPs of one forward pass over <paramref name="batch"/> examples: 2·MACs·batch.</summary>
    public double ForwardFlops(int batch = 1, bool keptOnly = false) => 2.0 * Macs(keptOnly) * Check.Positive(batch);

    /// <summary>
    /// FLOPs of one training step over <paramref name="batch"/> examples: (6·MACs − 2·MACs of the first layer)·batch —
    /// forward, weight gradients, and the input gradients of every layer but the first.
    /// </summary>
    public double TrainingStepFlops(int batch, bool keptOnly = false) =>
        Flops.TrainingStep(Macs(keptOnly), Layers.Count == 0 ? 0 : keptOnly ? Layers[0].KeptMacs : Layers[0].DenseMacs, batch);

    /// <summary>Dense MACs ÷ kept MACs: the speed-up a perfect sparse kernel would give (∞ when nothing is kept).</summary>
    public double TheoreticalSpeedup => KeptMacs == 0 ? double.PositiveInfinity : (double)DenseMacs / KeptMacs;

    private long Macs(bool keptOnly) => keptOnly ? KeptMacs : DenseMacs;
}
