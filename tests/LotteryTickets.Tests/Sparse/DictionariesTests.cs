using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

public class DictionariesTests
{
    [Fact]
    public void MercedesBenzFrameAttainsTheWelchBound()
    {
        var a = Matrix<double>.Build.Dense(2, 3, (i, j) => i == 0 ? Math.Cos(2 * Math.PI * j / 3) : Math.Sin(2 * Math.PI * j / 3));
        Assert.Equal(0.5, Dictionaries.WelchBound(2, 3), 14);
        Assert.Equal(0.5, Dictionaries.MutualCoherence(a), 14);
    }

    [Fact]
    public void GeneratorsAreSeededAndNormalised()
    {
        Assert.Equal(Dictionaries.Gaussian(10, 20, 5), Dictionaries.Gaussian(10, 20, 5));
        Assert.NotEqual(Dictionaries.Gaussian(10, 20, 5), Dictionaries.Gaussian(10, 20, 6));
        Assert.Equal(Dictionaries.PartialCosine(8, 32, 1), Dictionaries.PartialCosine(8, 32, 1));
        Assert.Equal(SparseSignals.KSparse(50, 5, SignalKind.Gaussian, 3), SparseSignals.KSparse(50, 5, SignalKind.Gaussian, 3));
        foreach (var a in new[] { Dictionaries.Gaussian(10, 20, 5), Dictionaries.PartialCosine(8, 32, 1), Dictionaries.Correlated(30, 40, 0.5, 2) })
            for (int j = 0; j < a.ColumnCount; j++) Assert.Equal(1.0, a.Column(j).L2Norm(), 12);
        Assert.True(Dictionaries.MutualCoherence(Dictionaries.Gaussian(64, 100, 1)) >= Dictionaries.WelchBound(64, 100));
    }

    [Theory]
    [InlineData(20, 200, 1)]
    [InlineData(7, 3, 9)]
    [InlineData(256, 1024, 11)]
    public void GaussianIsBitForBitTheMathNetFormulation(int m, int n, int seed)
    {
        // The generator runs on a raw array for speed (phase diagrams draw tens of thousands); the oracle is the plain
        // Math.NET expression it replaced: Dense(m, n, init) with N(0, 1) draws, then Column(j) / Column(j).L2Norm().
        var rng = new SeededRandom(seed);
        var raw = Matrix<double>.Build.Dense(m, n, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        var expected = raw.Clone();
        for (int j = 0; j < n; j++) expected.SetColumn(j, raw.Column(j) / raw.Column(j).L2Norm());
        Assert.Equal(expected.ToColumnMajorArray(), Dictionaries.Gaussian(m, n, seed).ToColumnMajorArray());
        Assert.Equal(expected.ToColumnMajorArray(), Dictionaries.NormalizeColumns(raw).ToColumnMajorArray());
    }

    [Fact]
    public void CorrelatedDictionaryCoherenceGrowsWithTheSharedWeight()
    {
        double low = Dictionaries.MutualCoherence(Dictionaries.Correlated(200, 50, 0.0, 1));
        double high = Dictionaries.MutualCoherence(Dictionaries.Correlated(200, 50, 0.8, 1));
        Assert.True(high > 0.8 && high > low, $"{low} {high}");
        Assert.Equal("sharedWeight", Assert.ThrowsAny<ArgumentException>(() => Dictionaries.Correlated(5, 5, 1.0, 1)).ParamName);
    }

    [Theory]
    [InlineData(SignalKind.Signed)]
    [InlineData(SignalKind.NonNegative)]
    public void SignalsHaveExactlyKNonzerosOfTheRightKind(SignalKind kind)
    {
        var x = SparseSignals.KSparse(40, 7, kind, 9);
        Assert.Equal(7, SparseSignals.Support(x).Length);
        if (kind == SignalKind.Signed) Assert.All(SparseSignals.Support(x), j => Assert.Equal(1.0, Math.Abs(x[j])));
        else Assert.All(x, v => Assert.True(v >= 0));
        Assert.Equal("k", Assert.ThrowsAny<ArgumentException>(() => SparseSignals.KSparse(5, 6, kind, 1)).ParamName);
    }

    [Fact]
    public void NoiseHasTheRequestedSnr()
    {
        var clean = TestMatrices.GaussianVector(100, 1);
        var noisy = SparseSignals.AddNoise(clean, 20, seed: 2);
        var noise = noisy - clean;
        Assert.Equal(20, 10 * Math.Log10(clean.DotProduct(clean) / noise.DotProduct(noise)), 10);
        Assert.Equal(noisy, SparseSignals.AddNoise(clean, 20, seed: 2));
    }
}
