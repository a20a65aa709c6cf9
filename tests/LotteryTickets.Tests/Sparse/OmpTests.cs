using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

public class OmpTests
{
    [Fact]
    public void RecoversEverySparseSignalBelowTheCoherenceBound()
    {
        // Tropp (2004): OMP recovers every k-sparse x exactly when k < (1 + 1/μ)/2.
        var a = Dictionaries.Gaussian(256, 64, seed: 3);
        double mu = Dictionaries.MutualCoherence(a);
        int k = (int)Math.Ceiling((1 + 1 / mu) / 2) - 1;
        Assert.True(k >= 1, $"μ = {mu} leaves no sparsity level to test");
        var omp = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: k));
        for (int trial = 0; trial < 200; trial++)
        {
            var x = SparseSignals.KSparse(64, k, SignalKind.Gaussian, seed: trial);
            var fit = omp.Fit(a, a * x);
            Assert.Equal(SparseSignals.Support(x), fit.Support.Order().ToArray());
            Assert.True((fit.Coefficients - x).L2Norm() <= 1e-10 * x.L2Norm());
        }
    }

    [Fact]
    public void OnAnOrthonormalDictionaryPicksTheLargestCorrelations()
    {
        var q = TestMatrices.Orthogonal(12, seed: 1);
        var b = TestMatrices.GaussianVector(12, seed: 2);
        var c = q.TransposeThisAndMultiply(b);
        var fit = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: 4)).Fit(q, b);
        var expected = Enumerable.Range(0, 12).OrderByDescending(j => Math.Abs(c[j])).Take(4).ToArray();
        Assert.Equal(expected, fit.Support.ToArray());
        foreach (int j in expected) Assert.Equal(c[j], fit.Coefficients[j], 12);
    }

    [Fact]
    public void CholeskyUpdatesMatchLeastSquaresOnTheFinalSupport()
    {
        var a = TestMatrices.Gaussian(30, 50, seed: 5);
        var b = TestMatrices.GaussianVector(30, seed: 6);
        var fit = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: 10)).Fit(a, b);
        Assert.Equal(10, fit.Support.Count);
        var sub = Matrix<double>.Build.DenseOfColumnVectors(fit.Support.Select(j => a.Column(j)));
        var ls = sub.QR().Solve(b);
        for (int i = 0; i < 10; i++) Assert.Equal(ls[i], fit.Coefficients[fit.Support[i]], 10);
        Assert.Equal((b - sub * ls).L2Norm(), fit.ResidualNorm, 10);
        Assert.Equal(11, fit.ResidualNormHistory.Count);
        for (int i = 1; i < fit.ResidualNormHistory.Count; i++)
            Assert.True(fit.ResidualNormHistory[i] <= fit.ResidualNormHistory[i - 1] + 1e-12);
    }

    [Fact]
    public void GramVariantAndBatchEqualThePlainVariant()
    {
        var a = TestMatrices.Gaussian(25, 40, seed: 7);
        var bs = TestMatrices.Gaussian(25, 6, seed: 8);
        var omp = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: 8));
        var gram = a.TransposeThisAndMultiply(a);
        var serial = omp.FitMany(a, bs);
        var parallel = omp.FitMany(a, bs, parallel: true);
        for (int i = 0; i < bs.ColumnCount; i++)
        {
            var b = bs.Column(i);
            var plain = omp.Fit(a, b);
            var viaGram = omp.FitGram(gram, a.TransposeThisAndMultiply(b), b.DotProduct(b));
            Assert.Equal(plain.Support, viaGram.Support);
            Assert.True((plain.Coefficients - viaGram.Coefficients).InfinityNorm() < 1e-10);
            Assert.Equal(plain.ResidualNorm, viaGram.ResidualNorm, 8);
            Assert.Equal(plain.Support, serial[i].Support);
            Assert.Equal(serial[i].Coefficients, parallel[i].Coefficients);
        }
    }

    [Fact]
    public void StopsAtTheResidualToleranceAndOnDependentAtoms()
    {
        var a = Dictionaries.Gaussian(40, 80, seed: 9);
        var x = SparseSignals.KSparse(80, 5, SignalKind.Signed, seed: 10);
        var fit = new OrthogonalMatchingPursuit(new OmpOptions(Tolerance: 1e-8)).Fit(a, a * x);
        Assert.Equal(OmpStopReason.ToleranceReached, fit.StopReason);
        Assert.Equal(5, fit.Support.Count);

        // Two identical columns: after the first is used, its twin is dependent.
        var col = TestMatrices.GaussianVector(6, 11);
        var other = TestMatrices.GaussianVector(6, 12);
        var twin = Matrix<double>.Build.DenseOfColumnVectors(col, col, other);
        var b = col * 2 + other * 1e-3;
        var f2 = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: 3)).Fit(twin, b);
        Assert.True(f2.Support.Count <= 2);
        Assert.Contains(f2.StopReason, new[] { OmpStopReason.LinearlyDependent, OmpStopReason.NoCorrelation });
    }

    [Fact]
    public void MatchesScikitLearnOnASmallFixedProblem()
    {
        // Literals: A = normalised 6×8 matrix below, b below; reference from scikit-learn 1.2 (Debian python3-sklearn),
        // OrthogonalMatchingPursuit(n_nonzero_coefs=3, fit_intercept=False).fit(A, b).coef_  — see SklearnReference.
        var a = Matrix<double>.Build.DenseOfArray(SklearnReference.A);
        var b = Vector<double>.Build.DenseOfArray(SklearnReference.B);
        var fit = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: 3)).Fit(a, b);
        for (int j = 0; j < 8; j++) Assert.Equal(SklearnReference.OmpCoef3[j], fit.Coefficients[j], 10);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(7)]
    public void BadNonzeroCoefsThrowNamingTheParameter(int k)
    {
        var a = TestMatrices.Gaussian(6, 8, 1); // 6 rows, 8 atoms: k ∈ [1, 6]
        var b = TestMatrices.GaussianVector(6, 2);
        var ex = Assert.ThrowsAny<ArgumentException>(() => new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: k)).Fit(a, b));
        Assert.Equal("NonzeroCoefs", ex.ParamName);
        Assert.Contains("1", ex.Message);
    }

    [Fact]
    public void BadShapesAndValuesThrow()
    {
        var a = TestMatrices.Gaussian(6, 8, 1);
        var omp = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: 2));
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => omp.Fit(a, TestMatrices.GaussianVector(5, 2))).ParamName);
        var nan = TestMatrices.GaussianVector(6, 2);
        nan[3] = double.NaN;
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => omp.Fit(a, nan)).ParamName);
        var inf = a.Clone();
        inf[1, 1] = double.PositiveInfinity;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => omp.Fit(inf, TestMatrices.GaussianVector(6, 2))).ParamName);
    }
}
