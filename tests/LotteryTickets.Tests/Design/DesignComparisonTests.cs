using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Design;

public class DesignComparisonTests
{
    private static DesignComparisonSweep Small(int seed = 2) => new(Rows: 12, Columns: 3, SubsetSizes: [3, 6, 12], Trials: 4, Seed: seed);

    /// <summary>Brute force over every k-subset.</summary>
    private static double BestCriterion(Matrix<double> x, int k)
    {
        double best = double.PositiveInfinity;
        void Walk(int start, List<int> chosen)
        {
            if (chosen.Count == k) { best = Math.Min(best, AOptimality.Criterion(x, chosen)); return; }
            for (int r = start; r < x.RowCount; r++) { chosen.Add(r); Walk(r + 1, chosen); chosen.RemoveAt(chosen.Count - 1); }
        }
        Walk(0, []);
        return best;
    }

    [Fact]
    public void SingularPairByHand()
    {
        var r = DesignComparison.Compare(DesignExamples.SingularPair(), [2]);
        var p = Assert.Single(r.Points);
        // Row norm keeps rows 0 and 1 (collinear: singular); the optimum is {0, 2}: diag(9, 1), tr = 1/9 + 1.
        Assert.Equal((0.0, 1.0, 1.0 / 3), (p.Efficiency, p.RowNormSingular, p.Jaccard));
        Assert.Equal(1.0 / 9 + 1, p.OptimalCriterion, 12);
        Assert.Equal("exact", p.OptimalMethod);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.05)]
    [InlineData(0.01)]
    public void NearlyCollinearPairFollowsTheClosedForm(double eps)
    {
        var x = DesignExamples.NearlyCollinearPair(eps);
        var rowNorm = new RowNormSelector(new DesignOptions(2)).Select(x);
        Assert.Equal([0, 1], rowNorm.Rows);
        Assert.Equal(1.0 / 18 + 1 / (2 * eps * eps), rowNorm.Criterion, 1e-9 * rowNorm.Criterion);
        var p = DesignComparison.Compare(x, [2]).Points[0];
        Assert.Equal(BestCriterion(x, 2) / rowNorm.Criterion, p.Efficiency, 12);
    }

    [Fact]
    public void OptimalMatchesBruteForceWhereItSearchesExhaustively()
    {
        var o = Small();
        var x = DesignComparison.RandomRows(o.Rows, o.Columns, o.RowScaleSpread, 11);
        foreach (int k in new[] { 3, 4, 6 })
            Assert.Equal(BestCriterion(x, k), DesignComparison.Optimal(x, k).Criterion, 1e-9);
    }

    [Fact]
    public void RandomSweepIsDeterministicAndTheFullSetAgrees()
    {
        var progress = new SyncProgress<ExperimentProgress>();
        var serial = (Small() with { MaxDegreeOfParallelism = 1 }).Run(new ExperimentContext { Progress = progress });
        var parallel = Small().Run();
        Assert.Equal(serial.Points, parallel.Points);
        Assert.Equal(12, progress.Reports.Count);
        Assert.Equal(new ExperimentProgress(12, 12, "matrices"), progress.Reports[^1]);
        var all = serial.At(12)!;
        Assert.Equal((1.0, 1.0, 0.0), (all.Jaccard, all.Efficiency, all.RowNormSingular));
        foreach (var p in serial.Points) Assert.InRange(p.Efficiency, 0, 1 + 1e-12);
        // With equal row scales the sweep differs from the log-normal one.
        Assert.NotEqual(serial.Points[0].OptimalCriterion, (Small() with { RowScaleSpread = 0 }).Run().Points[0].OptimalCriterion);
    }

    [Fact]
    public void BadOptionsNameTheParameter()
    {
        string? Param(DesignComparisonSweep o) => Assert.ThrowsAny<ArgumentException>(() => o.Run()).ParamName;
        Assert.Equal("SubsetSizes", Param(Small() with { SubsetSizes = [2] }));
        Assert.Equal("SubsetSizes", Param(Small() with { SubsetSizes = [13] }));
        Assert.Equal("Columns", Param(Small() with { Columns = 13 }));
        Assert.Equal("epsilon", Assert.ThrowsAny<ArgumentException>(() => DesignExamples.NearlyCollinearPair(0)).ParamName);
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    [InlineData(8, 8)]
    [InlineData(9, 5)]
    public void RandomJaccardIsTheAverageOverAllPairsOfSubsets(int m, int k)
    {
        var subsets = Subsets(m, k).ToList();
        double brute = subsets.SelectMany(a => subsets.Select(b => AOptimality.Jaccard(a, b))).Average();
        Assert.Equal(brute, DesignComparison.RandomJaccard(m, k), 12);
        Assert.Equal("k", Assert.ThrowsAny<ArgumentException>(() => DesignComparison.RandomJaccard(m, m + 1)).ParamName);
    }

    private static IEnumerable<int[]> Subsets(int m, int k) => k == 0 ? [[]]
        : Enumerable.Range(k - 1, m - k + 1).SelectMany(last => Subsets(last, k - 1).Select(s => s.Append(last).ToArray()));

    [Fact]
    public void TheRandomBaselineOverlapsByChanceAndNeverBeatsTheExactOptimum()
    {
        var r = (Small() with { Trials = 6, RandomDraws = 50 }).Run();
        foreach (var p in r.Points)
        {
            Assert.Equal("exact", p.OptimalMethod); // C(12, k) ≤ 924: searched exhaustively
            Assert.InRange(p.RandomEfficiency, 0, 1 + 1e-12);
            // Monte Carlo against the closed form: E[Jaccard(fixed A, uniform B)] = RandomJaccard(m, k), within 3 SE over 300 draws.
            double se = p.RandomJaccardSpread / Math.Sqrt(300);
            Assert.InRange(p.RandomJaccard, DesignComparison.RandomJaccard(12, p.SubsetSize) - 3 * se - 1e-12,
                DesignComparison.RandomJaccard(12, p.SubsetSize) + 3 * se + 1e-12);
            Assert.True(p.EfficiencyStandardError >= 0);
        }
        // At k = m every selection is every row: efficiency 1, overlap 1, no spread.
        Assert.Equal((1.0, 1.0, 0.0), (r.At(12)!.RandomEfficiency, r.At(12)!.RandomJaccard, r.At(12)!.RandomJaccardSpread));
        // The default draws nothing, and leaves the row-norm comparison as it was.
        var plain = Small().Run().At(6)!;
        Assert.True(double.IsNaN(plain.RandomEfficiency));
        Assert.Equal(plain.Efficiency, (Small() with { RandomDraws = 5 }).Run().At(6)!.Efficiency);
    }
}
