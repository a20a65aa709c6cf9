using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace LotteryTickets.Storage;

/// <summary>How a <see cref="HostEntries{T}"/> words its messages: "unknown {What} "x"; the {Owner} has …" for parameter
/// <c>Param</c>; "{Noun} names must not be empty." and <c>Duplicate(name)</c> when reading tensors.</summary>
internal sealed record EntryNaming(string What, string Owner, string Param, string Noun, Func<string, string> Duplicate);

/// <summary>
/// The value core of a mask and a weight snapshot: named host arrays (row-major) with their shapes, in order, owned
/// here and never handed out writable (callers pass arrays nobody else holds); compared bit for bit, written and read
/// through <see cref="TensorFile"/>.
/// </summary>
internal sealed class HostEntries<T> where T : unmanaged
{
    private readonly Dictionary<string, (long[] Shape, T[] Values)> _entries;
    private readonly EntryNaming _naming;

    public HostEntries(IEnumerable<(string Name, long[] Shape, T[] Values)> owned, EntryNaming naming)
    {
        var list = owned.ToList();
        (Names, _entries, _naming) = (list.ConvertAll(e => e.Name).AsReadOnly(), list.ToDictionary(e => e.Name, e => (e.Shape, e.Values)), naming);
    }

    // Copies named tensors through `values`, refusing an empty or repeated name or a null tensor (for `paramName`).
    public static HostEntries<T> FromTensors(IEnumerable<KeyValuePair<string, Tensor>> tensors, string paramName, EntryNaming naming,
        Func<string, Tensor, T[]> values)
    {
        var list = new List<(string, long[], T[])>();
        var seen = new HashSet<string>();
        foreach (var (name, t) in tensors)
        {
            Check.That(!string.IsNullOrEmpty(name), $"{naming.Noun} names must not be empty.", paramName);
            Check.NotNull(t, paramName);
            Check.That(seen.Add(name), naming.Duplicate(name), paramName);
            list.Add((name, t.shape, values(name, t)));
        }
        return new(list, naming);
    }

    public IReadOnlyList<string> Names { get; }

    public bool Contains(string name) => _entries.ContainsKey(name);

    public long[] ShapeOf(string name) => Get(name).Shape;

    public T[] ValuesOf(string name) => Get(name).Values;

    public (long[] Shape, T[] Values) Get(string name) => _entries.TryGetValue(Check.NotNull(name, _naming.Param), out var e) ? e
        : throw new ArgumentException($"unknown {_naming.What} \"{name}\"; the {_naming.Owner} has {string.Join(", ", Names)}.", _naming.Param);

    public bool ContentEquals(HostEntries<T> other) =>
        Names.SequenceEqual(other.Names) && Names.All(n => ShapeOf(n).AsSpan().SequenceEqual(other.ShapeOf(n)) &&
            MemoryMarshal.AsBytes(ValuesOf(n).AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(other.ValuesOf(n).AsSpan())));

    public void Save(string path, string kind, IReadOnlyDictionary<string, string> metadata) =>
        TensorFile.Write(path, kind, metadata, Names.Select(n => TensorFile.Entry.Of(n, ShapeOf(n), ValuesOf(n))));

    // Reads a file written by Save, each entry's array through `values`.
    public static (Dictionary<string, string> Metadata, HostEntries<T> Entries) Load(string path, string kind, EntryNaming naming,
        Func<TensorFile.Entry, T[]> values)
    {
        var (metadata, entries) = TensorFile.ReadHost(path, kind);
        return (metadata, new(entries.Select(e => (e.Name, e.Shape, values(e))), naming));
    }
}
