using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Storage;

/// <summary>
/// A small binary file of named float32 / bool tensors plus string metadata, written through <see cref="AtomicFile"/>,
/// so a crash never leaves a half-written mask or snapshot behind.
/// </summary>
internal static class TensorFile
{
    private const string Magic = "LTTF1";

    public static void Write(string path, string kind, IReadOnlyDictionary<string, string> metadata,
        IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        Check.That(!string.IsNullOrWhiteSpace(path), "path must be a file path.", nameof(path));
        AtomicFile.Write(path, stream =>
        {
            using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(kind);
                w.Write(metadata.Count);
                foreach (var (k, v) in metadata) { w.Write(k); w.Write(v); }
                var list = tensors.ToList();
                w.Write(list.Count);
                foreach (var (name, tensor) in list)
                {
                    using var scope = torch.NewDisposeScope();
                    var t = tensor.detach().cpu().contiguous();
                    w.Write(name);
                    w.Write(t.dtype == ScalarType.Bool ? (byte)1 : (byte)0);
                    w.Write((int)t.dim());
                    foreach (var d in t.shape) w.Write(d);
                    w.Write(HostArrays.Bytes(t, t.dtype == ScalarType.Bool ? ScalarType.Bool : ScalarType.Float32));
                }
                w.Flush();
            }
        });
    }

    public static (Dictionary<string, string> Metadata, List<(string Name, Tensor Tensor)> Tensors) Read(string path, string kind)
    {
        Check.That(File.Exists(path), $"no such file: {path}", nameof(path));
        using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        string magic, fileKind;
        try { magic = r.ReadString(); fileKind = r.ReadString(); }
        catch (EndOfStreamException) { throw new ArgumentException($"{path} is not a {kind} file.", nameof(path)); }
        Check.That(magic == Magic && fileKind == kind, $"{path} is not a {kind} file.", nameof(path));
        var metadata = new Dictionary<string, string>();
        int m = r.ReadInt32();
        for (int i = 0; i < m; i++) metadata[r.ReadString()] = r.ReadString();
        int n = r.ReadInt32();
        var tensors = new List<(string, Tensor)>(n);
        for (int i = 0; i < n; i++)
        {
            var name = r.ReadString();
            bool isBool = r.ReadByte() == 1;
            var shape = new long[r.ReadInt32()];
            for (int d = 0; d < shape.Length; d++) shape[d] = r.ReadInt64();
            long count = shape.Aggregate(1L, (a, b) => a * b);
            if (isBool)
            {
                var bytes = r.ReadBytes(checked((int)count));
                tensors.Add((name, torch.tensor(bytes.Select(b => b != 0).ToArray(), shape)));
            }
            else
            {
                var bytes = r.ReadBytes(checked((int)count * 4));
                tensors.Add((name, torch.tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape)));
            }
        }
        return (metadata, tensors);
    }
}
