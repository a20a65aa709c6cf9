using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>
/// Exact A-optimal subset: the k-subset S of rows minimising tr((X_SᵀX_S)⁻¹) over all C(m, k) subsets. Depth-first
/// enumeration in lexicographic order: once a prefix reaches p rows its inverse information matrix is formed once, and
/// every deeper row is added by a Sherman–Morrison rank-one update of that inverse and of its trace, so a leaf costs
/// O(p²) (the trace only; no matrix is formed there) rather than a fresh inverse. An update that cancels more than four
/// digits of the trace (after an ill-conditioned prefix) is replaced by a fresh inverse. All of it runs on preallocated
/// arrays, one p×p buffer per depth. Refuses when C(m, k) exceeds <see cref="DesignOptions.MaxSubsets"/>.
/// </summary>
public sealed class ExactAOptimalSearch
{
    /// <summary>Creates the search; the options are validated here.</summary>
    public ExactAOptimalSearch(DesignOptions options) => Options = Validation.Check(options);

    /// <summary>The settings this search runs with.</summary>
    public DesignOptions Options { get; }

    /// <summary>Finds the optimal k rows of X (m×p). Ties keep the lexicographically first subset.</summary>
    public DesignSelection Select(Matrix<double> x)
    {
        int k = Options.SubsetSize;
        DesignChecks.Matrix(x, k);
        double count = SpecialFunctions.Binomial(x.RowCount, k);
        if (count > Options.MaxSubsets)
            throw new ArgumentOutOfRangeException(nameof(DesignOptions.SubsetSize), k,
                $"exact search over C({x.RowCount}, {k}) = {count:G4} subsets exceeds MaxSubsets = {Options.MaxSubsets}; " +
                "use a smaller m or k, raise MaxSubsets, or use the greedy/exchange selectors.");
        var state = new Search(x, k);
        state.Run(0, 0, double.PositiveInfinity);
        var best = state.Best ?? Enumerable.Range(0, k).ToArray();
        return new DesignSelection(best, state.BestValue, "exact");
    }

    private sealed class Search
    {
        private readonly Matrix<double> x;
        private readonly int k, m, p;
        private readonly double[] rows;        // X row-major: row r is rows[r·p .. r·p + p)
        private readonly double[][] inverses;  // inverses[d]: (X_SᵀX_S)⁻¹ of the first d chosen rows (p×p), once d ≥ p
        private readonly bool[] full;          // full[d]: inverses[d] holds a finite inverse
        private readonly double[] u, g, l, linv; // scratch: M⁻¹x, the information matrix, its Cholesky factor and L⁻¹
        private readonly int[] chosen;
        public int[]? Best;
        public double BestValue = double.PositiveInfinity;

        public Search(Matrix<double> x, int k)
        {
            this.x = x;
            this.k = k;
            (m, p) = (x.RowCount, x.ColumnCount);
            rows = x.ToRowMajorArray();
            inverses = Enumerable.Range(0, k + 1).Select(_ => new double[p * p]).ToArray();
            full = new bool[k + 1];
            u = new double[p];
            g = new double[p * p];
            l = new double[p * p];
            linv = new double[p * p];
            chosen = new int[k];
        }

        /// <summary>Visits every extension of the first <paramref name="depth"/> chosen rows; <paramref name="trace"/> is
        /// their criterion (∞ while singular).</summary>
        public void Run(int start, int depth, double trace)
        {
            var inverse = inverses[depth];
            bool last = depth + 1 == k;
            for (int r = start; r <= m - (k - depth); r++)
            {
                chosen[depth] = r;
                double nextTrace;
                bool nextFull;
                if (full[depth])
                {
                    // Sherman–Morrison: (M + xxᵀ)⁻¹ = M⁻¹ − uuᵀ/(1 + xᵀu), u = M⁻¹x; tr drops by uᵀu/(1 + xᵀu).
                    int row = r * p;
                    double xu = 0, uu = 0;
                    for (int i = 0; i < p; i++)
                    {
                        double s = 0;
                        for (int j = 0; j < p; j++) s += inverse[i * p + j] * rows[row + j];
                        u[i] = s;
                        xu += rows[row + i] * s;
                        uu += s * s;
                    }
                    double denom = 1 + xu;
                    nextTrace = trace - uu / denom;
                    nextFull = true;
                    if (!(nextTrace > 1e-4 * trace))
                    {
                        // The update cancelled more than four digits (an ill-conditioned prefix made M⁻¹ huge) or went
                        // wrong outright: form this inverse afresh instead.
                        nextFull = Invert(depth + 1, inverses[depth + 1], out nextTrace);
                    }
                    else if (!last)
                    {
                        var next = inverses[depth + 1];
                        for (int i = 0; i < p; i++)
                        {
                            double ui = u[i] / denom;
                            for (int j = 0; j < p; j++) next[i * p + j] = inverse[i * p + j] - ui * u[j];
                        }
                    }
                }
                else if (depth + 1 >= p)
                {
                    nextFull = Invert(depth + 1, inverses[depth + 1], out nextTrace);
                }
                else
                {
                    nextFull = false;
                    nextTrace = double.PositiveInfinity;
                }
                full[depth + 1] = nextFull;
                if (last)
                {
                    if (nextFull && nextTrace < BestValue) { BestValue = nextTrace; Best = (int[])chosen.Clone(); }
                    Best ??= (int[])chosen.Clone();
                }
                else Run(r + 1, depth + 1, nextTrace);
            }
        }

        /// <summary>
        /// (X_SᵀX_S)⁻¹ of the first <paramref name="count"/> chosen rows into <paramref name="target"/>: by a Cholesky
        /// factorisation when the bound cond ≤ tr(G)·tr(G⁻¹) shows the matrix far from singular (≤ 1e8), else by the
        /// SVD of <see cref="AOptimality.InverseInformation"/>, which also decides singularity. False when singular.
        /// </summary>
        private bool Invert(int count, double[] target, out double trace)
        {
            Array.Clear(g);
            for (int s = 0; s < count; s++)
            {
                int row = chosen[s] * p;
                for (int i = 0; i < p; i++)
                    for (int j = 0; j <= i; j++) g[i * p + j] += rows[row + i] * rows[row + j];
            }
            double traceG = 0;
            for (int i = 0; i < p; i++) traceG += g[i * p + i];
            if (Cholesky() && InvertFromCholesky(target, out trace) && traceG * trace <= 1e8) return true;
            var exact = AOptimality.InverseInformation(x, new ArraySegment<int>(chosen, 0, count), out trace);
            if (exact is null) return false;
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) target[i * p + j] = exact[i, j];
            return true;
        }

        /// <summary>G = LLᵀ (lower triangles of g and l); false when a pivot is not positive.</summary>
        private bool Cholesky()
        {
            for (int j = 0; j < p; j++)
            {
                double d = g[j * p + j];
                for (int t = 0; t < j; t++) d -= l[j * p + t] * l[j * p + t];
                if (!(d > 0)) return false;
                double ljj = Math.Sqrt(d);
                l[j * p + j] = ljj;
                for (int i = j + 1; i < p; i++)
                {
                    double s = g[i * p + j];
                    for (int t = 0; t < j; t++) s -= l[i * p + t] * l[j * p + t];
                    l[i * p + j] = s / ljj;
                }
            }
            return true;
        }

        /// <summary>G⁻¹ = L⁻ᵀL⁻¹ into <paramref name="target"/> (full, symmetric) and its trace.</summary>
        private bool InvertFromCholesky(double[] target, out double trace)
        {
            // Column c of L⁻¹ by forward substitution, kept in target's column c; then G⁻¹[i, j] = Σ_t L⁻¹[t, i]·L⁻¹[t, j].
            for (int c = 0; c < p; c++)
                for (int i = 0; i < p; i++)
                {
                    double s = i == c ? 1 : 0;
                    for (int t = c; t < i; t++) s -= l[i * p + t] * linv[t * p + c];
                    linv[i * p + c] = i < c ? 0 : s / l[i * p + i];
                }
            trace = 0;
            for (int i = 0; i < p; i++)
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int t = i; t < p; t++) s += linv[t * p + i] * linv[t * p + j];
                    target[i * p + j] = target[j * p + i] = s;
                    if (i == j) trace += s;
                }
            return double.IsFinite(trace);
        }
    }
}
