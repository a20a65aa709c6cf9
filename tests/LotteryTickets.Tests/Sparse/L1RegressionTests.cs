using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

public class L1RegressionTests
{
    public static TheoryData<L1Algorithm> Algorithms => new() { L1Algorithm.Ista, L1Algorithm.Fista, L1Algorithm.ProximalNewton };

    private static L1Result Solve(L1Algorithm alg, Matrix<double> a, Vector<double> b, double lambda,
        L1Loss loss = L1Loss.Squared, bool nonNegative = false) =>
        new L1Regression(new L1Options(lambda, alg, loss, Tolerance: 1e-15, MaxIterations: 200_000, NonNegative: nonNegative)).Fit(a, b);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void OrthonormalDesignGivesSoftThresholding(L1Algorithm alg)
    {
        var q = TestMatrices.Orthogonal(10, seed: 1);
        var b = TestMatrices.GaussianVector(10, seed: 2);
        var c = q.TransposeThisAndMultiply(b);
        var fit = Solve(alg, q, b, 0.5);
        Assert.True(fit.Converged);
        for (int j = 0; j < 10; j++) Assert.Equal(TestMatrices.Soft(c[j], 0.5), fit.Coefficients[j], 8);
    }

    [Fact]
    public void SubgradientDescentTakesTheStepsWorkedByHand()
    {
        // ½(2x − 3)² + |x|, L = 4, from 0: the gradient −6 and sign 0 = 0 give x₁ = 6/4 = 1.5; there the smooth gradient is 0
        // and sign(1.5) = 1, so x₂ = 1.5 − 1/(4√2). The minimiser is 1.25 (2·(2x − 3) + 1 = 0).
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 2 } });
        var b = Vector<double>.Build.Dense([3.0]);
        var fit = new L1Regression(new L1Options(1, L1Algorithm.SubgradientDescent, MaxIterations: 2, Tolerance: 0)).Fit(a, b);
        Assert.Equal(1.5 - 1 / (4 * Math.Sqrt(2)), fit.Coefficients[0], 12);
        Assert.Equal(3, fit.History.Count);
        Assert.False(fit.Converged);
    }

    [Fact]
    public void SubgradientDescentApproachesTheLassoButFindsNoExactZero()
    {
        // The lasso on a random 40×100 design at λ = λ_max/4: FISTA's solution (agreeing with scikit-learn elsewhere in this
        // file's tests) has most coordinates exactly 0; 5,000 subgradient steps come within 1 % of its objective (0.25 % here), hover
        // within 2 % of the largest coefficient of 0 on those coordinates (0.6 % here), and land exactly on 0 on none of them.
        var a = TestMatrices.Gaussian(40, 100, seed: 11) / Math.Sqrt(40);
        var b = TestMatrices.GaussianVector(40, seed: 12);
        double lambda = a.TransposeThisAndMultiply(b).InfinityNorm() / 4;
        var exact = Solve(L1Algorithm.Fista, a, b, lambda);
        var sub = new L1Regression(new L1Options(lambda, L1Algorithm.SubgradientDescent, Tolerance: 0, MaxIterations: 5000)).Fit(a, b);
        Assert.InRange(exact.SupportSize, 1, 50);
        Assert.Equal(100, sub.SupportSize);
        Assert.InRange(sub.History[^1].Objective, exact.History[^1].Objective, 1.01 * exact.History[^1].Objective);
        double largest = exact.Coefficients.AbsoluteMaximum();
        for (int j = 0; j < 100; j++)
            if (exact.Coefficients[j] == 0) Assert.True(Math.Abs(sub.Coefficients[j]) < 0.02 * largest, $"j = {j}: {sub.Coefficients[j]}");
    }

    /// <summary>KKT for ½‖Ax − b‖² + λ‖x‖₁: |aⱼᵀ(b − Ax)| ≤ λ, with equality λ·sign(xⱼ) on the support.</summary>
    internal static void AssertKkt(Matrix<double> a, Vector<double> grad, Vector<double> x, double lambda, double tol = 1e-6)
    {
        var c = -a.TransposeThisAndMultiply(grad); // = Aᵀ(b − Ax) for least squares
        for (int j = 0; j < x.Count; j++)
        {
            if (x[j] != 0) Assert.True(Math.Abs(c[j] - lambda * Math.Sign(x[j])) <= tol, $"j={j}: {c[j]} vs {lambda * Math.Sign(x[j])}");
            else Assert.True(Math.Abs(c[j]) <= lambda + tol, $"j={j}: |{c[j]}| > {lambda}");
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void LassoSolutionSatisfiesKkt(L1Algorithm alg)
    {
        var a = TestMatrices.Gaussian(20, 30, seed: 3) / Math.Sqrt(20);
        var b = TestMatrices.GaussianVector(20, seed: 4) / Math.Sqrt(20);
        double lambda = 0.1 * L1Path.LambdaMax(a, b);
        var fit = Solve(alg, a, b, lambda);
        Assert.True(fit.Converged, $"gap {fit.DualityGap} after {fit.Iterations}");
        Assert.InRange(fit.SupportSize, 1, 20);
        AssertKkt(a, a * fit.Coefficients - b, fit.Coefficients, lambda);
        Assert.All(fit.History, h => Assert.True(h.DualityGap >= -1e-12));
    }

    [Fact]
    public void TheThreeSolversAgreeOnTheOptimum()
    {
        var a = TestMatrices.Gaussian(25, 40, seed: 5) / 5;
        var b = TestMatrices.GaussianVector(25, seed: 6) / 5;
        double lambda = 0.05 * L1Path.LambdaMax(a, b);
        var xs = new[] { L1Algorithm.Ista, L1Algorithm.Fista, L1Algorithm.ProximalNewton }.Select(alg => Solve(alg, a, b, lambda)).ToArray();
        Assert.True((xs[0].Coefficients - xs[1].Coefficients).InfinityNorm() < 1e-5);
        Assert.True((xs[2].Coefficients - xs[1].Coefficients).InfinityNorm() < 1e-5);
        Assert.Equal(xs[0].Objective, xs[2].Objective, 10);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void LogisticSolutionSatisfiesKkt(L1Algorithm alg)
    {
        var a = TestMatrices.Gaussian(40, 12, seed: 7) / 3;
        var w = TestMatrices.GaussianVector(12, seed: 8);
        var noise = TestMatrices.GaussianVector(40, seed: 9);
        var y = Vector<double>.Build.Dense(40, i => (a.Row(i) * w + 0.5 * noise[i]) > 0 ? 1.0 : -1.0);
        double lambda = 0.2 * L1Path.LambdaMax(a, y, L1Loss.Logistic);
        var fit = Solve(alg, a, y, lambda, L1Loss.Logistic);
        Assert.True(fit.Converged, $"gap {fit.DualityGap} after {fit.Iterations}");
        var z = a * fit.Coefficients;
        var grad = Vector<double>.Build.Dense(40, i => -y[i] / (1 + Math.Exp(y[i] * z[i])));
        AssertKkt(a, grad, fit.Coefficients, lambda);
    }

    [Fact]
    public void MatchesScikitLearnLasso()
    {
        var a = Matrix<double>.Build.DenseOfArray(SklearnReference.A);
        var b = Vector<double>.Build.DenseOfArray(SklearnReference.B);
        var fit = Solve(L1Algorithm.ProximalNewton, a, b, SklearnReference.LassoLambda);
        for (int j = 0; j < 8; j++) Assert.Equal(SklearnReference.LassoCoef[j], fit.Coefficients[j], 6);
    }

    [Fact]
    public void NonNegativeSolutionIsNonNegativeAndOptimal()
    {
        var a = TestMatrices.Gaussian(15, 25, seed: 10) / 4;
        var b = TestMatrices.GaussianVector(15, seed: 11) / 4;
        double lambda = 0.05;
        var fista = Solve(L1Algorithm.Fista, a, b, lambda, nonNegative: true);
        var pn = Solve(L1Algorithm.ProximalNewton, a, b, lambda, nonNegative: true);
        Assert.All(fista.Coefficients, v => Assert.True(v >= 0));
        Assert.True((fista.Coefficients - pn.Coefficients).InfinityNorm() < 1e-5);
        var c = a.TransposeThisAndMultiply(b - a * pn.Coefficients);
        for (int j = 0; j < 25; j++)
            if (pn.Coefficients[j] > 0) Assert.Equal(lambda, c[j], 6); else Assert.True(c[j] <= lambda + 1e-6);
    }

    [Fact]
    public void PathWarmStartsFromLambdaMax()
    {
        var a = TestMatrices.Gaussian(20, 30, seed: 12) / 4;
        var b = TestMatrices.GaussianVector(20, seed: 13);
        double lmax = L1Path.LambdaMax(a, b);
        var lambdas = L1Path.Geometric(lmax, 8, 1e-2);
        Assert.Equal(lmax, lambdas[0]);
        Assert.Equal(lmax * 1e-2, lambdas[^1], 12);
        var path = L1Path.Fit(a, b, lambdas, new L1Options(0, L1Algorithm.ProximalNewton, Tolerance: 1e-12));
        Assert.Equal(0, path.SupportSizes[0]);
        Assert.True(path.SupportSizes[^1] > path.SupportSizes[1]);
        Assert.All(path.Results, r => Assert.True(r.Converged));
        // Warm start: the first λ below λ_max starts next to its optimum.
        Assert.True(path.Results[1].History[0].Objective <= 0.5 * b.DotProduct(b) + 1e-12);
    }

    [Fact]
    public void BadInputsThrowNamingTheParameter()
    {
        var est = new L1Regression(new L1Options(0.1));
        var a = TestMatrices.Gaussian(5, 4, 1);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => est.Fit(a, TestMatrices.GaussianVector(4, 2))).ParamName);
        Assert.Equal("warmStart",
            Assert.Throws<ArgumentException>(() => est.Fit(a, TestMatrices.GaussianVector(5, 2), TestMatrices.GaussianVector(5, 3))).ParamName);
        var logistic = new L1Regression(new L1Options(0.1, Loss: L1Loss.Logistic));
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => logistic.Fit(a, TestMatrices.GaussianVector(5, 2))).ParamName);
    }
}
