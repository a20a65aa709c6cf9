using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace LotteryTickets.Storage;

/// <summary>
/// A small binary file of named float32 / bool host arrays (with their shapes) plus string metadata, written through
/// <see cref="AtomicFile"/>, so a crash never leaves a half-written mask or snapshot behind. Version 2 files end with
/// a SHA-256 of everything before it, so a file damaged or truncated later (a copy, a full disk, a sync tool) is
/// detected on reading; version 1 files (no checksum, written by older libraries) still read.
/// </summary>
internal static class TensorFile
{
    private const string Magic = "LTTF2", MagicV1 = "LTTF1";
    private const int ChecksumLength = 32;

    /// <summary>One named entry of a file, on the host: a bool or a float32 array (row-major) and its shape.</summary>
    internal sealed record Entry(string Name, long[] Shape, bool[]? Bools, float[]? Floats)
    {
        /// <summary>An entry of a bool[] or a float[].</summary>
        public static Entry Of(string name, long[] shape, Array values) => new(name, shape, values as bool[], values as float[]);
    }

    public static void Write(string path, string kind, IReadOnlyDictionary<string, string> metadata, IEnumerable<Entry> entries)
    {
        Check.NotBlank(path);
        var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(kind);
            w.Write(metadata.Count);
            foreach (var (k, v) in metadata) { w.Write(k); w.Write(v); }
            var list = entries.ToList();
            w.Write(list.Count);
            foreach (var e in list)
            {
                w.Write(e.Name);
                w.Write(e.Bools is not null ? (byte)1 : (byte)0);
                w.Write(e.Shape.Length);
                foreach (var d in e.Shape) w.Write(d);
                // .NET's bool is one byte, 0 or 1, as libtorch's is: the bytes are the same either way.
                w.Write(e.Bools is not null ? MemoryMarshal.AsBytes(e.Bools.AsSpan()) : MemoryMarshal.AsBytes(e.Floats.AsSpan()));
            }
        }
        var buffer = body.GetBuffer();
        int length = (int)body.Length;
        var checksum = SHA256.HashData(buffer.AsSpan(0, length));
        AtomicFile.Write(path, stream =>
        {
            stream.Write(buffer, 0, length);
            stream.Write(checksum);
        });
    }

    /// <summary>
    /// Reads a file written by this class's <c>Write</c>. Throws <see cref="ArgumentException"/> when it is not a
    /// <paramref name="kind"/> file and <see cref="InvalidDataException"/> when it is damaged (checksum mismatch) or
    /// truncated.
    /// </summary>
    public static (Dictionary<string, string> Metadata, List<Entry> Entries) ReadHost(string path, string kind)
    {
        Check.That(File.Exists(path), $"no such file: {path}", nameof(path));
        var bytes = File.ReadAllBytes(path);
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        string magic, fileKind;
        try { magic = r.ReadString(); fileKind = r.ReadString(); }
        catch (Exception e) when (e is EndOfStreamException or IOException) { throw new ArgumentException($"{path} is not a {kind} file.",
            nameof(path)); }
        Check.That(magic is Magic or MagicV1 && fileKind == kind, $"{path} is not a {kind} file.", nameof(path));
        if (magic == Magic && !Intact(bytes))
            throw new InvalidDataException($"{path} is damaged or truncated: its SHA-256 does not match its content ({bytes.Length} bytes).");
        try
        {
            var metadata = new Dictionary<string, string>();
            int m = r.ReadInt32();
            for (int i = 0; i < m; i++) metadata[r.ReadString()] = r.ReadString();
            int n = r.ReadInt32();
            var entries = new List<Entry>(n);
            for (int i = 0; i < n; i++)
            {
                var name = r.ReadString();
                bool isBool = r.ReadByte() == 1;
                var shape = new long[r.ReadInt32()];
                for (int d = 0; d < shape.Length; d++) shape[d] = r.ReadInt64();
                long count = shape.Aggregate(1L, (a, b) => checked(a * b));
                int length = checked((int)count * (isBool ? 1 : 4));
                var data = r.ReadBytes(length);
                if (data.Length != length) throw new EndOfStreamException();
                entries.Add(isBool
                    ? Entry.Of(name, shape, data.Select(b => b != 0).ToArray())
                    : Entry.Of(name, shape, MemoryMarshal.Cast<byte, float>(data).ToArray()));
            }
            return (metadata, entries);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{path} is truncated or damaged ({bytes.Length} bytes): {e.Message}", e);
        }
    }

    /// <summary>Whether the file at <paramref name="path"/> is a version-2 file whose checksum matches (version 1: true when it reads).</summary>
    public static bool IsIntact(string path, string kind)
    {
        if (!File.Exists(path)) return false;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length > 6 && Encoding.UTF8.GetString(bytes, 1, 5) == Magic) return Intact(bytes);
            ReadHost(path, kind);
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException) { return false; }
    }

    private static bool Intact(byte[] bytes) =>
        bytes.Length > ChecksumLength &&
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - ChecksumLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength));
}
