using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    private void AddSparse()
    {
        var a = Good();
        var nan = WithNaN();
        var b = Vec(6);
        Vector<double>? none = null;
        Matrix<double>? noMatrix = null;

        // OMP: data (NaN, empty, shape), k against the atoms, the Gram form (the options themselves: BadInputCases.Declared).
        var omp = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: 2, Tolerance: null, DependenceTolerance: 1e-10));
        _cases.Add("a", "NaN", "NaN in the dictionary", () => omp.Fit(nan, b));
        _cases.Add("a", "0×0", "empty dictionary", () => omp.Fit(Empty, Vec(0)));
        _cases.Add("a", "null", "null", () => omp.Fit(noMatrix!, b));
        _cases.Add("b", "length 6", "b shorter than a's rows", () => omp.Fit(a, Vec(5)));
        _cases.Add("b", "Infinity", "∞ in b", () => omp.Fit(a, VecWith(6, double.PositiveInfinity)));
        _cases.Add("NonzeroCoefs", "[1, 4]", "k above the atoms", () => new OrthogonalMatchingPursuit(new OmpOptions(5, null, 1e-10)).Fit(a, b));
        var gram = a.TransposeThisAndMultiply(a);
        var atb = a.TransposeThisAndMultiply(b);
        _cases.Add("gram", "6×4", "not square", () => omp.FitGram(a, atb, 1.0));
        _cases.Add("atb", "length 4", "wrong length", () => omp.FitGram(gram, Vec(3), 1.0));
        _cases.Add("bNormSquared", "-1", "negative ‖b‖²", () => omp.FitGram(gram, atb, -1));
        _cases.Add("b", "6 rows", "rows differ", () => omp.FitMany(a, Good(5, 2), false));
        _cases.Add("a", "NaN", "NaN", () => omp.FitMany(nan, Good(6, 2), false));

        // ℓ1: data, warm start, labels of the logistic loss (the options themselves: BadInputCases.Declared).
        var l1 = new L1Regression(new L1Options(0.1, L1Algorithm.Fista, L1Loss.Squared, 1e-8, 100, false));
        _cases.Add("options", "null", "null", () => new L1Regression(null!));
        _cases.Add("a", "NaN", "NaN", () => l1.Fit(nan, b, none));
        _cases.Add("b", "length 6", "wrong length", () => l1.Fit(a, Vec(7), none));
        _cases.Add("warmStart", "length 4", "wrong length", () => l1.Fit(a, b, Vec(3)));
        _cases.Add("b", "element 1", "labels not ±1 for the logistic loss",
            () => new L1Regression(new L1Options(0.1, L1Algorithm.Fista, L1Loss.Logistic, 1e-8, 100, false)).Fit(a, b, none));
        _cases.Add("a", "0×0", "empty", () => L1Path.LambdaMax(Empty, Vec(0), L1Loss.Squared, false));
        _cases.Add("loss", "99", "undefined loss", () => L1Path.LambdaMax(a, b, (L1Loss)99, false));
        _cases.Add("lambdaMax", "0", "λmax = 0", () => L1Path.Geometric(0, 5, 1e-3));
        _cases.Add("count", "0", "no λ", () => L1Path.Geometric(1, 0, 1e-3));
        _cases.Add("ratio", "(0, 1]", "ratio > 1", () => L1Path.Geometric(1, 5, 2));
        var opts = new L1Options(0.1, L1Algorithm.Fista, L1Loss.Squared, 1e-8, 100, false);
        _cases.Add("lambdas", "at least one", "no λ", () => L1Path.Fit(a, b, Array.Empty<double>(), opts));
        _cases.Add("lambdas", "NaN", "NaN λ", () => L1Path.Fit(a, b, new[] { 0.1, double.NaN }, opts));
        _cases.Add("options", "null", "null", () => L1Path.Fit(a, b, new[] { 0.1 }, null!));
        _cases.Add("a", "NaN", "NaN", () => L1Path.Fit(nan, b, new[] { 0.1 }, opts));
        _cases.Add("z", "NaN", "NaN", () => Shrinkage.Soft(VecWith(3, double.NaN), 0.1));
        _cases.Add("t", "-1", "negative threshold", () => Shrinkage.Soft(Vec(3), -1));
        _cases.Add("t", "Infinity", "∞ threshold", () => Shrinkage.Hard(Vec(3), double.PositiveInfinity));
        _cases.Add("count", "[0, 3]", "count > length", () => Shrinkage.KeepLargest(Vec(3), 4));

        // Dictionaries and signals: sizes, seeds, coherence inputs.
        _cases.Add("a", "NaN", "NaN", () => Dictionaries.NormalizeColumns(nan));
        _cases.Add("a", "0×0", "empty", () => Dictionaries.NormalizeColumns(Empty));
        var zeroColumn = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 0 } });
        _cases.Add("a", "column 1 is zero", "zero column", () => Dictionaries.MutualCoherence(zeroColumn));
        _cases.Add("n", "1", "one atom", () => Dictionaries.WelchBound(1, 1));
        _cases.Add("m", "[1, 4]", "m > n", () => Dictionaries.WelchBound(5, 4));
        _cases.Add("m", "0", "no rows", () => Dictionaries.Gaussian(0, 4, 1));
        _cases.Add("n", "-3", "negative columns", () => Dictionaries.Gaussian(4, -3, 1));
        _cases.Add("m", "[1, 8]", "m > n", () => Dictionaries.PartialCosine(9, 8, 1));
        _cases.Add("sharedWeight", "[0, 1)", "weight 1", () => Dictionaries.Correlated(4, 8, 1.0, 1));
        _cases.Add("n", "0", "no columns", () => Dictionaries.Orthonormal(0, 1));
        _cases.Add("mu", "[0, 1]", "μ > 1", () => CoherenceGuarantee.SparsityBound(1.5));
        _cases.Add("mu", "NaN", "μ NaN", () => CoherenceGuarantee.MaxGuaranteedSparsity(double.NaN));
        _cases.Add("k", "-1", "negative k", () => CoherenceGuarantee.Covers(-1, 0.3));
        _cases.Add("n", "0", "no entries", () => SparseSignals.KSparse(0, 0, SignalKind.Gaussian, 1));
        _cases.Add("k", "[0, 5]", "k > n", () => SparseSignals.KSparse(5, 6, SignalKind.Gaussian, 1));
        _cases.Add("kind", "99", "undefined kind", () => SparseSignals.KSparse(5, 2, (SignalKind)99, 1));
        _cases.Add("x", "null", "null", () => SparseSignals.Support(none!));
        _cases.Add("snrDb", "NaN", "SNR NaN", () => SparseSignals.AddNoise(Vec(4), double.NaN, 1));
        _cases.Add("clean", "-Infinity", "−∞ in the signal", () => SparseSignals.AddNoise(VecWith(4, double.NegativeInfinity), 20, 1));
        _cases.Add("m", "0", "no rows", () => PlantedLasso.Problem(0, 8, 2, 20, 1, 0));
        _cases.Add("k", "[0, 8]", "k > n", () => PlantedLasso.Problem(4, 8, 9, 20, 1, 0));
        _cases.Add("snrDb", "Infinity", "SNR ∞", () => PlantedLasso.Problem(4, 8, 2, double.PositiveInfinity, 1, 0));
        _cases.Add("k", "[0, 8]", "k > n", () => PlantedLasso.Ticket(8, 9, 1, 0));
        _cases.Add("n", "0", "no entries", () => PlantedLasso.Ticket(0, 0, 1, 0));

        // Phase transitions and linear-network pruning: ε, δ, k, m, n, fractions, supports.
        _cases.Add("epsilon", "[0, 1]", "ε > 1", () => PhaseTransition.OptimalThreshold(1.5, false));
        _cases.Add("epsilon", "NaN", "ε NaN", () => PhaseTransition.StatisticalDimension(double.NaN, false));
        _cases.Add("delta", "(0, 1]", "δ = 0", () => PhaseTransition.WeakThreshold(0, false));
        _cases.Add("m", "[1, 10]", "m > n", () => PhaseTransition.Predict(2, 11, 10, false));
        _cases.Add("k", "[0, 5]", "k > m", () => PhaseTransition.Predict(6, 5, 10, false));
        _cases.Add("n", "0", "n = 0", () => PhaseTransition.MinimumSamples(0, 0, false));
        _cases.Add("k", "[0, 10]", "k > n", () => PhaseTransition.MinimumSamples(11, 10, false));
        _cases.Add("a", "NaN", "NaN", () => LinearNetworkPruning.MinimumNormFit(nan, b, null));
        _cases.Add("support", "[0, 3]", "index out of range", () => LinearNetworkPruning.MinimumNormFit(a, b, new[] { 0, 4 }));
        _cases.Add("support", "twice", "repeated index", () => LinearNetworkPruning.MinimumNormFit(a, b, new[] { 1, 1 }));
        _cases.Add("b", "length 6", "wrong length", () => LinearNetworkPruning.MinimumNormFit(a, Vec(2), null));
        _cases.Add("k", "[0, 4]", "k > columns", () => LinearNetworkPruning.OneShot(a, b, 5));
        _cases.Add("a", "NaN", "NaN", () => LinearNetworkPruning.OneShot(nan, b, 2));
        _cases.Add("fraction", "(0, 1)", "fraction 1", () => LinearNetworkPruning.Iterative(a, b, 2, 1.0));
        _cases.Add("k", "-1", "k < 0", () => LinearNetworkPruning.Iterative(a, b, -1, 0.2));
    }
}
