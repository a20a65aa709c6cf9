namespace LotteryTickets.Models;

/// <summary>
/// Units that structured pruning removes whole — the output channels (filters) of a convolution, the neurons of a
/// hidden fully connected layer, the heads of an attention layer — and every slice of the model's tensors that belongs
/// to them. Unit u owns, in each slice's parameter, the indices [Offset + u·Block, Offset + (u + 1)·Block) along
/// Dimension: its own weights and bias, and the inputs of the next layer that read it. Removing a unit removes all of
/// them, so the pruned model is a smaller dense model (<see cref="PrunableModel.Resized"/>).
/// </summary>
/// <param name="Name">The group's name, e.g. <c>"conv1"</c>; <see cref="PrunableModel.Resized"/> takes counts by it.</param>
/// <param name="Kind">What a unit is: <see cref="UnitKind.Filter"/>, <see cref="UnitKind.Neuron"/> or <see cref="UnitKind.Head"/>.</param>
/// <param name="Count">Units in the full model.</param>
/// <param name="Slices">The tensors' slices; the first is the unit's own weight (its importance is read there).</param>
public sealed record UnitGroup(string Name, UnitKind Kind, int Count, IReadOnlyList<UnitSlice> Slices)
{
    private readonly string _name = Check.NotBlank(Name);

    /// <summary>The group's name (not blank).</summary>
    public string Name { get => _name; init => _name = Check.NotBlank(value, nameof(Name)); }

    private readonly UnitKind _kind = CheckKind(Kind);

    /// <summary>A defined <see cref="UnitKind"/>.</summary>
    public UnitKind Kind { get => _kind; init => _kind = CheckKind(value); }

    private readonly int _count = Check.Positive(Count);

    /// <summary>Units in the full model (≥ 1).</summary>
    public int Count { get => _count; init => _count = Check.Positive(value, nameof(Count)); }

    private readonly IReadOnlyList<UnitSlice> _slices = CheckSlices(Slices);

    /// <summary>At least one slice (the owner), none null.</summary>
    public IReadOnlyList<UnitSlice> Slices { get => _slices; init => _slices = CheckSlices(value); }

    /// <summary>The slice whose weights rank the units (the first).</summary>
    public UnitSlice Owner => Slices[0];

    /// <summary>E.g. "fc1: 300 neurons, each owning fc1.weight[u, :], fc1.bias[u], fc2.weight[:, u]".</summary>
    public override string ToString() => $"{Name}: {Count} {SerialNames.Of(Kind)}s, each owning {string.Join(", ", Slices)}";

    private static UnitKind CheckKind(UnitKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(Kind), kind, $"Kind must be one of {string.Join(", ", Enum.GetNames<UnitKind>())}.");

    // Owner reads Slices[0] and structured pruning indexes every slice's tensor, so an empty list or a null slice is refused here.
    private static IReadOnlyList<UnitSlice> CheckSlices(IReadOnlyList<UnitSlice>? slices)
    {
        slices = Check.NotNull(slices, nameof(Slices));
        Check.That(slices.Count > 0 && slices.All(s => s is not null),
            $"Slices must hold at least one slice (the owner's weight) and no null; got {(slices.Count == 0 ? "none" : "a null slice")}.", nameof(Slices));
        return slices;
    }
}

/// <summary>Where a unit group lives in one parameter (or buffer) of the model: see <see cref="UnitGroup"/>.</summary>
/// <param name="Parameter">The state-dict name, e.g. <c>"fc2.weight"</c> or <c>"fc1.bias"</c>.</param>
/// <param name="Dimension">The dimension the units index (0: output rows, 1: input columns).</param>
/// <param name="Block">Indices per unit along that dimension (e.g. a filter's pooled pixels as fc1 inputs; a head's width).</param>
/// <param name="Offset">Where unit 0 starts (e.g. the K part of a packed QKV projection).</param>
public sealed record UnitSlice(string Parameter, int Dimension, int Block = 1, int Offset = 0)
{
    private readonly string _parameter = Check.NotBlank(Parameter);

    /// <summary>The state-dict name (not blank).</summary>
    public string Parameter { get => _parameter; init => _parameter = Check.NotBlank(value, nameof(Parameter)); }

    private readonly int _dimension = Check.NonNegative(Dimension);

    /// <summary>The dimension the units index (≥ 0).</summary>
    public int Dimension { get => _dimension; init => _dimension = Check.NonNegative(value, nameof(Dimension)); }

    private readonly int _block = Check.Positive(Block);

    /// <summary>Indices per unit (≥ 1).</summary>
    public int Block { get => _block; init => _block = Check.Positive(value, nameof(Block)); }

    private readonly int _offset = Check.NonNegative(Offset);

    /// <summary>Where unit 0 starts (≥ 0).</summary>
    public int Offset { get => _offset; init => _offset = Check.NonNegative(value, nameof(Offset)); }

    /// <summary>The slice in index notation, e.g. "fc2.weight[:, u]" or "blocks.0.qkv.weight[64 + 16u … 64 + 16u + 15, :]".</summary>
    public override string ToString()
    {
        string index = Block == 1 && Offset == 0 ? "u" : Block == 1 ? $"{Offset} + u"
            : $"{(Offset == 0 ? "" : $"{Offset} + ")}{Block}u … {(Offset == 0 ? "" : $"{Offset} + ")}{Block}u + {Block - 1}";
        return $"{Parameter}[{string.Join(", ", Enumerable.Range(0, Dimension + 1).Select(d => d == Dimension ? index : ":"))}{(Dimension == 0 ? ", …" : "")}]";
    }
}
