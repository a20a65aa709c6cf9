namespace LotteryTickets.Hardware;

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
