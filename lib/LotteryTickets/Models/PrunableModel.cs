using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// A classifier whose weights can be pruned: it names the parameters a mask covers (as in
/// <c>named_parameters()</c>, e.g. <c>"fc1.weight"</c>) and which of them belongs to the output layer.
/// </summary>
public abstract class PrunableModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module; derived classes build their layers, then call <c>RegisterComponents()</c>.</summary>
    protected PrunableModel(string name) : base(name) { }

    /// <summary>Names of the prunable parameters (the weights of every layer, biases excluded), input to output.</summary>
    public abstract IReadOnlyList<string> PrunableParameters { get; }

    /// <summary>The name of the output layer's weight (also listed in <see cref="PrunableParameters"/>).</summary>
    public abstract string OutputParameter { get; }

    /// <summary>The device the parameters live on.</summary>
    public Device Device => parameters().First().device;

    /// <summary>The prunable parameters by name, in <see cref="PrunableParameters"/> order (live references).</summary>
    public IReadOnlyDictionary<string, Tensor> PrunableTensors()
    {
        var all = named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var result = new Dictionary<string, Tensor>();
        foreach (var name in PrunableParameters) result[name] = all[name];
        return result;
    }

    /// <summary>Number of prunable weights.</summary>
    public long PrunableCount => PrunableTensors().Values.Sum(t => t.numel());

    /// <summary>
    /// The groups of units structured pruning may remove (hidden filters, neurons, heads; never the classes), input to
    /// output. Empty for a model that declares none.
    /// </summary>
    public virtual IReadOnlyList<UnitGroup> UnitGroups => [];

    /// <summary>
    /// The same architecture with <paramref name="counts"/> units in the named groups (the others at their full count),
    /// freshly initialised on the CPU: the target of compaction. Throws for a model without unit groups.
    /// </summary>
    public virtual PrunableModel Resized(IReadOnlyDictionary<string, int> counts) =>
        throw new ArgumentException($"model {GetName()} declares no unit groups, so it cannot be resized.", nameof(counts));

    /// <summary>
    /// How many times each weight of <paramref name="parameter"/> is multiplied per example in one forward pass: 1 for
    /// a fully connected layer, the output positions (H × W) for a convolution. Multiply-adds per example are
    /// Σ weights × uses (<c>Hardware.Flops</c>).
    /// </summary>
    public virtual long WeightUses(string parameter)
    {
        Check.That(PrunableParameters.Contains(parameter), $"parameter must be one of {string.Join(", ", PrunableParameters)}; got \"{parameter}\".",
            nameof(parameter));
        return 1;
    }

    /// <summary>
    /// Multiply-adds per example that no weight accounts for (attention's QKᵀ and its weighted sum of V), with
    /// <paramref name="unitCounts"/> units alive per group (default: all). 0 for models without such products.
    /// </summary>
    public virtual long ActivationMacs(IReadOnlyDictionary<string, int>? unitCounts = null)
    {
        CheckUnitCounts(unitCounts);
        return 0;
    }

    /// <summary>Null, or counts ≥ 0 of this model's unit groups (an unknown name would otherwise be ignored).</summary>
    internal void CheckUnitCounts(IReadOnlyDictionary<string, int>? unitCounts)
    {
        if (unitCounts is null) return;
        foreach (var (name, count) in unitCounts)
        {
            Check.That(UnitGroups.Any(g => g.Name == name),
                $"unitCounts names an unknown unit group \"{name}\"; the model has " +
                    $"{(UnitGroups.Count == 0 ? "none" : string.Join(", ", UnitGroups.Select(g => g.Name)))}.", nameof(unitCounts));
            Check.That(count >= 0, $"unitCounts must hold counts ≥ 0; \"{name}\" has {count}.", nameof(unitCounts));
        }
    }

    /// <summary>
    /// The shape of one example of the input (and whether any layout of that many values will do, for a model that
    /// flattens or reshapes it), which <see cref="CheckInput"/> enforces; null: the model checks nothing.
    /// </summary>
    internal virtual (long[] Example, bool AnyLayout)? InputShape => null;

    /// <summary>
    /// Checks a batch before libtorch sees it (a wrong shape, dtype or device is a native error there): not null,
    /// [N, <see cref="InputShape"/>], of the parameters' dtype, on their device. Forward passes call it first.
    /// </summary>
    internal Tensor CheckInput(Tensor? input, string name)
    {
        if (InputShape is not { } shape) return Check.NotNull(input, name);
        var first = parameters().First();
        return Check.Batch(input, shape.Example, shape.AnyLayout, first.device, first.dtype, name);
    }

    /// <summary>The count of each group in <paramref name="counts"/> or, when absent, in the full model (each checked ≥ 1).</summary>
    protected int CountOf(IReadOnlyDictionary<string, int> counts, string group)
    {
        Check.NotNull(counts);
        var g = UnitGroups.FirstOrDefault(u => u.Name == group)
            ?? throw new ArgumentException($"unknown unit group \"{group}\".", nameof(counts));
        foreach (var name in counts.Keys)
            Check.That(UnitGroups.Any(u => u.Name == name),
                $"counts names an unknown unit group \"{name}\"; the model has {string.Join(", ", UnitGroups.Select(u => u.Name))}.", nameof(counts));
        int n = counts.TryGetValue(group, out int c) ? c : g.Count;
        Check.That(n >= 1, $"counts must keep at least one unit of every group; \"{group}\" has {n}.", nameof(counts));
        return n;
    }
}
