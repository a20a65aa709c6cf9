using System.Runtime.InteropServices;
using LotteryTickets.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// A frozen copy of a model's state (parameters and buffers) as host float32 arrays (row-major), with names and shapes:
/// the rewind point of IMP or the trained weights of a level. An immutable value: nothing is there to dispose,
/// <see cref="LoadInto"/> copies it into a model and <see cref="ToTensor"/> makes a tensor where one is needed.
/// </summary>
public sealed class WeightSnapshot
{
    internal const string FileKind = "weights";
    private readonly Dictionary<string, Entry> _entries;

    // One entry: its shape and its values (owned by the snapshot, never handed out writable).
    private sealed record Entry(long[] Shape, float[] Values);

    // Takes ownership of the arrays: callers pass arrays nobody else holds.
    private WeightSnapshot(List<(string Name, long[] Shape, float[] Values)> owned)
    {
        Names = owned.Select(e => e.Name).ToList().AsReadOnly();
        _entries = owned.ToDictionary(e => e.Name, e => new Entry(e.Shape, e.Values));
    }

    /// <summary>
    /// Copies the current state of <paramref name="module"/>. Entries of another type than float32 are stored as
    /// float32 (as the snapshot file stores them), which must convert them exactly.
    /// </summary>
    public static WeightSnapshot Capture(nn.Module module)
    {
        Check.NotNull(module);
        return FromEntries(module.state_dict(), nameof(module));
    }

    /// <summary>
    /// A snapshot of the given tensors keyed by name (values copied as float32, which must convert them exactly), e.g.
    /// <see cref="PrunableModel.PrunableTensors"/> for a pruning strategy.
    /// </summary>
    public static WeightSnapshot FromTensors(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        Check.NotNull(tensors);
        var snapshot = FromEntries(tensors, nameof(tensors));
        Check.That(snapshot.Names.Count > 0, "a snapshot needs at least one entry.", nameof(tensors));
        return snapshot;
    }

    private static WeightSnapshot FromEntries(IEnumerable<KeyValuePair<string, Tensor>> tensors, string paramName)
    {
        using var _ = torch.no_grad();
        var list = new List<(string, long[], float[])>();
        var seen = new HashSet<string>();
        foreach (var (name, t) in tensors)
        {
            Check.That(!string.IsNullOrEmpty(name), "entry names must not be empty.", paramName);
            Check.NotNull(t, paramName);
            Check.That(seen.Add(name), $"entry names must be unique; \"{name}\" appears twice.", paramName);
            if (t.dtype != ScalarType.Float32) CheckExactAsFloat32(name, t, paramName);
            list.Add((name, t.shape, HostArrays.Floats(t)));
        }
        return new WeightSnapshot(list);
    }

    private static void CheckExactAsFloat32(string name, Tensor t, string paramName)
    {
        using var scope = torch.NewDisposeScope();
        var original = t.detach();
        var back = original.to(ScalarType.Float32).to(original.dtype);
        bool exact = back.eq(original).logical_or(back.isnan().logical_and(original.isnan())).all().item<bool>();
        Check.That(exact, $"\"{name}\" is {t.dtype} and does not convert exactly to float32.", paramName);
    }

    /// <summary>Entry names, as in <c>state_dict()</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The values of one entry, row-major, read in place.</summary>
    public ReadOnlySpan<float> Values(string name) => Get(name).Values;

    /// <summary>The shape of one entry (a copy).</summary>
    public long[] Shape(string name) => (long[])Get(name).Shape.Clone();

    /// <summary>
    /// One entry as a new float32 tensor on <paramref name="device"/> (the CPU by default), in the caller's dispose
    /// scope: the caller owns it.
    /// </summary>
    public Tensor ToTensor(string name, Device? device = null)
    {
        var e = Get(name);
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(e.Values, e.Shape);
        if (device is not null && device.type != DeviceType.CPU) t = t.to(device);
        return t.MoveToOuterDisposeScope();
    }

    /// <summary>Copies the snapshot into <paramref name="module"/> (same names and shapes required), on its device.</summary>
    public void LoadInto(nn.Module module)
    {
        Check.NotNull(module);
        using var _ = torch.no_grad();
        var state = module.state_dict();
        Check.That(state.Count == _entries.Count && state.Keys.All(_entries.ContainsKey),
            $"snapshot/model mismatch: the snapshot has {string.Join(", ", Names)} but the model has {string.Join(", ", state.Keys)}.",
            nameof(module));
        foreach (var (name, target) in state)
        {
            var e = _entries[name];
            Check.That(e.Shape.SequenceEqual(target.shape),
                $"snapshot/model mismatch: \"{name}\" is [{string.Join(", ", e.Shape)}] in the snapshot but [{string.Join(", ", target.shape)}] in " +
                    "the model.", nameof(module));
        }
        foreach (var (name, target) in state)
        {
            var e = _entries[name];
            using var source = torch.tensor(e.Values, e.Shape);
            target.copy_(source);
        }
    }

    /// <summary>True when both snapshots have the same names, shapes and bit-identical values.</summary>
    public bool ContentEquals(WeightSnapshot? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (!Names.SequenceEqual(other.Names)) return false;
        foreach (var n in Names)
        {
            var a = _entries[n];
            var b = other._entries[n];
            if (!a.Shape.AsSpan().SequenceEqual(b.Shape) ||
                !MemoryMarshal.AsBytes(a.Values.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(b.Values.AsSpan()))) return false;
        }
        return true;
    }

    /// <summary>Writes the snapshot to one file, atomically (temporary file, then rename).</summary>
    public void Save(string path) =>
        TensorFile.Write(path, FileKind, new Dictionary<string, string>(),
            Names.Select(n => TensorFile.Entry.Of(n, _entries[n].Shape, _entries[n].Values)));

    /// <summary>Reads a snapshot written by <see cref="Save"/>.</summary>
    public static WeightSnapshot Load(string path)
    {
        var (_, entries) = TensorFile.ReadHost(path, FileKind);
        return new WeightSnapshot(entries.Select(e => (e.Name, e.Shape, e.Floats ?? e.Bools!.Select(b => b ? 1f : 0f).ToArray())).ToList());
    }

    /// <summary>Whether the snapshot has an entry <paramref name="name"/>.</summary>
    internal bool Contains(string name) => _entries.ContainsKey(name);

    // The shape and the values of one entry, not copied: for the library's own reads (never written to).
    internal long[] ShapeOf(string name) => Get(name).Shape;

    internal float[] ValuesOf(string name) => Get(name).Values;

    private Entry Get(string name) => _entries.TryGetValue(Check.NotNull(name), out var e) ? e
        : throw new ArgumentException($"unknown name \"{name}\"; the snapshot has {string.Join(", ", Names)}.", nameof(name));
}
