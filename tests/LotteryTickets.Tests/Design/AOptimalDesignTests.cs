using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Design;

public class AOptimalDesignTests
{
    private static Matrix<double> Random(int m, int p, int seed)
    {
        var rng = new SeededRandom(seed);
        return Matrix<double>.Build.Dense(m, p, (_, _) => Normal.Sample(rng, 0, 1));
    }

    /// <summary>Brute force for the test only: a fresh inverse per subset.</summary>
    private static double BruteForce(Matrix<double> x, int k)
    {
        double best = double.PositiveInfinity;
        foreach (var s in Combinations(x.RowCount, k))
        {
            var xs = Matrix<double>.Build.DenseOfRowVectors(s.Select(x.Row));
            var info = xs.TransposeThisAndMultiply(xs);
            if (xs.Rank() < x.ColumnCount) continue;
            best = Math.Min(best, info.Inverse().Trace());
        }
        return best;
    }

    private static IEnumerable<int[]> Combinations(int m, int k)
    {
        var c = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])c.Clone();
            int i = k - 1;
            while (i >= 0 && c[i] == m - k + i) i--;
            if (i < 0) yield break;
            c[i]++;
            for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
        }
    }

    [Theory]
    [InlineData(8, 3, 3, 1)]
    [InlineData(10, 3, 5, 2)]
    [InlineData(9, 2, 6, 3)]
    [InlineData(11, 4, 7, 4)]
    public void ExactSearchEqualsBruteForce(int m, int p, int k, int seed)
    {
        var x = Random(m, p, seed);
        var exact = new ExactAOptimalSearch(new DesignOptions(k)).Select(x);
        Assert.Equal(BruteForce(x, k), exact.Criterion, 9);
        Assert.Equal(exact.Criterion, AOptimality.Criterion(x, exact.Rows), 9);
        Assert.Equal(k, exact.Rows.Count);
    }

    [Theory]
    [InlineData(12, 6, 8, 5)]
    [InlineData(14, 1, 3, 6)]
    [InlineData(10, 4, 4, 7)]
    public void ExactSearchEqualsBruteForceAtOtherShapes(int m, int p, int k, int seed)
    {
        // p = 6: the prefix inverse comes from a 6×6 Cholesky; p = 1: every prefix is full rank at once; k = p: leaves
        // are prefixes, no Sherman–Morrison step at all.
        var x = Random(m, p, seed);
        var exact = new ExactAOptimalSearch(new DesignOptions(k)).Select(x);
        Assert.Equal(BruteForce(x, k), exact.Criterion, 9);
        Assert.Equal(exact.Criterion, AOptimality.Criterion(x, exact.Rows), 9);
    }

    [Fact]
    public void ExactSearchSkipsSingularPrefixesAndIllConditionedOnes()
    {
        // Rows 0–2 equal (every prefix holding two of them is singular for p = 3 until a third direction joins), row 3
        // nearly equal to row 4 (a prefix of both is ill-conditioned: the SVD route decides it), the rest random.
        var x = Random(10, 3, 8);
        x.SetRow(1, x.Row(0));
        x.SetRow(2, x.Row(0));
        x.SetRow(4, x.Row(3) + 1e-7 * x.Row(5));
        var exact = new ExactAOptimalSearch(new DesignOptions(4)).Select(x);
        Assert.Equal(BruteForce(x, 4), exact.Criterion, 9);
        Assert.False(exact.IsSingular);
        // All-singular input: every 3-subset of rank 2 ⇒ the lexicographically first subset with criterion ∞.
        var flat = Matrix<double>.Build.Dense(6, 3, (i, j) => j == 2 ? 0 : i + j + 1.0);
        var none = new ExactAOptimalSearch(new DesignOptions(3)).Select(flat);
        Assert.True(none.IsSingular);
        Assert.Equal([0, 1, 2], none.Rows);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void GreedyAndExchangeNeverBeatExactAndExchangeImprovesGreedy(int seed)
    {
        var x = Random(12, 3, seed);
        var options = new DesignOptions(5);
        var exact = new ExactAOptimalSearch(options).Select(x);
        var greedy = new GreedyAOptimalSelector(options).Select(x);
        var exchange = new ExchangeAOptimalSelector(options).Select(x);
        Assert.True(greedy.Criterion >= exact.Criterion * (1 - 1e-10));
        Assert.True(exchange.Criterion >= exact.Criterion * (1 - 1e-10));
        Assert.True(exchange.Criterion <= greedy.Criterion * (1 + 1e-10));
        Assert.InRange(AOptimality.Efficiency(exact, greedy), 0, 1 + 1e-10);
    }

    [Fact]
    public void RowNormHeuristicPicksASingularPairWhereTheOptimumDoesNot()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 10, 0 }, { 9, 0 }, { 0, 1 } });
        var options = new DesignOptions(2);
        var heuristic = new RowNormSelector(options).Select(x);
        var exact = new ExactAOptimalSearch(options).Select(x);
        Assert.Equal([0, 1], heuristic.Rows);
        Assert.True(heuristic.IsSingular);
        Assert.Equal([0, 2], exact.Rows);
        Assert.Equal(1 / 100.0 + 1, exact.Criterion, 12);
        Assert.Equal(0, AOptimality.Efficiency(exact, heuristic));
        Assert.Equal(1.0 / 3, AOptimality.Jaccard(exact, heuristic), 12);
        Assert.Equal([0, 2], new GreedyAOptimalSelector(options).Select(x).Rows);
        Assert.Equal([0, 2], new ExchangeAOptimalSelector(options).Select(x, start: [0, 1]).Rows);
    }

    [Fact]
    public void CriterionMatchesTheClosedFormOnADiagonalCase()
    {
        // Rows 2e₀, 3e₁, 1e₀, 4e₂: X_SᵀX_S = diag(4 + 1, 9, 16) ⇒ tr⁻¹ = 1/5 + 1/9 + 1/16.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 0, 0 }, { 0, 3, 0 }, { 1, 0, 0 }, { 0, 0, 4 } });
        Assert.Equal(1 / 5.0 + 1 / 9.0 + 1 / 16.0, AOptimality.Criterion(x, [0, 1, 2, 3]), 14);
        Assert.True(double.IsPositiveInfinity(AOptimality.Criterion(x, [0, 1, 2])));
        Assert.True(AOptimality.Evaluate(x, [0, 2, 3]).IsSingular);
    }

    [Fact]
    public void JaccardAndEfficiencyOnHandCases()
    {
        Assert.Equal(0.5, AOptimality.Jaccard(new[] { 1, 2, 3 }, new[] { 2, 3, 4 }), 12);
        Assert.Equal(1.0, AOptimality.Jaccard(Array.Empty<int>(), Array.Empty<int>()));
        Assert.Equal(0.0, AOptimality.Jaccard(new[] { 0 }, new[] { 1 }));
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 }, { 0, 2 } });
        var a = AOptimality.Evaluate(x, [0, 2]); // 1 + 1/4
        var b = AOptimality.Evaluate(x, [0, 1]); // 2
        Assert.Equal(1.25 / 2, AOptimality.Efficiency(a, b), 14);
    }

    [Fact]
    public void BadInputsThrowNamingTheParameter()
    {
        var x = Random(5, 2, 1);
        var ex = Assert.ThrowsAny<ArgumentException>(() => new ExactAOptimalSearch(new DesignOptions(6)).Select(x));
        Assert.Equal("SubsetSize", ex.ParamName);
        Assert.Contains("[1, 5]", ex.Message);
        var limit = Assert.ThrowsAny<ArgumentException>(() =>
            new ExactAOptimalSearch(new DesignOptions(20, MaxSubsets: 1000)).Select(Random(40, 2, 1)));
        Assert.Equal("SubsetSize", limit.ParamName);
        Assert.Contains("MaxSubsets", limit.Message);
        var nan = x.Clone();
        nan[0, 0] = double.NaN;
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new RowNormSelector(new DesignOptions(2)).Select(nan)).ParamName);
        Assert.Equal("rows", Assert.ThrowsAny<ArgumentException>(() => AOptimality.Criterion(x, [0, 7])).ParamName);
        Assert.Equal("rows", Assert.ThrowsAny<ArgumentException>(() => AOptimality.Criterion(x, [1, 1])).ParamName);
        Assert.Equal("start", Assert.ThrowsAny<ArgumentException>(() => new ExchangeAOptimalSelector(new DesignOptions(2)).Select(x, [0])).ParamName);
    }
}
