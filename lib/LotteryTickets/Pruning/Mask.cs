using LotteryTickets.Models;
using LotteryTickets.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Pruning;

/// <summary>
/// Which weights of a <see cref="PrunableModel"/> survive: one host array of flags per prunable parameter (row-major,
/// true = kept), keyed by the parameter's name, with its shape. An immutable value: pruning returns a new mask, nothing
/// is there to dispose, and <see cref="ToTensor"/> makes a tensor where a model needs one.
/// </summary>
public sealed class Mask
{
    internal const string FileKind = "mask";
    private static readonly EntryNaming Naming = new("layer name", "mask", "layer", "layer", _ => "layer names must be unique.");

    // Each layer's shape and flags (owned by the mask, never handed out writable).
    private readonly HostEntries<bool> _entries;

    private Mask(HostEntries<bool> entries, string? outputLayer)
    {
        _entries = entries;
        OutputLayer = outputLayer;
        if (outputLayer is not null)
            Check.That(entries.Contains(outputLayer), $"outputLayer \"{outputLayer}\" is not one of the mask's layers.", nameof(outputLayer));
    }

    /// <summary>
    /// A mask from 0/1 (or bool) tensors keyed by parameter name; the values are copied (non-zero = kept).
    /// <paramref name="outputLayer"/> names the output layer's entry, if any (pruning strategies can treat it at its own rate).
    /// </summary>
    public static Mask FromTensors(IEnumerable<KeyValuePair<string, Tensor>> tensors, string? outputLayer = null)
    {
        Check.NotNull(tensors);
        var entries = HostEntries<bool>.FromTensors(tensors, nameof(tensors), Naming, (_, t) =>
        {
            using var scope = torch.NewDisposeScope();
            var cpu = t.detach().cpu();
            return HostArrays.Bools(cpu.dtype == ScalarType.Bool ? cpu : cpu.ne(0));
        });
        Check.That(entries.Names.Count > 0, "a mask needs at least one layer.", nameof(tensors));
        return new Mask(entries, outputLayer);
    }

    // The arrays become the mask's: callers hand over arrays nobody else holds.
    internal static Mask FromHost(IReadOnlyList<string> layers, IReadOnlyDictionary<string, long[]> shapes,
        IReadOnlyDictionary<string, bool[]> values, string? outputLayer) =>
        new(new(layers.Select(l => (l, shapes[l], values[l])), Naming), outputLayer);

    /// <summary>
    /// A random unstructured mask that removes round(<paramref name="sparsity"/> × n) of the n weights of every layer
    /// (the output layer included, at least one weight kept per layer), drawn with <paramref name="seed"/>: the mask
    /// for measuring what a given sparsity costs, independent of which weights a trained network would keep.
    /// </summary>
    public static Mask Random(PrunableModel model, double sparsity, long seed)
    {
        Check.NotNull(model);
        Check.That(double.IsFinite(sparsity) && sparsity >= 0 && sparsity < 1, $"sparsity must be in [0, 1); got {sparsity}.", nameof(sparsity));
        var tensors = model.PrunableTensors();
        return RandomKeeping(model.PrunableParameters, tensors.ToDictionary(t => t.Key, t => t.Value.shape),
            tensors.ToDictionary(t => t.Key, t => Math.Max(1, t.Value.numel() - (long)Math.Round(sparsity * t.Value.numel()))), model.OutputParameter,
            seed);
    }

    // The one random-mask draw (random masks here and the random-mask control): one generator seeded with `seed`, per
    // layer in order a random permutation of its indices, the first kept[layer] of them kept.
    internal static Mask RandomKeeping(IReadOnlyList<string> layers, IReadOnlyDictionary<string, long[]> shapes,
        IReadOnlyDictionary<string, long> kept, string? outputLayer, long seed)
    {
        using var generator = new Generator(unchecked((ulong)seed));
        var values = new Dictionary<string, bool[]>();
        foreach (var layer in layers)
        {
            long total = Count(shapes[layer]);
            using var perm = torch.randperm(total, generator: generator);
            var chosen = perm.data<long>().ToArray();
            var v = new bool[total];
            for (long i = 0; i < kept[layer]; i++) v[chosen[i]] = true;
            values[layer] = v;
        }
        return FromHost(layers, shapes.ToDictionary(s => s.Key, s => (long[])s.Value.Clone()), values, outputLayer);
    }

    /// <summary>The all-ones mask for <paramref name="model"/> (nothing pruned).</summary>
    public static Mask Dense(PrunableModel model)
    {
        Check.NotNull(model);
        var entries = model.PrunableTensors().Select(kv =>
        {
            var v = new bool[Count(kv.Value.shape)];
            Array.Fill(v, true);
            return (kv.Key, kv.Value.shape, v);
        });
        return new Mask(new(entries, Naming), model.OutputParameter);
    }

    /// <summary>Layer (parameter) names, in model order.</summary>
    public IReadOnlyList<string> Layers => _entries.Names;

    /// <summary>The output layer's name, or null when unknown.</summary>
    public string? OutputLayer { get; }

    /// <summary>The flags of one layer, row-major (true = kept), read in place.</summary>
    public ReadOnlySpan<bool> Values(string layer) => _entries.ValuesOf(layer);

    /// <summary>The shape of one layer (a copy).</summary>
    public long[] Shape(string layer) => (long[])_entries.ShapeOf(layer).Clone();

    /// <summary>
    /// One layer as a new tensor of <paramref name="dtype"/> (bool by default; 0/1 for numeric types) on
    /// <paramref name="device"/> (the CPU by default), in the caller's dispose scope: the caller owns it.
    /// </summary>
    public Tensor ToTensor(string layer, ScalarType dtype = ScalarType.Bool, Device? device = null)
    {
        var (shape, values) = _entries.Get(layer);
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(values, shape);
        if (dtype != ScalarType.Bool || (device is not null && device.type != DeviceType.CPU)) t = t.to(dtype, device ?? CPU);
        return t.MoveToOuterDisposeScope();
    }

    /// <summary>Weights kept in <paramref name="layer"/>.</summary>
    public long Kept(string layer) => _entries.ValuesOf(layer).AsSpan().Count(true);

    /// <summary>Weights in <paramref name="layer"/>.</summary>
    public long Total(string layer) => _entries.ValuesOf(layer).LongLength;

    /// <summary>Weights kept over all layers.</summary>
    public long KeptCount => Layers.Sum(Kept);

    /// <summary>Weights over all layers.</summary>
    public long TotalCount => Layers.Sum(Total);

    /// <summary>Percentage of all prunable weights kept (100 = dense).</summary>
    public double PercentKept => 100.0 * KeptCount / TotalCount;

    /// <summary>Per-layer and total counts.</summary>
    public SparsityReport Report() => new(Layers.Select(l => new SparsityRow(l, Kept(l), Total(l))));

    /// <summary>True when both masks have the same layers, shapes and values.</summary>
    public bool ContentEquals(Mask? other) => other is not null && (ReferenceEquals(this, other) || _entries.ContentEquals(other._entries));

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> (parameter <paramref name="paramName"/>) unless the mask covers exactly
    /// <paramref name="model"/>'s prunable parameters with the same shapes.
    /// </summary>
    public void EnsureMatches(PrunableModel model, string paramName = "mask")
    {
        Check.NotNull(model);
        var prunable = model.PrunableTensors();
        foreach (var l in Layers)
            if (!prunable.ContainsKey(l))
                throw new ArgumentException($"mask/model mismatch: unknown layer name \"{l}\"; the model's prunable parameters are " +
                    $"{string.Join(", ", prunable.Keys)}.", paramName);
        foreach (var (name, p) in prunable)
        {
            if (!_entries.Contains(name))
                throw new ArgumentException($"mask/model mismatch: the mask has no entry for \"{name}\".", paramName);
            var shape = _entries.ShapeOf(name);
            if (!shape.SequenceEqual(p.shape))
                throw new ArgumentException($"mask/model mismatch: \"{name}\" is [{string.Join(", ", shape)}] in the mask but " +
                    $"[{string.Join(", ", p.shape)}] in the model.", paramName);
        }
    }

    /// <summary>Writes the mask to one file, atomically (temporary file, then rename).</summary>
    public void Save(string path)
    {
        var meta = new Dictionary<string, string>();
        if (OutputLayer is not null) meta["output_layer"] = OutputLayer;
        _entries.Save(path, FileKind, meta);
    }

    /// <summary>Reads a mask written by <see cref="Save"/>; with a model, also checks that it matches.</summary>
    public static Mask Load(string path, PrunableModel? model = null)
    {
        var (meta, entries) = HostEntries<bool>.Load(path, FileKind, Naming, e => e.Bools ?? e.Floats!.Select(f => f != 0).ToArray());
        var mask = new Mask(entries, meta.GetValueOrDefault("output_layer"));
        if (model is not null) mask.EnsureMatches(model, nameof(path));
        return mask;
    }

    /// <summary>A writable copy of one layer's flags (row-major), for pruning computations.</summary>
    internal bool[] HostValues(string layer) => (bool[])_entries.ValuesOf(layer).Clone();

    // The shape and the flags of one layer, not copied: for the library's own reads (never written to).
    internal long[] ShapeOf(string layer) => _entries.ShapeOf(layer);

    internal bool[] ValuesOf(string layer) => _entries.ValuesOf(layer);

    private static long Count(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);
}
