using System.IO.Compression;

namespace LotteryTickets.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idx-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Hand-made: 2 images of 2 × 3 pixels.
    private static readonly byte[] TinyImages =
    [
        0x00, 0x00, 0x08, 0x03,     // magic: unsigned byte, 3 dimensions
        0x00, 0x00, 0x00, 0x02,     // N = 2
        0x00, 0x00, 0x00, 0x02,     // rows = 2
        0x00, 0x00, 0x00, 0x03,     // columns = 3
        0, 1, 2, 3, 4, 5,
        255, 254, 253, 128, 127, 7,
    ];

    private static readonly byte[] TinyLabels = [0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x03, 9, 0, 4];

    private string Put(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(bytes);
        return ms.ToArray();
    }

    [Fact]
    public void ReadsHandMadePlainImages()
    {
        var a = IdxFile.ReadImages(Put("tiny-images", TinyImages));
        Assert.Equal([2, 2, 3], a.Dimensions);
        Assert.Equal(2, a.Count);
        Assert.Equal(6, a.ItemSize);
        Assert.Equal(TinyImages[16..], a.Data);
        Assert.Equal(new byte[] { 255, 254, 253, 128, 127, 7 }, a.Item(1).ToArray());
    }

    [Fact]
    public void ReadsHandMadeGzippedLabels_RecognisingGzipByContent()
    {
        var gz = IdxFile.ReadLabels(Put("tiny-labels.gz", Gzip(TinyLabels)));
        var gzWithoutExtension = IdxFile.ReadLabels(Put("tiny-labels", Gzip(TinyLabels)));
        Assert.Equal([3], gz.Dimensions);
        Assert.Equal(new byte[] { 9, 0, 4 }, gz.Data);
        Assert.Equal(gz.Data, gzWithoutExtension.Data);
    }

    [Theory]
    [InlineData("round.idx")]
    [InlineData("round.idx.gz")]
    public void WriteThenRead_RoundTrips(string name)
    {
        string path = Path.Combine(_dir, name);
        var original = new IdxArray([2, 2, 3], TinyImages[16..]);
        IdxFile.Write(path, original);
        var back = IdxFile.Read(path);
        Assert.Equal(original.Dimensions, back.Dimensions);
        Assert.Equal(original.Data, back.Data);
        if (name.EndsWith(".gz")) Assert.Equal(0x1f, File.ReadAllBytes(path)[0]);
        else Assert.Equal(TinyImages, File.ReadAllBytes(path));   // byte-for-byte the hand-made file
    }

    [Theory]
    [InlineData(3, "magic")]             // shorter than the magic number
    [InlineData(10, "header")]           // header cut inside the dimensions
    [InlineData(20, "truncated")]        // values cut
    public void TruncatedFile_ThrowsInvalidDataNamingTheFile(int length, string expected)
    {
        string path = Put("cut-images", TinyImages[..length]);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));
        Assert.Contains("cut-images", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TruncatedGzip_ThrowsInvalidDataNamingTheFile()
    {
        byte[] gz = Gzip(TinyImages);
        string path = Put("cut-images.gz", gz[..(gz.Length - 12)]);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));
        Assert.Contains("cut-images.gz", e.Message);
    }

    [Fact]
    public void BadMagic_Throws()
    {
        byte[] bytes = (byte[])TinyImages.Clone();
        bytes[0] = 0x01;
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(Put("bad-magic", bytes)));
        Assert.Contains("bad-magic", e.Message);
        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void UnsupportedValueType_Throws()
    {
        byte[] bytes = (byte[])TinyImages.Clone();
        bytes[2] = 0x0D;   // float
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(Put("floats", bytes)));
        Assert.Contains("0x0D", e.Message);
    }

    [Fact]
    public void WrongRank_Throws()
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(Put("labels-as-images", TinyLabels)));
        Assert.Contains("labels-as-images", e.Message);
        Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(Put("images-as-labels", TinyImages)));
    }

    [Fact]
    public void TrailingBytes_Throw()
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(Put("long-labels", [.. TinyLabels, 1])));
        Assert.Contains("unexpected", e.Message);
    }

    [Fact]
    public void MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => IdxFile.Read(Path.Combine(_dir, "nope")));

    [Fact]
    public void Write_RejectsInconsistentArray()
    {
        var e = Assert.Throws<ArgumentException>(() => IdxFile.Write(Path.Combine(_dir, "x"), new IdxArray([2, 2], new byte[3])));
        Assert.Equal("array", e.ParamName);
    }
}
