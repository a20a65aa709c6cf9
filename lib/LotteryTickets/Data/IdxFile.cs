using System.Buffers.Binary;
using System.IO.Compression;

namespace LotteryTickets.Data;

/// <summary>
/// Reads and writes IDX files of unsigned bytes (the format of MNIST: magic 0x00 0x00 0x08 d, then d big-endian
/// int32 sizes, then the values row-major), plain or gzipped. Gzip is recognised by its magic bytes, not by the
/// file name. Malformed files throw <see cref="InvalidDataException"/> naming the file.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an IDX file of unsigned bytes with any number of dimensions (plain or gzipped).</summary>
    public static IdxArray Read(string path) => Read(path, expectedRank: null);

    /// <summary>Reads images: an IDX file of unsigned bytes with 3 dimensions [N, rows, columns].</summary>
    public static IdxArray ReadImages(string path) => Read(path, expectedRank: 3);

    /// <summary>Reads labels: an IDX file of unsigned bytes with 1 dimension [N].</summary>
    public static IdxArray ReadLabels(string path) => Read(path, expectedRank: 1);

    /// <summary>
    /// Writes <paramref name="array"/> as an IDX file of unsigned bytes; gzipped (with a fixed header: no name,
    /// mtime 0) when <paramref name="path"/> ends in ".gz".
    /// </summary>
    public static void Write(string path, IdxArray array)
    {
        Check.NotBlank(path);
        Check.NotNull(array);
        Check.InRange(array.Dimensions.Count, 1, 255, nameof(array) + ".Dimensions.Count");
        long size = 1;
        foreach (int d in array.Dimensions)
        {
            Check.That(d >= 0, $"every dimension must be ≥ 0; got [{string.Join(", ", array.Dimensions)}].", nameof(array));
            size *= d;
        }
        Check.That(size == array.Data.Length,
            $"array.Data has {array.Data.Length} values but the dimensions [{string.Join(", ", array.Dimensions)}] need {size}.", nameof(array));

        var header = new byte[4 + 4 * array.Dimensions.Count];
        header[2] = UnsignedByte;
        header[3] = (byte)array.Dimensions.Count;
        for (int i = 0; i < array.Dimensions.Count; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), array.Dimensions[i]);

        using var file = File.Create(path);
        using Stream target = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.SmallestSize)
            : file;
        target.Write(header);
        target.Write(array.Data);
    }

    private static IdxArray Read(string path, int? expectedRank)
    {
        Check.NotBlank(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file not found: {path}", path);
        string name = Path.GetFileName(path);
        byte[] bytes = ReadAllBytes(path, name);

        if (bytes.Length < 4)
            throw new InvalidDataException($"{name}: truncated IDX file: {bytes.Length} bytes, shorter than the 4-byte magic number.");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException(
                $"{name}: not an IDX file: the magic number must start with 0x00 0x00; got 0x{bytes[0]:X2} 0x{bytes[1]:X2}.");
        if (bytes[2] != UnsignedByte)
            throw new InvalidDataException(
                $"{name}: IDX value type 0x{bytes[2]:X2} is not supported; only unsigned byte (0x08) is (as in MNIST).");
        int rank = bytes[3];
        if (rank == 0) throw new InvalidDataException($"{name}: IDX file with 0 dimensions.");
        if (expectedRank is int r && rank != r)
            throw new InvalidDataException($"{name}: expected {r} dimension(s) ({(r == 3 ? "[N, rows, columns]" : "[N]")}); the file has {rank}.");
        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"{name}: truncated IDX header: {rank} dimensions need {headerLength} bytes; the file has " +
                $"{bytes.Length}.");

        var dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (dims[i] < 0) throw new InvalidDataException($"{name}: dimension {i} is negative ({dims[i]}).");
            size *= dims[i];
            if (size > Array.MaxLength) throw new InvalidDataException($"{name}: dimensions [{string.Join(", ", dims[..(i + 1)])}…] are too large.");
        }
        long available = bytes.Length - headerLength;
        if (available < size)
            throw new InvalidDataException(
                $"{name}: truncated IDX file: dimensions [{string.Join(", ", dims)}] need {size:N0} values; the file has {available:N0}.");
        if (available > size)
            throw new InvalidDataException(
                $"{name}: {available - size:N0} unexpected bytes after the {size:N0} values of dimensions [{string.Join(", ", dims)}].");

        return new IdxArray(dims, bytes.AsSpan(headerLength).ToArray());
    }

    private static byte[] ReadAllBytes(string path, string name)
    {
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b) return raw;
        try
        {
            using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var result = new MemoryStream(raw.Length * 4);
            gz.CopyTo(result);
            return result.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"{name}: corrupt or truncated gzip data: {e.Message}", e);
        }
    }
}
