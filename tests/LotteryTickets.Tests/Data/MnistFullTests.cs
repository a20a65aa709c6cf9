using System.IO.Compression;

namespace LotteryTickets.Tests.Data;

/// <summary>A temporary data folder with tiny hand-made IDX files named as the full MNIST set.</summary>
public sealed class MnistFullTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("full-mnist-").FullName;
    private string Full => Path.Combine(_data, "mnist");

    public MnistFullTests()
    {
        Directory.CreateDirectory(Full);
        // Train: 5 images, plain files; image i has every pixel = 10·i + 1. Labels 3, 1, 4, 1, 5.
        File.WriteAllBytes(Path.Combine(Full, "train-images-idx3-ubyte"), Images(5, i => (byte)(10 * i + 1)));
        File.WriteAllBytes(Path.Combine(Full, "train-labels-idx1-ubyte"), Labels(3, 1, 4, 1, 5));
        // Test: 3 images, gzipped, one spelled with a dot as some archives unpack it. Pixels 200 + i. Labels 9, 2, 6.
        File.WriteAllBytes(Path.Combine(Full, "t10k-images-idx3-ubyte.gz"), Gzip(Images(3, i => (byte)(200 + i))));
        File.WriteAllBytes(Path.Combine(Full, "t10k-labels.idx1-ubyte.gz"), Gzip(Labels(9, 2, 6)));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static byte[] Images(int n, Func<int, byte> pixel)
    {
        var bytes = new List<byte> { 0, 0, 8, 3, 0, 0, 0, (byte)n, 0, 0, 0, 28, 0, 0, 0, 28 };
        for (int i = 0; i < n; i++) bytes.AddRange(Enumerable.Repeat(pixel(i), 784));
        return [.. bytes];
    }

    private static byte[] Labels(params byte[] labels) => [0, 0, 8, 1, 0, 0, 0, (byte)labels.Length, .. labels];

    private static byte[] Gzip(byte[] bytes)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(bytes);
        return ms.ToArray();
    }

    [Fact]
    public void PrefersFullSet_AndSaysSo()
    {
        using var d = Mnist.Load(new MnistOptions(DataDirectory: _data, Normalize: false));
        Assert.Equal(MnistKind.Full, d.Kind);
        Assert.StartsWith("full MNIST from ", d.Source);
        Assert.Contains(Full, d.Source);
        Assert.Contains("5 train / 3 test", d.Source);
        Assert.Equal(new long[] { 3, 1, 4, 1, 5 }, d.Train.Labels.data<long>().ToArray());
        Assert.Equal(new long[] { 9, 2, 6 }, d.Test.Labels.data<long>().ToArray());
        Assert.Equal(41 / 255f, d.Train.Inputs[4, 0, 27, 27].item<float>());
        Assert.Equal(202 / 255f, d.Test.Inputs[2, 0, 0, 0].item<float>());
        Assert.Equal([0, 2, 0, 1, 1, 1, 0, 0, 0, 0], d.TrainClassCounts);
        Assert.Equal([0, 0, 1, 0, 0, 0, 1, 0, 0, 1], d.TestClassCounts);
        Assert.Equal([0, 1, 2, 3, 4], d.TrainIndices);
    }

    [Fact]
    public void TruncatesToTheFirstExamples()
    {
        using var d = Mnist.Load(new MnistOptions(TrainCount: 2, TestCount: 1, DataDirectory: _data));
        Assert.Equal(new long[] { 3, 1 }, d.Train.Labels.data<long>().ToArray());
        Assert.Equal(new long[] { 9 }, d.Test.Labels.data<long>().ToArray());
        Assert.Contains("2 train / 1 test (the first of 5 / 3)", d.Source);
        Assert.Equal((11 / 255f - Mnist.Mean) / Mnist.Std, d.Train.Inputs[1, 0, 5, 5].item<float>(), 1e-6f);
    }

    [Fact]
    public void TooManyRequested_ThrowsNamingTheOption()
    {
        Assert.Equal("TrainCount",
            Assert.ThrowsAny<ArgumentException>(() => Mnist.Load(new MnistOptions(TrainCount: 6, DataDirectory: _data))).ParamName);
        Assert.Equal("TestCount",
            Assert.ThrowsAny<ArgumentException>(() => Mnist.Load(new MnistOptions(TestCount: 4, DataDirectory: _data))).ParamName);
    }

    [Fact]
    public void PartialFullSet_ThrowsNamingTheMissingFile()
    {
        File.Delete(Path.Combine(Full, "t10k-labels.idx1-ubyte.gz"));
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(new MnistOptions(DataDirectory: _data)));
        Assert.Contains("t10k-labels-idx1-ubyte", e.Message);
    }

    [Fact]
    public void KindSample_IgnoresTheFullSet()
    {
        // No sample in this folder: forcing the sample must look for it, not use the full set.
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(new MnistOptions(DataDirectory: _data, Kind: MnistKind.Sample)));
        Assert.Contains(Mnist.SampleImagesFile, e.Message);
    }

    [Fact]
    public void InvalidFullFile_ThrowsInvalidDataNamingIt()
    {
        File.WriteAllBytes(Path.Combine(Full, "train-labels-idx1-ubyte"), Labels(3, 1, 4, 1, 12));
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(new MnistOptions(DataDirectory: _data)));
        Assert.Contains("train-labels-idx1-ubyte", e.Message);
        File.WriteAllBytes(Path.Combine(Full, "train-labels-idx1-ubyte"), Labels(3, 1, 4));
        e = Assert.Throws<InvalidDataException>(() => Mnist.Load(new MnistOptions(DataDirectory: _data)));
        Assert.Contains("5 images", e.Message);
    }
}
