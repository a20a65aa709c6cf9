using LotteryTickets.Tests.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Experiments;

public class NetworkReadoutTests
{
    [Fact]
    public void AsLambdaGoesToZeroTheReadoutIsTheLeastSquaresFit()
    {
        // keep = 9 > 8 columns is never reached, so the path runs to its end. H of full column rank: the lasso at λ = 10⁻¹⁰ λ_max
        // differs from the least-squares fit (QR, closed form) by O(λ/σ_min²).
        var h = TestMatrices.Gaussian(50, 8, seed: 31);
        var z = TestMatrices.GaussianVector(50, seed: 32);
        var (lambda, x) = NetworkReadoutSweep.FitClass(h, z, keep: 9, lambdas: 30, ratio: 1e-10, tolerance: 1e-14);
        var ls = h.QR().Solve(z);
        Assert.True(lambda <= 1e-9 * L1Path.LambdaMax(h, z));
        for (int j = 0; j < 8; j++) Assert.Equal(ls[j], x[j], 1e-6);
        var refit = NetworkReadoutSweep.Refit(h, z, [0, 1, 2, 3, 4, 5, 6, 7]);
        for (int j = 0; j < 8; j++) Assert.Equal(ls[j], refit[j], 1e-10);
    }

    [Fact]
    public void OnOrthonormalFeaturesTheL1SupportIsMagnitudeTopK()
    {
        // Hᵀ H = I: the lasso is the soft threshold of Hᵀz = w (closed form), so its support is the largest |wⱼ| — magnitude pruning.
        var q = TestMatrices.Gaussian(60, 20, seed: 33).QR().Q.SubMatrix(0, 60, 0, 20);
        var w = TestMatrices.GaussianVector(20, seed: 34);
        var z = q * w;
        var (lambda, x) = NetworkReadoutSweep.FitClass(q, z, keep: 5, lambdas: 40, ratio: 1e-3, tolerance: 1e-14);
        var support = Enumerable.Range(0, 20).Where(j => x[j] != 0).ToArray();
        Assert.InRange(support.Length, 5, 7);
        Assert.Equal(Shrinkage.KeepLargest(w, support.Length), support);
        var soft = Shrinkage.Soft(w, lambda);
        for (int j = 0; j < 20; j++) Assert.Equal(soft[j], x[j], 1e-9);
    }

    [Fact]
    public void TestAccuracyIsTheShareOfRowsWhoseLargestLogitIsTheLabel()
    {
        // Two rows, two classes, W = I, b = (0, 0.5): row 0 logits (1, 0.5) → class 0 (label 0, right); row 1 (0.2, 0.9) → class 1
        // (label 0, wrong): 50 %.
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0.2, 0.4 } });
        var w = Matrix<double>.Build.DenseIdentity(2);
        Assert.Equal(50, NetworkReadoutSweep.TestAccuracy(h, w, Vector<double>.Build.Dense([0, 0.5]), [0, 0]));
    }

    [Fact]
    public void OnASmallTrainedNetworkTheReadoutsAreMeasuredConsistently()
    {
        var networks = new DenseNetworks(RunStoreTests.Tiny(), RunStoreTests.Data, [3]);
        var sweep = new NetworkReadoutSweep(networks, Examples: 200, KeepShare: 0.25,
            RaceAlgorithms: [L1Algorithm.SubgradientDescent, L1Algorithm.ProximalNewton], RaceMaxIterations: 100);
        var r = sweep.Run();
        var net = networks.Run().Networks[0];
        Assert.Equal(10, r.Fits.Length);
        var a = Assert.Single(r.Accuracies);
        // The dense read-out in float64 is the network's own forward pass (float32): equal up to a near-tie among 300 test digits.
        Assert.InRange(a.Dense, net.TestAccuracy - 1, net.TestAccuracy + 1);
        foreach (var f in r.Fits)
        {
            Assert.Equal(f.L1Support.Length, f.MagnitudeSupport.Length);
            Assert.Equal(DesignComparison.RandomJaccard(16, f.L1Support.Length), f.Chance, 12);
            Assert.Equal(AOptimality.Jaccard(f.L1Support, f.MagnitudeSupport), f.Jaccard);
        }
        Assert.Equal(2, r.RaceTraces.Length);
        Assert.Single(r.Race.SecondsTo(L1Algorithm.ProximalNewton, 1e-6));
        Assert.True(r.Race.TracesOf(L1Algorithm.ProximalNewton)[0].Converged);
        Assert.Equal(r.Fits.Where(f => f.Seed == 3).Average(f => f.Jaccard - f.Chance), r.JaccardAboveChance()[0], 12);
    }
}
