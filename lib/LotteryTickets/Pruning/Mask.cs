using LotteryTickets.Models;
using LotteryTickets.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Pruning;

/// <summary>
/// Which weights of a <see cref="PrunableModel"/> survive: one bool tensor (on the CPU) per prunable parameter,
/// keyed by the parameter's name, true = kept. Immutable: pruning returns a new mask.
/// </summary>
public sealed class Mask : IDisposable
{
    internal const string FileKind = "mask";
    private readonly Dictionary<string, Tensor> _tensors;
    private readonly Dictionary<string, long> _kept;
    private bool _disposed;

    private Mask(List<(string Name, Tensor Tensor)> owned, string? outputLayer)
    {
        Layers = owned.Select(e => e.Name).ToList().AsReadOnly();
        _tensors = owned.ToDictionary(e => e.Name, e => e.Tensor);
        _kept = owned.ToDictionary(e => e.Name, e => { using var c = e.Tensor.count_nonzero(); return c.item<long>(); });
        OutputLayer = outputLayer;
        if (outputLayer is not null)
            Check.That(_tensors.ContainsKey(outputLayer), $"outputLayer \"{outputLayer}\" is not one of the mask's layers.", nameof(outputLayer));
    }

    /// <summary>
    /// A mask from 0/1 (or bool) tensors keyed by parameter name; the tensors are copied. <paramref name="outputLayer"/>
    /// names the output layer's entry, if any (pruning strategies can treat it at its own rate).
    /// </summary>
    public static Mask FromTensors(IEnumerable<KeyValuePair<string, Tensor>> tensors, string? outputLayer = null)
    {
        Check.NotNull(tensors);
        var list = new List<(string, Tensor)>();
        foreach (var (name, t) in tensors)
        {
            Check.That(!string.IsNullOrEmpty(name), "layer names must not be empty.", nameof(tensors));
            Check.NotNull(t, nameof(tensors));
            using var scope = torch.NewDisposeScope();
            var cpu = t.detach().cpu();
            list.Add((name, (cpu.dtype == ScalarType.Bool ? cpu.clone() : cpu.ne(0)).MoveToOuterDisposeScope()));
        }
        Check.That(list.Count > 0, "a mask needs at least one layer.", nameof(tensors));
        Check.That(list.Select(e => e.Item1).Distinct().Count() == list.Count, "layer names must be unique.", nameof(tensors));
        return new Mask(list, outputLayer);
    }

    internal static Mask FromHost(IReadOnlyList<string> layers, IReadOnlyDictionary<string, long[]> shapes,
        IReadOnlyDictionary<string, bool[]> values, string? outputLayer) =>
        new(layers.Select(l => (l, torch.tensor(values[l], shapes[l]))).ToList(), outputLayer);

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
            tensors.ToDictionary(t => t.Key, t => Math.Max(1, t.Value.numel() - (long)Math.Round(sparsity * t.Value.numel()))), model.OutputParameter, seed);
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
            long total = shapes[layer].Aggregate(1L, (a, b) => a * b);
            using var perm = torch.randperm(total, generator: generator);
            var chosen = perm.data<long>().ToArray();
            var v = new bool[total];
            for (long i = 0; i < kept[layer]; i++) v[chosen[i]] = true;
            values[layer] = v;
        }
        return FromHost(layers, shapes, values, outputLayer);
    }

    /// <summary>The all-ones mask for <paramref name="model"/> (nothing pruned).</summary>
    public static Mask Dense(PrunableModel model)
    {
        Check.NotNull(model);
        return new Mask(model.PrunableTensors().Select(kv => (kv.Key, torch.ones(kv.Value.shape, ScalarType.Bool))).ToList(),
            model.OutputParameter);
    }

    /// <summary>Layer (parameter) names, in model order.</summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>The output layer's name, or null when unknown.</summary>
    public string? OutputLayer { get; }

    /// <summary>The bool tensor of one layer (CPU; do not modify or dispose it).</summary>
    public Tensor this[string layer] => _tensors.TryGetValue(Check.NotNull(layer), out var t) ? t
        : throw new ArgumentException($"unknown layer name \"{layer}\"; the mask has {string.Join(", ", Layers)}.", nameof(layer));

    /// <summary>Weights kept in <paramref name="layer"/>.</summary>
    public long Kept(string layer) { _ = this[layer]; return _kept[layer]; }

    /// <summary>Weights in <paramref name="layer"/>.</summary>
    public long Total(string layer) => this[layer].numel();

    /// <summary>Weights kept over all layers.</summary>
    public long KeptCount => _kept.Values.Sum();

    /// <summary>Weights over all layers.</summary>
    public long TotalCount => _tensors.Values.Sum(t => t.numel());

    /// <summary>Percentage of all prunable weights kept (100 = dense).</summary>
    public double PercentKept => 100.0 * KeptCount / TotalCount;

    /// <summary>Per-layer and total counts.</summary>
    public SparsityReport Report() => new(Layers.Select(l => new SparsityRow(l, Kept(l), Total(l))));

    /// <summary>A copy that owns its own tensors.</summary>
    public Mask Clone() => new(Layers.Select(l => (l, _tensors[l].clone())).ToList(), OutputLayer);

    /// <summary>True when both masks have the same layers, shapes and values.</summary>
    public bool ContentEquals(Mask? other)
    {
        if (other is null) return false;
        if (!Layers.SequenceEqual(other.Layers)) return false;
        using var scope = torch.NewDisposeScope();
        foreach (var l in Layers)
        {
            var a = _tensors[l];
            var b = other._tensors[l];
            if (!a.shape.SequenceEqual(b.shape) || !a.eq(b).all().item<bool>()) return false;
        }
        return true;
    }

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
                throw new ArgumentException($"mask/model mismatch: unknown layer name \"{l}\"; the model's prunable parameters are {string.Join(", ", prunable.Keys)}.", paramName);
        foreach (var (name, p) in prunable)
        {
            if (!_tensors.TryGetValue(name, out var t))
                throw new ArgumentException($"mask/model mismatch: the mask has no entry for \"{name}\".", paramName);
            if (!t.shape.SequenceEqual(p.shape))
                throw new ArgumentException($"mask/model mismatch: \"{name}\" is [{string.Join(", ", t.shape)}] in the mask but [{string.Join(", ", p.shape)}] in the model.", paramName);
        }
    }

    /// <summary>Writes the mask to one file, atomically (temporary file, then rename).</summary>
    public void Save(string path)
    {
        var meta = new Dictionary<string, string>();
        if (OutputLayer is not null) meta["output_layer"] = OutputLayer;
        TensorFile.Write(path, FileKind, meta, Layers.Select(l => (l, _tensors[l])));
    }

    /// <summary>Reads a mask written by <see cref="Save"/>; with a model, also checks that it matches.</summary>
    public static Mask Load(string path, PrunableModel? model = null)
    {
        var (meta, tensors) = TensorFile.Read(path, FileKind);
        var mask = new Mask(tensors, meta.GetValueOrDefault("output_layer"));
        if (model is not null)
        {
            try { mask.EnsureMatches(model, nameof(path)); }
            catch { mask.Dispose(); throw; }
        }
        return mask;
    }

    /// <summary>The layers as host arrays (row-major), for pruning computations.</summary>
    internal bool[] HostValues(string layer) => HostArrays.Bools(_tensors[layer]);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var t in _tensors.Values) t.Dispose();
    }
}
