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
    private static readonly EntryNaming Naming = new("name", "snapshot", "name", "entry",
        name => $"entry names must be unique; \"{name}\" appears twice.");

    // Each entry's shape and values (owned by the snapshot, never handed out writable).
    private readonly HostEntries<float> _entries;

    private WeightSnapshot(HostEntries<float> entries) => _entries = entries;

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
        return new(HostEntries<float>.FromTensors(tensors, paramName, Naming, (name, t) =>
        {
            if (t.dtype != ScalarType.Float32) CheckExactAsFloat32(name, t, paramName);
            return HostArrays.Floats(t);
        }));
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
    public IReadOnlyList<string> Names => _entries.Names;

    /// <summary>The values of one entry, row-major, read in place.</summary>
    public ReadOnlySpan<float> Values(string name) => _entries.ValuesOf(name);

    /// <summary>The shape of one entry (a copy).</summary>
    public long[] Shape(string name) => (long[])_entries.ShapeOf(name).Clone();

    /// <summary>
    /// One entry as a new float32 tensor on <paramref name="device"/> (the CPU by default), in the caller's dispose
    /// scope: the caller owns it.
    /// </summary>
    public Tensor ToTensor(string name, Device? device = null)
    {
        var (shape, values) = _entries.Get(name);
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(values, shape);
        if (device is not null && device.type != DeviceType.CPU) t = t.to(device);
        return t.MoveToOuterDisposeScope();
    }

    /// <summary>Copies the snapshot into <paramref name="module"/> (same names and shapes required), on its device.</summary>
    public void LoadInto(nn.Module module)
    {
        Check.NotNull(module);
        using var _ = torch.no_grad();
        var state = module.state_dict();
        Check.That(state.Count == Names.Count && state.Keys.All(_entries.Contains),
            $"snapshot/model mismatch: the snapshot has {string.Join(", ", Names)} but the model has {string.Join(", ", state.Keys)}.",
            nameof(module));
        foreach (var (name, target) in state)
        {
            var shape = _entries.ShapeOf(name);
            Check.That(shape.SequenceEqual(target.shape),
                $"snapshot/model mismatch: \"{name}\" is [{string.Join(", ", shape)}] in the snapshot but [{string.Join(", ", target.shape)}] in " +
                    "the model.", nameof(module));
        }
        foreach (var (name, target) in state)
        {
            var (shape, values) = _entries.Get(name);
            if (target.device.type == DeviceType.CPU && target.dtype == ScalarType.Float32 && target.is_contiguous())
            {
                values.AsSpan().CopyTo(HostArrays.Elements<float>(target)); // straight into the weights: no temporary tensor
                continue;
            }
            using var source = torch.tensor(values, shape);
            target.copy_(source);
        }
    }

    /// <summary>True when both snapshots have the same names, shapes and bit-identical values.</summary>
    public bool ContentEquals(WeightSnapshot? other) =>
        other is not null && (ReferenceEquals(this, other) || _entries.ContentEquals(other._entries));

    /// <summary>Writes the snapshot to one file, atomically (temporary file, then rename).</summary>
    public void Save(string path) => _entries.Save(path, FileKind, new Dictionary<string, string>());

    /// <summary>Reads a snapshot written by <see cref="Save"/>.</summary>
    public static WeightSnapshot Load(string path)
    {
        var (_, entries) = HostEntries<float>.Load(path, FileKind, Naming, e => e.Floats ?? e.Bools!.Select(b => b ? 1f : 0f).ToArray());
        return new WeightSnapshot(entries);
    }

    /// <summary>Whether the snapshot has an entry <paramref name="name"/>.</summary>
    internal bool Contains(string name) => _entries.Contains(name);

    // The shape and the values of one entry, not copied: for the library's own reads (never written to).
    internal long[] ShapeOf(string name) => _entries.ShapeOf(name);

    internal float[] ValuesOf(string name) => _entries.ValuesOf(name);
}
