using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>
/// Fedorov-style exchange for A-optimality: from a start (the greedy selection by default), repeatedly makes the
/// swap (one row out, one row in) that lowers tr(M⁻¹) the most, evaluated for every pair by the rank-two
/// Woodbury update of M⁻¹ (add one row, remove another), until no swap improves. While the current subset is
/// singular the ridge of <see cref="DesignOptions.Regularization"/> is added to M. Never worse than its start.
/// </summary>
public sealed class ExchangeAOptimalSelector
{
    /// <summary>Creates the selector; the options are validated here.</summary>
    public ExchangeAOptimalSelector(DesignOptions options) => Options = Validation.Check(options);

    /// <summary>The settings this selector runs with.</summary>
    public DesignOptions Options { get; }

    /// <summary>Selects k rows of X (m×p), starting from <paramref name="start"/> (k distinct rows) or from the greedy selection.</summary>
    public DesignSelection Select(Matrix<double> x, IReadOnlyList<int>? start = null)
    {
        int k = Options.SubsetSize, m = x.RowCount, p = x.ColumnCount;
        DesignChecks.Matrix(x, k);
        int[] current;
        if (start is null) current = new GreedyAOptimalSelector(Options).Select(x).Rows.ToArray();
        else
        {
            Check.DistinctIndices(start, m);
            Check.That(start.Count == k, $"start must hold SubsetSize = {k} rows; got {start.Count}.", nameof(start));
            current = start.ToArray();
        }
        double ridge = DesignChecks.Ridge(x, Options.Regularization);
        for (int pass = 0; pass < Options.MaxPasses; pass++)
        {
            bool singular = double.IsPositiveInfinity(AOptimality.CriterionUnchecked(x, current));
            var info = Matrix<double>.Build.Dense(p, p);
            foreach (int r in current) info += x.Row(r).OuterProduct(x.Row(r));
            if (singular) info += Matrix<double>.Build.DenseIdentity(p) * ridge;
            var inverse = info.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p));
            double trace = inverse.Trace();
            var z = x * inverse; // row i: (M⁻¹xᵢ)ᵀ
            var inSet = new bool[m];
            foreach (int r in current) inSet[r] = true;
            double bestTrace = trace * (1 - 1e-12);
            int bestOut = -1, bestIn = -1;
            foreach (int o in current)
            {
                var zo = z.Row(o);
                var xo = x.Row(o);
                double aoo = zo.DotProduct(xo), woo = zo.DotProduct(zo);
                for (int i = 0; i < m; i++)
                {
                    if (inSet[i]) continue;
                    var zi = z.Row(i);
                    var xi = x.Row(i);
                    double aii = zi.DotProduct(xi), aio = zi.DotProduct(xo), wii = zi.DotProduct(zi), wio = zi.DotProduct(zo);
                    // M' = M + U C Uᵀ, U = [xᵢ, xₒ], C = diag(1, −1); K = C⁻¹ + UᵀM⁻¹U; tr M'⁻¹ = tr M⁻¹ − tr(K⁻¹ UᵀM⁻²U).
                    double k11 = 1 + aii, k22 = aoo - 1, k12 = aio;
                    double det = k11 * k22 - k12 * k12;
                    if (Math.Abs(det) <= 1e-12 * (Math.Abs(k11 * k22) + k12 * k12)) continue; // the swap is singular
                    double reduction = (k22 * wii - 2 * k12 * wio + k11 * woo) / det;
                    double candidate = trace - reduction;
                    if (candidate > 0 && candidate < bestTrace) { bestTrace = candidate; bestOut = o; bestIn = i; }
                }
            }
            if (bestOut < 0) break;
            current[Array.IndexOf(current, bestOut)] = bestIn;
        }
        return new DesignSelection(current, AOptimality.CriterionUnchecked(x, current), "exchange");
    }
}
