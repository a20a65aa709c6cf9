using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// The single trials that the phase-diagram and planted-teacher sweeps repeat: draw a problem from a seed, recover the
/// sparse vector, report success. Deterministic for a seed.
/// </summary>
internal static class RecoveryTrials
{
    [ThreadStatic] private static double[]? buffer;

    /// <summary>One phase-diagram trial in dimension n: a fresh Gaussian m×n A and k-sparse x from <paramref name="seed"/>,
    /// b = Ax, recovery by <paramref name="method"/>; true when ‖x̂ − x‖ ≤ successTolerance·‖x‖.</summary>
    internal static bool Trial(int n, int m, int k, PhaseDiagramMethod method, SignalKind signal, double successTolerance, int seed)
    {
        if (k == 0) return true;
        // The m×n matrix is drawn into this thread's buffer (kept while the size repeats, as it does along a row of
        // cells): a fresh ~100–300 KB array per trial lands on the large-object heap, and across tens of thousands of
        // trials the gen-2 collections that follow cost a sixth of a phase diagram. Nothing of A outlives the trial.
        if (buffer?.Length != m * n) buffer = new double[m * n];
        var a = Dictionaries.Gaussian(m, n, seed, buffer);
        var x = SparseSignals.KSparse(n, k, signal, seed ^ 0x5bd1e995);
        var b = Vector<double>.Build.Dense(ColumnKernels.Multiply(ColumnKernels.ColumnMajor(a), m, x.AsArray() ?? x.ToArray()));
        Vector<double> estimate;
        if (method == PhaseDiagramMethod.Omp)
        {
            estimate = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: k, Tolerance: 1e-10 * b.L2Norm())).Fit(a, b).Coefficients;
        }
        else
        {
            var l1 = RecoverL1(a, b, signal == SignalKind.NonNegative);
            if (l1 is null) return false;
            estimate = l1;
        }
        return (estimate - x).L2Norm() <= successTolerance * x.L2Norm();
    }

    /// <summary>The ℓ1 estimate of the trials (the lasso at λ = 1e-3·λ_max, solved exactly by the homotopy path —
    /// proximal Newton where the path stops early — then least squares on its support); null when b is orthogonal to
    /// every column (λ_max = 0).</summary>
    internal static Vector<double>? RecoverL1(Matrix<double> a, Vector<double> b, bool nonNegative)
    {
        var av = ColumnKernels.ColumnMajor(a);
        var bv = b.AsArray() ?? b.ToArray();
        // λ_max = ‖Aᵀb‖∞ (x ≥ 0: max(Aᵀb)₊), as L1Path.LambdaMax, over the raw columns (Math.NET's product spreads
        // this small one over the thread pool).
        var c = ColumnKernels.TransposeMultiply(av, a.RowCount, a.ColumnCount, bv);
        double lambdaMax = 0;
        foreach (double v in c) lambdaMax = Math.Max(lambdaMax, nonNegative ? v : Math.Abs(v));
        if (lambdaMax <= 0) return null;
        double lambda = 1e-3 * lambdaMax;
        var path = LassoHomotopy.Solve(av, a.RowCount, a.ColumnCount, bv, lambda, nonNegative, maxSteps: 8 * a.RowCount + 100);
        var x = path is not null ? Vector<double>.Build.Dense(path)
            : new L1Regression(new L1Options(lambda, L1Algorithm.ProximalNewton, Tolerance: 1e-10, MaxIterations: 30,
                NonNegative: nonNegative)).Fit(a, b).Coefficients;
        return Debias(a, b, x);
    }

    /// <summary>Least squares on the support S of the ℓ1 solution when it has at most m atoms: the normal equations
    /// A_SᵀA_S x_S = A_Sᵀb by a raw Cholesky (<see cref="ColumnKernels.CholeskySolve"/>), or MathNet's QR when that
    /// factorisation fails (A_S numerically rank-deficient).</summary>
    private static Vector<double> Debias(Matrix<double> a, Vector<double> b, Vector<double> x)
    {
        double cut = 1e-6 * x.InfinityNorm();
        var support = Enumerable.Range(0, x.Count).Where(j => Math.Abs(x[j]) > cut).ToArray();
        int s = support.Length, m = a.RowCount;
        if (s == 0 || s > m) return x;
        var (h, coef) = ColumnKernels.NormalEquations(ColumnKernels.ColumnMajor(a), m, support, b.AsArray() ?? b.ToArray());
        if (!ColumnKernels.CholeskySolve(h, s, coef))
            coef = Matrix<double>.Build.DenseOfColumnVectors(support.Select(a.Column)).QR().Solve(b).ToArray();
        var result = Vector<double>.Build.Dense(x.Count);
        for (int i = 0; i < s; i++) result[support[i]] = coef[i];
        return result;
    }

    /// <summary>One planted-teacher draw: X (m×n Gaussian, unit columns), a k-sparse w*, y = Xw*; whether ℓ1, one-shot
    /// and iterative magnitude pruning of a linear layer (<see cref="LinearNetworkPruning"/>) each find w*.</summary>
    internal static TeacherOutcome TeacherTrial(int n, int k, int m, SignalKind signal, double pruneFraction,
        double successTolerance, int seed, PruningStop stop = PruningStop.GivenK)
    {
        var x = Dictionaries.Gaussian(m, n, seed);
        var teacher = SparseSignals.KSparse(n, k, signal, seed ^ 0x5bd1e995);
        return Learn(x, x * teacher, teacher, k, pruneFraction, successTolerance, stop, signal == SignalKind.NonNegative);
    }

    /// <summary>The three learners on features <paramref name="x"/> (rows: examples) and noiseless targets
    /// <paramref name="y"/> = x·<paramref name="teacher"/>: whether each found the teacher, and how many weights each pruner
    /// kept.</summary>
    internal static TeacherOutcome Learn(Matrix<double> x, Vector<double> y, Vector<double> teacher, int k, double pruneFraction,
        double successTolerance, PruningStop stop, bool nonNegative)
    {
        bool Found(Vector<double>? w) => w is not null && (w - teacher).L2Norm() <= successTolerance * teacher.L2Norm();
        var (oneShot, iterative) = stop == PruningStop.GivenK
            ? (LinearNetworkPruning.OneShot(x, y, k), LinearNetworkPruning.Iterative(x, y, k, pruneFraction))
            : (LinearNetworkPruning.OneShotUntilFitLost(x, y, pruneFraction, FitTolerance),
               LinearNetworkPruning.IterativeUntilFitLost(x, y, pruneFraction, FitTolerance));
        static int Kept(Vector<double> w) => w.Count(v => v != 0);
        return new TeacherOutcome(Found(RecoverL1(x, y, nonNegative)), Found(oneShot), Found(iterative), Kept(oneShot), Kept(iterative));
    }

    /// <summary>The training fit the fit-lost pruners keep: residual ≤ 1e-6·‖y‖ (noiseless targets fit to rounding).</summary>
    internal const double FitTolerance = 1e-6;
}

/// <summary>One planted-teacher trial: which learners found the teacher, and the weights each pruner kept.</summary>
internal readonly record struct TeacherOutcome(bool L1, bool OneShot, bool Iterative, int OneShotKept, int IterativeKept);

/// <summary>The recovery algorithm an empirical phase diagram tests.</summary>
public enum PhaseDiagramMethod
{
    /// <summary>ℓ1 (basis pursuit approximated by the lasso at λ = 1e-3·λ_max, solved exactly by the homotopy path, x ≥ 0
    /// for non-negative signals), followed by least squares on the found support when it has at most m atoms.</summary>
    L1,
    /// <summary>Orthogonal Matching Pursuit told the true k (stops earlier when the residual vanishes).</summary>
    Omp,
}
