using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>
/// Exact A-optimal subset: the k-subset S of rows minimising tr((X_SᵀX_S)⁻¹) over all C(m, k) subsets. Depth-first
/// enumeration in lexicographic order: once a prefix reaches full rank its inverse information matrix is formed once
/// (SVD), and every deeper row is added by a Sherman–Morrison rank-one update of that inverse and of its trace,
/// so a leaf costs O(p²) rather than a fresh inverse. Refuses when C(m, k) exceeds <see cref="DesignOptions.MaxSubsets"/>.
/// </summary>
public sealed class ExactAOptimalSearch
{
    /// <summary>Creates the search; the options are validated here.</summary>
    public ExactAOptimalSearch(DesignOptions options) => Options = DesignChecks.Validate(options);

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
        state.Run(0, 0, null, double.PositiveInfinity);
        var best = state.Best ?? Enumerable.Range(0, k).ToArray();
        return new DesignSelection(best, state.BestValue, "exact");
    }

    private sealed class Search(Matrix<double> x, int k)
    {
        private readonly int[] chosen = new int[k];
        private readonly Vector<double>[] rows = Enumerable.Range(0, x.RowCount).Select(x.Row).ToArray();
        public int[]? Best;
        public double BestValue = double.PositiveInfinity;

        public void Run(int start, int depth, Matrix<double>? inverse, double trace)
        {
            if (depth == k)
            {
                if (inverse is not null && trace < BestValue) { BestValue = trace; Best = (int[])chosen.Clone(); }
                Best ??= (int[])chosen.Clone();
                return;
            }
            for (int r = start; r <= x.RowCount - (k - depth); r++)
            {
                chosen[depth] = r;
                Matrix<double>? next;
                double nextTrace;
                if (inverse is not null)
                {
                    // Sherman–Morrison: (M + xxᵀ)⁻¹ = M⁻¹ − uuᵀ/(1 + xᵀu), u = M⁻¹x; tr drops by uᵀu/(1 + xᵀu).
                    var u = inverse * rows[r];
                    double denom = 1 + rows[r].DotProduct(u);
                    next = inverse - u.OuterProduct(u) / denom;
                    nextTrace = trace - u.DotProduct(u) / denom;
                }
                else if (depth + 1 >= x.ColumnCount)
                {
                    next = AOptimality.InverseInformation(x, new ArraySegment<int>(chosen, 0, depth + 1), out nextTrace);
                }
                else
                {
                    next = null;
                    nextTrace = double.PositiveInfinity;
                }
                Run(r + 1, depth + 1, next, nextTrace);
            }
        }
    }
}
