using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// Orthogonal Matching Pursuit: greedily selects the atom (column of A) most correlated with the residual — by
/// |aⱼᵀr| / ‖aⱼ‖, so unnormalised dictionaries are handled scale-invariantly — and refits least squares on the
/// support. The least-squares solve appends one row to a Cholesky factor of A_SᵀA_S per step (no full re-solve).
/// </summary>
public sealed class OrthogonalMatchingPursuit
{
    /// <summary>Creates the estimator; the options are validated here (shape-dependent limits at fit time).</summary>
    public OrthogonalMatchingPursuit(OmpOptions? options = null)
    {
        Options = Validation.Check(options ?? new OmpOptions(), nameof(options));
    }

    /// <summary>The settings this estimator runs with.</summary>
    public OmpOptions Options { get; }

    /// <summary>Fits one signal: b ≈ A x with x sparse. A is m×n (n atoms), b has length m.</summary>
    public OmpResult Fit(Matrix<double> a, Vector<double> b)
    {
        Check.Finite(a);
        Check.NonEmpty(a);
        Check.Finite(b);
        Check.Length(b, a.RowCount, "the number of rows of a");
        int maxAtoms = MaxAtoms(a.RowCount, a.ColumnCount);
        return Run(new PlainSource(ColumnKernels.ColumnMajor(a), a.RowCount, a.ColumnCount, b.ToArray()), a.ColumnCount, maxAtoms, b.L2Norm());
    }

    /// <summary>
    /// Gram-matrix variant: fits from G = AᵀA (n×n), Aᵀb and ‖b‖² without touching A — cheap for many right-hand sides.
    /// Gives the same support and coefficients as <see cref="Fit"/>; residual norms come from ‖b‖² − xᵀAᵀb.
    /// </summary>
    public OmpResult FitGram(Matrix<double> gram, Vector<double> atb, double bNormSquared)
    {
        Check.Finite(gram);
        Check.NonEmpty(gram);
        Check.That(gram.RowCount == gram.ColumnCount, $"gram must be square (n×n); got {gram.RowCount}×{gram.ColumnCount}.", nameof(gram));
        Check.Finite(atb);
        Check.Length(atb, gram.RowCount, "the size of gram");
        Check.NonNegative(bNormSquared);
        int maxAtoms = MaxAtoms(gram.RowCount, gram.ColumnCount);
        return Run(new GramSource(ColumnKernels.ColumnMajor(gram), gram.RowCount, atb.ToArray(), bNormSquared), gram.ColumnCount, maxAtoms,
            Math.Sqrt(bNormSquared));
    }

    /// <summary>
    /// Fits every column of B (m×N) against the same A through the Gram variant. With <paramref name="parallel"/> the
    /// signals are spread over the cores; the output is the same either way (result i belongs to column i).
    /// </summary>
    public IReadOnlyList<OmpResult> FitMany(Matrix<double> a, Matrix<double> b, bool parallel = false)
    {
        Check.Finite(a);
        Check.NonEmpty(a);
        Check.Finite(b);
        Check.That(b.RowCount == a.RowCount, $"b must have {a.RowCount} rows (the rows of a); got {b.RowCount}.", nameof(b));
        int maxAtoms = MaxAtoms(a.RowCount, a.ColumnCount);
        int m = a.RowCount, n = a.ColumnCount;
        double[] av = ColumnKernels.ColumnMajor(a), bv = ColumnKernels.ColumnMajor(b);
        var gram = ColumnKernels.Gram(av, m, n);
        var results = new OmpResult[b.ColumnCount];
        void One(int i)
        {
            var col = ColumnKernels.Column(bv, m, i);
            var atb = ColumnKernels.TransposeMultiply(av, m, n, col);
            double b2 = ColumnKernels.Dot(col, col);
            results[i] = Run(new GramSource(gram, n, atb, b2), n, maxAtoms, Math.Sqrt(b2));
        }
        if (parallel) Parallel.For(0, b.ColumnCount, One);
        else for (int i = 0; i < b.ColumnCount; i++) One(i);
        return results;
    }

    private int MaxAtoms(int rows, int atoms)
    {
        if (Options.NonzeroCoefs is int k)
        {
            Check.InRange(k, 1, atoms, nameof(OmpOptions.NonzeroCoefs));
            Check.InRange(k, 1, rows, nameof(OmpOptions.NonzeroCoefs));
            return k;
        }
        return Options.Tolerance is null ? Math.Max(1, atoms / 10) : Math.Min(rows, atoms);
    }

    private OmpResult Run(ICorrelationSource src, int n, int maxAtoms, double bNorm)
    {
        var l = new double[maxAtoms * maxAtoms]; // Cholesky factor of A_SᵀA_S, row-major (Triangular)
        var support = new List<int>(maxAtoms);
        var selected = new bool[n];
        var y = new double[maxAtoms];
        double[] xs = [];
        var norms = new List<double> { bNorm };
        var corr = src.InitialCorrelations();
        var norm = new double[n];
        for (int j = 0; j < n; j++) norm[j] = Math.Sqrt(src.ColumnNormSquared(j));
        OmpStopReason reason = OmpStopReason.NonzeroCoefsReached;
        double? tol = Options.Tolerance;
        if (tol is double t0 && bNorm <= t0) reason = OmpStopReason.ToleranceReached;
        else
        {
            while (true)
            {
                int best = -1;
                double bestScore = 0;
                for (int j = 0; j < n; j++)
                {
                    if (selected[j] || norm[j] <= 0) continue;
                    double score = Math.Abs(corr[j]) / norm[j];
                    if (score > bestScore) { bestScore = score; best = j; }
                }
                if (best < 0 || bestScore <= 1e-13 * norms[^1]) { reason = OmpStopReason.NoCorrelation; break; }

                int s = support.Count;
                var cross = new double[s];
                for (int i = 0; i < s; i++) cross[i] = src.Inner(support[i], best);
                double a2 = src.ColumnNormSquared(best);
                if (!Triangular.Append(l, maxAtoms, s, cross, a2, Options.DependenceTolerance * a2))
                {
                    reason = OmpStopReason.LinearlyDependent;
                    break;
                }
                // Extend the forward solve L y = A_Sᵀb by one entry, then back-substitute Lᵀ x = y.
                double yNew = src.AtB(best) - ColumnKernels.Dot(l.AsSpan(s * maxAtoms, s), y.AsSpan(0, s));
                y[s] = yNew / l[s * maxAtoms + s];
                support.Add(best);
                selected[best] = true;
                xs = Triangular.Backward(l, maxAtoms, s + 1, y);
                double rNorm = src.Update(support, xs, corr);
                norms.Add(rNorm);
                if (tol is double t && rNorm <= t) { reason = OmpStopReason.ToleranceReached; break; }
                if (support.Count >= maxAtoms) { reason = OmpStopReason.NonzeroCoefsReached; break; }
            }
        }
        var coef = Vector<double>.Build.Dense(n);
        for (int i = 0; i < support.Count; i++) coef[support[i]] = xs[i];
        return new OmpResult(support.ToArray(), coef, norms.ToArray(), reason);
    }

    private interface ICorrelationSource
    {
        double[] InitialCorrelations();
        double ColumnNormSquared(int j);
        double Inner(int i, int j);
        double AtB(int j);
        /// <summary>Recomputes the correlations Aᵀr in place for the new coefficients; returns ‖r‖.</summary>
        double Update(List<int> support, double[] xs, double[] corr);
    }

    /// <summary>Correlations from A itself: each step recomputes r = b − A_S x and Aᵀr over A's raw column-major
    /// storage (the same arithmetic as scikit-learn's <c>orthogonal_mp</c> without precompute).</summary>
    private sealed class PlainSource : ICorrelationSource
    {
        readonly double[] a, b, atb, colNorm2, r;
        readonly int m;

        public PlainSource(double[] a, int m, int n, double[] b)
        {
            (this.a, this.m, this.b) = (a, m, b);
            atb = ColumnKernels.TransposeMultiply(a, m, n, b);
            colNorm2 = ColumnKernels.ColumnNormsSquared(a, m, n);
            r = new double[m];
        }

        public double[] InitialCorrelations() => (double[])atb.Clone();
        public double ColumnNormSquared(int j) => colNorm2[j];
        public double Inner(int i, int j) => ColumnKernels.Dot(ColumnKernels.Column(a, m, i), ColumnKernels.Column(a, m, j));
        public double AtB(int j) => atb[j];
        public double Update(List<int> support, double[] xs, double[] corr)
        {
            b.CopyTo(r, 0);
            for (int i = 0; i < support.Count; i++) ColumnKernels.SubtractScaled(r, xs[i], ColumnKernels.Column(a, m, support[i]));
            ColumnKernels.TransposeMultiply(a, m, r, corr);
            return Math.Sqrt(ColumnKernels.Dot(r, r));
        }
    }

    /// <summary>Correlations from G = AᵀA: Aᵀr = Aᵀb − G[:, S] x, one SIMD axpy per selected column of G (column-major,
    /// so G[:, s] is contiguous), and ‖r‖² = ‖b‖² − xᵀA_Sᵀb.</summary>
    private sealed class GramSource(double[] gram, int n, double[] atb, double bNorm2) : ICorrelationSource
    {
        public double[] InitialCorrelations() => (double[])atb.Clone();
        public double ColumnNormSquared(int j) => gram[j * n + j];
        public double Inner(int i, int j) => gram[j * n + i];
        public double AtB(int j) => atb[j];
        public double Update(List<int> support, double[] xs, double[] corr)
        {
            atb.CopyTo(corr, 0);
            for (int i = 0; i < support.Count; i++) ColumnKernels.SubtractScaled(corr, xs[i], ColumnKernels.Column(gram, n, support[i]));
            double fit = 0;
            for (int i = 0; i < support.Count; i++) fit += xs[i] * atb[support[i]];
            return Math.Sqrt(Math.Max(0, bNorm2 - fit));
        }
    }
}

/// <summary>
/// Settings of <see cref="OrthogonalMatchingPursuit"/>.
/// </summary>
/// <param name="NonzeroCoefs">Stop after this many atoms (sklearn's <c>n_nonzero_coefs</c>). When both this and
/// <paramref name="Tolerance"/> are null, max(1, ⌊n/10⌋) atoms are used, as in scikit-learn.</param>
/// <param name="Tolerance">Stop once the residual ℓ2 norm ‖b − Ax‖₂ ≤ Tolerance (note: scikit-learn's <c>tol</c> is the
/// <em>squared</em> norm). When set and <paramref name="NonzeroCoefs"/> is null, at most min(m, n) atoms are used.</param>
/// <param name="DependenceTolerance">Early stop when the next atom is numerically dependent on the selected ones:
/// the new Cholesky pivot ‖a‖² − ‖w‖² is ≤ DependenceTolerance·‖a‖².</param>
public sealed record OmpOptions(
    [property: Positive] int? NonzeroCoefs = null,
    [property: NonNegative] double? Tolerance = null,
    [property: NonNegative] double DependenceTolerance = 1e-10) : IValidated;
