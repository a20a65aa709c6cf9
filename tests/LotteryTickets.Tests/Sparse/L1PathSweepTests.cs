using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

public class L1PathSweepTests
{
    private static L1PathSweep Small() => new(M: 30, N: 60, K: 4, SnrDb: 25, Lambdas: 8, LambdaRatio: 0.01, Problems: 2, Seed: 9);

    [Fact]
    public void LassoWithAnOrthonormalDesignIsSoftThresholdingAndSharesMagnitudePruningsSupport()
    {
        var q = Dictionaries.Orthonormal(32, seed: 1);
        Assert.True((q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(32)).InfinityNorm() < 1e-12);
        var b = SparseSignals.AddNoise(q * SparseSignals.KSparse(32, 5, SignalKind.Gaussian, 2), 10, 3);
        var z = q.TransposeThisAndMultiply(b);
        foreach (double ratio in new[] { 0.8, 0.3, 0.05 })
        {
            double lambda = ratio * L1Path.LambdaMax(q, b);
            foreach (var algorithm in new[] { L1Algorithm.ProximalNewton, L1Algorithm.Fista })
            {
                var x = new L1Regression(new L1Options(lambda, algorithm, Tolerance: 1e-14)).Fit(q, b).Coefficients;
                Assert.True((x - Shrinkage.Soft(z, lambda)).InfinityNorm() < 1e-6, $"{algorithm} at {ratio}");
            }
            Assert.Equal(SparseSignals.Support(Shrinkage.Soft(z, lambda)), SparseSignals.Support(Shrinkage.Hard(z, lambda)));
        }
    }

    [Fact]
    public void ShrinkageRulesMatchTheirDefinitions()
    {
        var z = Vector<double>.Build.DenseOfArray([3, -0.5, 1, -2, 1]);
        Assert.Equal([2, 0, 0, -1, 0], Shrinkage.Soft(z, 1).ToArray());
        Assert.Equal([3, 0, 0, -2, 0], Shrinkage.Hard(z, 1).ToArray());
        Assert.Equal([0, 3], Shrinkage.KeepLargest(z, 2));
        Assert.Equal([0, 2, 3], Shrinkage.KeepLargest(z, 3));   // tie between 2 and 4: lower index first
        Assert.Empty(Shrinkage.KeepLargest(z, 0));
        Assert.Equal("count", Assert.ThrowsAny<ArgumentException>(() => Shrinkage.KeepLargest(z, 6)).ParamName);
    }

    [Fact]
    public void PathGrowsFromEmptyAndIterativePruningShrinksToHalfTheTicket()
    {
        var progress = new SyncProgress<ExperimentProgress>();
        var r = Small().Run(new ExperimentContext { Progress = progress });
        Assert.Equal(2, progress.Reports.Count);
        Assert.Equal(new ExperimentProgress(2, 2, "problems"), progress.Reports[^1]);
        Assert.Equal(0, r.SupportSize[0]);                        // λ_max: x = 0
        Assert.Equal(1.0, r.LambdaRatios[0]);
        Assert.Equal(0.01, r.LambdaRatios[^1], 12);
        Assert.True(r.SupportSize[^1] >= Small().K);
        Assert.Equal(60, r.ImpSupportSize[0]);
        Assert.Equal(1.0, r.ImpRecall[0]);
        Assert.Equal(2, r.ImpSupportSize[^1]);                    // ⌈k/2⌉
        for (int l = 1; l < r.ImpSupportSize.Length; l++) Assert.True(r.ImpSupportSize[l] < r.ImpSupportSize[l - 1]);
        Assert.All(r.L1Recall.Concat(r.PruningRecall).Concat(r.L1Precision), v => Assert.InRange(v, 0, 1));
        Assert.True(r.WarmIterations.Sum() <= r.ColdIterations.Sum());
        var again = Small().Run();
        Assert.Equal(r.SupportSize, again.SupportSize);
        Assert.Equal(r.ImpRecall, again.ImpRecall);
    }

    [Fact]
    public void WithMoreRowsThanUnknownsAndNoNoiseOneShotPruningKeepsTheWholeTicket()
    {
        // Overdetermined and (numerically) noiseless: the dense fit is the ticket itself, so its k largest entries are the ticket.
        var r = new L1PathSweep(M: 50, N: 30, K: 4, SnrDb: 200, Lambdas: 6, LambdaRatio: 0.01, Problems: 2, Seed: 1).Run();
        for (int i = 0; i < r.SupportSize.Length; i++)
            if (r.SupportSize[i] >= 4) Assert.Equal(1.0, r.PruningRecall[i], 12);
        Assert.Equal(1.0, r.ImpRecall[Array.IndexOf(r.ImpSupportSize, r.ImpSupportSize.First(s => s <= 4)) - 1], 12);
        // Per problem, the same closed form: one-shot and iterative pruning keep the whole ticket at k.
        Assert.Equal([1.0, 1.0], r.PruningRecallAtK!);
        Assert.Equal([1.0, 1.0], r.ImpRecallAtK!);
        Assert.Equal(2, r.L1RecallAtK!.Length);
    }

    [Fact]
    public void WithOneProblemThePerProblemRecallsAreTheMeansAtTheTicketSize()
    {
        // One problem: the means are that problem's values, so the per-problem recall at k is the mean curve read at its first
        // point with support ≥ k, and IMP's at its last level with ≥ k atoms.
        var r = (Small() with { Problems = 1 }).Run();
        int i = Array.FindIndex(r.SupportSize, s => s >= r.Options.K);
        int l = Array.FindLastIndex(r.ImpSupportSize, s => s >= r.Options.K);
        Assert.Equal(r.L1Recall[i], r.L1RecallAtK![0]);
        Assert.Equal(r.PruningRecall[i], r.PruningRecallAtK![0]);
        Assert.Equal(r.ImpRecall[l], r.ImpRecallAtK![0]);
    }
}
