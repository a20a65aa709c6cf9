using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

/// <summary>The homotopy path against independent oracles: soft thresholding on an orthonormal design (closed form),
/// the KKT conditions of the lasso, and proximal Newton solved to a 1e-15 gap on the same problem.</summary>
public class LassoHomotopyTests
{
    private static double[] Solve(Matrix<double> a, Vector<double> b, double lambda, bool nonNegative = false) =>
        LassoHomotopy.Solve(a.ToColumnMajorArray(), a.RowCount, a.ColumnCount, b.ToArray(), lambda, nonNegative, 10_000)
        ?? throw new Xunit.Sdk.XunitException("the homotopy stopped before the target λ");

    [Fact]
    public void OrthonormalDesignGivesSoftThresholding()
    {
        var q = TestMatrices.Orthogonal(12, seed: 4);
        var b = TestMatrices.GaussianVector(12, seed: 5);
        var c = q.TransposeThisAndMultiply(b);
        var x = Solve(q, b, 0.4);
        for (int j = 0; j < 12; j++) Assert.Equal(TestMatrices.Soft(c[j], 0.4), x[j], 12);
        var nonNegative = Solve(q, b, 0.4, nonNegative: true);
        for (int j = 0; j < 12; j++) Assert.Equal(Math.Max(c[j] - 0.4, 0), nonNegative[j], 12);
    }

    [Theory]
    [InlineData(30, 80, 1e-1, false, 1)]
    [InlineData(30, 80, 1e-3, false, 2)]
    [InlineData(50, 120, 1e-3, true, 3)]
    [InlineData(20, 200, 1e-3, false, 4)]
    [InlineData(60, 60, 1e-2, false, 5)]
    public void SatisfiesKktAndEqualsProximalNewton(int m, int n, double ratio, bool nonNegative, int seed)
    {
        // Dense b: far from a sparse solution, so the path passes removals and ends with a support near m.
        var a = TestMatrices.Gaussian(m, n, seed);
        var b = TestMatrices.GaussianVector(m, seed + 100);
        double lambda = ratio * L1Path.LambdaMax(a, b, L1Loss.Squared, nonNegative);
        var x = Vector<double>.Build.Dense(Solve(a, b, lambda, nonNegative));
        var c = a.TransposeThisAndMultiply(b - a * x);
        double scale = lambda * 1e-8;
        for (int j = 0; j < n; j++)
        {
            if (x[j] != 0) Assert.True(Math.Abs(c[j] - lambda * Math.Sign(x[j])) <= scale, $"j={j}: {c[j]} vs ±{lambda}");
            else if (nonNegative) Assert.True(c[j] <= lambda + scale, $"j={j}: {c[j]} > {lambda}");
            else Assert.True(Math.Abs(c[j]) <= lambda + scale, $"j={j}: |{c[j]}| > {lambda}");
            if (nonNegative) Assert.True(x[j] >= 0);
        }
        var newton = new L1Regression(new L1Options(lambda, L1Algorithm.ProximalNewton, Tolerance: 1e-15, MaxIterations: 200,
            NonNegative: nonNegative)).Fit(a, b);
        Assert.True((newton.Coefficients - x).L2Norm() <= 1e-6 * Math.Max(1, x.L2Norm()),
            $"‖x_newton − x_path‖ = {(newton.Coefficients - x).L2Norm():g3}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void TiedAtomsEnterTogetherAndASparseSignalIsFound(int seed)
    {
        // ±1 signals on two atoms give both the same correlation at λ_max (c = s₁ + ρs₂ = ρs₁ + s₂ when s₁ = s₂): the
        // path must take both in at once, or the second one's correlation runs past λ unseen.
        var a = Dictionaries.Gaussian(24, 40, 100 + seed);
        var x0 = SparseSignals.KSparse(40, 2, SignalKind.Signed, seed);
        var b = a * x0;
        var x = Vector<double>.Build.Dense(Solve(a, b, 1e-3 * L1Path.LambdaMax(a, b)));
        Assert.Equal(x0.Select(v => v != 0), x.Select(v => v != 0));
        Assert.True((x - x0).L2Norm() < 1e-2 * x0.L2Norm());
    }

    [Fact]
    public void AtOrAboveLambdaMaxTheSolutionIsZero()
    {
        var a = TestMatrices.Gaussian(10, 20, 7);
        var b = TestMatrices.GaussianVector(10, 8);
        double lambdaMax = L1Path.LambdaMax(a, b);
        Assert.All(Solve(a, b, lambdaMax), v => Assert.Equal(0, v));
        Assert.All(Solve(a, b, 2 * lambdaMax), v => Assert.Equal(0, v));
    }

    [Fact]
    public void ADuplicateAtomNeverJoinsItsTwinAndTooFewStepsStopThePath()
    {
        var a = TestMatrices.Gaussian(8, 10, 9);
        a.SetColumn(3, a.Column(2)); // twins: equal correlations all along the path, so the second never enters
        var b = a.Column(2) * 2 + a.Column(5);
        var x = Solve(a, b, 1e-6);
        Assert.True(x[2] == 0 || x[3] == 0);
        Assert.Equal(2, x[2] + x[3], 4);
        Assert.Null(LassoHomotopy.Solve(TestMatrices.Gaussian(20, 40, 10).ToColumnMajorArray(), 20, 40,
            TestMatrices.GaussianVector(20, 11).ToArray(), 1e-6, false, maxSteps: 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void RemovingARowFromTheFactorEqualsFactoringTheReducedGram(int removed)
    {
        const int s = 7, stride = 9;
        var a = TestMatrices.Gaussian(12, s, 12);
        var g = a.TransposeThisAndMultiply(a);
        var l = new double[stride * stride];
        for (int j = 0; j < s; j++)
        {
            var cross = Enumerable.Range(0, j).Select(i => g[i, j]).ToArray();
            Assert.True(Triangular.Append(l, stride, j, cross, g[j, j], 0));
        }
        Triangular.Remove(l, stride, s, removed);
        var keep = Enumerable.Range(0, s).Where(j => j != removed).ToArray();
        var reduced = Matrix<double>.Build.Dense(s - 1, s - 1, (i, j) => g[keep[i], keep[j]]);
        var expected = reduced.Cholesky().Factor; // the unique factor with a positive diagonal
        for (int i = 0; i < s - 1; i++)
            for (int j = 0; j <= i; j++) Assert.Equal(expected[i, j], l[i * stride + j], 10);
    }
}
