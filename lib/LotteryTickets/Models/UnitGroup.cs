namespace LotteryTickets.Models;

/// <summary>
/// Units that structured pruning removes whole — the output channels (filters) of a convolution, the neurons of a
/// hidden fully connected layer, the heads of an attention layer — and every slice of the model's tensors that belongs
/// to them. Unit u owns, in each slice's parameter, the indices [Offset + u·Block, Offset + (u + 1)·Block) along
/// Dimension: its own weights and bias, and the inputs of the next layer that read it. Removing a unit removes all of
/// them, so the pruned model is a smaller dense model (<see cref="PrunableModel.Resized"/>). Checked where a strategy
/// takes it (<see cref="Pruning.StructuredMagnitudePruning"/>).
/// </summary>
/// <param name="Name">The group's name, e.g. <c>"conv1"</c>; <see cref="PrunableModel.Resized"/> takes counts by it.</param>
/// <param name="Kind">What a unit is: <see cref="UnitKind.Filter"/>, <see cref="UnitKind.Neuron"/> or <see cref="UnitKind.Head"/>.</param>
/// <param name="Count">Units in the full model.</param>
/// <param name="Slices">The tensors' slices; the first is the unit's own weight (its importance is read there).</param>
public sealed record UnitGroup([property: NotEmpty] string Name, UnitKind Kind, [property: Positive] int Count,
    [property: NotEmpty] IReadOnlyList<UnitSlice> Slices) : IValidated
{
    /// <summary>The slice whose weights rank the units (the first).</summary>
    public UnitSlice Owner => Slices[0];

    /// <summary>E.g. "fc1: 300 neurons, each owning fc1.weight[u, :], fc1.bias[u], fc2.weight[:, u]".</summary>
    public override string ToString() => $"{Name}: {Count} {SerialNames.Of(Kind)}s, each owning {string.Join(", ", Slices)}";
}

/// <summary>Where a unit group lives in one parameter (or buffer) of the model: see <see cref="UnitGroup"/>.</summary>
/// <param name="Parameter">The state-dict name, e.g. <c>"fc2.weight"</c> or <c>"fc1.bias"</c>.</param>
/// <param name="Dimension">The dimension the units index (0: output rows, 1: input columns).</param>
/// <param name="Block">Indices per unit along that dimension (e.g. a filter's pooled pixels as fc1 inputs; a head's width).</param>
/// <param name="Offset">Where unit 0 starts (e.g. the K part of a packed QKV projection).</param>
public sealed record UnitSlice([property: NotEmpty] string Parameter, [property: NonNegative] int Dimension,
    [property: Positive] int Block = 1, [property: NonNegative] int Offset = 0) : IValidated
{
    /// <summary>The slice in index notation, e.g. "fc2.weight[:, u]" or "blocks.0.qkv.weight[64 + 16u … 64 + 16u + 15, :]".</summary>
    public override string ToString()
    {
        string index = Block == 1 && Offset == 0 ? "u" : Block == 1 ? $"{Offset} + u"
            : $"{(Offset == 0 ? "" : $"{Offset} + ")}{Block}u … {(Offset == 0 ? "" : $"{Offset} + ")}{Block}u + {Block - 1}";
        return $"{Parameter}[{string.Join(", ", Enumerable.Range(0, Dimension + 1).Select(d => d == Dimension ? index : ":"))}" +
            $"{(Dimension == 0 ? ", …" : "")}]";
    }
}
