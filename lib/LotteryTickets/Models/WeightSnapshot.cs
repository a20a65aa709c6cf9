using LotteryTickets.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// A frozen copy of a model's state (parameters and buffers), held on the CPU: the rewind point of IMP or the
/// trained weights of a level. Copies are taken with <c>detach().clone()</c>, because <c>state_dict()</c> returns live
/// references.
/// </summary>
public sealed class WeightSnapshot : IDisposable
{
    internal const string FileKind = "weights";
    private readonly Dictionary<string, Tensor> _tensors;
    private bool _disposed;

    private WeightSnapshot(List<(string Name, Tensor Tensor)> owned)
    {
        Names = owned.Select(e => e.Name).ToList().AsReadOnly();
        _tensors = owned.ToDictionary(e => e.Name, e => e.Tensor);
    }

    /// <summary>Copies the current state of <paramref name="module"/>.</summary>
    public static WeightSnapshot Capture(nn.Module module)
    {
        Check.NotNull(module);
        using var _ = torch.no_grad();
        var list = new List<(string, Tensor)>();
        foreach (var (name, t) in module.state_dict())
        {
            using var scope = torch.NewDisposeScope();
            list.Add((name, t.detach().cpu().clone().MoveToOuterDisposeScope()));
        }
        return new WeightSnapshot(list);
    }

    /// <summary>Entry names, as in <c>state_dict()</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>One entry (CPU; do not modify or dispose it).</summary>
    public Tensor this[string name] => _tensors.TryGetValue(Check.NotNull(name), out var t) ? t
        : throw new ArgumentException($"unknown name \"{name}\"; the snapshot has {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The entries by name (CPU tensors; do not modify or dispose them).</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors => _tensors;

    /// <summary>Copies the snapshot into <paramref name="module"/> (same names and shapes required), on its device.</summary>
    public void LoadInto(nn.Module module)
    {
        Check.NotNull(module);
        using var _ = torch.no_grad();
        var state = module.state_dict();
        Check.That(state.Count == _tensors.Count && state.Keys.All(_tensors.ContainsKey),
            $"snapshot/model mismatch: the snapshot has {string.Join(", ", Names)} but the model has {string.Join(", ", state.Keys)}.", nameof(module));
        foreach (var (name, target) in state)
        {
            var source = _tensors[name];
            Check.That(source.shape.SequenceEqual(target.shape),
                $"snapshot/model mismatch: \"{name}\" is [{string.Join(", ", source.shape)}] in the snapshot but [{string.Join(", ", target.shape)}] in the model.", nameof(module));
            target.copy_(source);
        }
    }

    /// <summary>True when both snapshots have the same names, shapes and bit-identical values.</summary>
    public bool ContentEquals(WeightSnapshot? other) =>
        other is not null && Names.SequenceEqual(other.Names) &&
        Names.All(n => _tensors[n].shape.SequenceEqual(other._tensors[n].shape) && BitsEqual(_tensors[n], other._tensors[n]));

    private static bool BitsEqual(Tensor a, Tensor b) =>
        HostArrays.Bytes(a, ScalarType.Float32).AsSpan().SequenceEqual(HostArrays.Bytes(b, ScalarType.Float32));

    /// <summary>Writes the snapshot to one file, atomically (temporary file, then rename).</summary>
    public void Save(string path) =>
        TensorFile.Write(path, FileKind, new Dictionary<string, string>(), Names.Select(n => (n, _tensors[n])));

    /// <summary>Reads a snapshot written by <see cref="Save"/>.</summary>
    public static WeightSnapshot Load(string path) => new(TensorFile.Read(path, FileKind).Tensors);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var t in _tensors.Values) t.Dispose();
    }
}
