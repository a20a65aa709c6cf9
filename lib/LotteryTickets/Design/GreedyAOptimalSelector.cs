using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>
/// Greedy forward A-optimal selection: starting from the regularised information matrix εI (ε from
/// <see cref="DesignOptions.Regularization"/>), repeatedly adds the row with the largest Sherman–Morrison trace
/// reduction ‖M⁻¹x‖² / (1 + xᵀM⁻¹x) (ties: lower index), updating M⁻¹ by a rank-one update. The reported criterion is
/// the exact, unregularised one.
/// </summary>
public sealed class GreedyAOptimalSelector
{
    /// <summary>Creates the selector; the options are validated here.</summary>
    public GreedyAOptimalSelector(DesignOptions options) => Options = Validation.Check(options);

    /// <summary>The settings this selector runs with.</summary>
    public DesignOptions Options { get; }

    /// <summary>Selects k rows of X (m×p).</summary>
    public DesignSelection Select(Matrix<double> x)
    {
        int k = Options.SubsetSize, m = x.RowCount;
        DesignChecks.Matrix(x, k);
        var inverse = Matrix<double>.Build.DenseIdentity(x.ColumnCount) / DesignChecks.Ridge(x, Options.Regularization);
        var taken = new bool[m];
        var rows = new List<int>(k);
        for (int step = 0; step < k; step++)
        {
            int best = -1;
            double bestGain = double.NegativeInfinity;
            Vector<double>? bestU = null;
            for (int i = 0; i < m; i++)
            {
                if (taken[i]) continue;
                var xi = x.Row(i);
                var u = inverse * xi;
                double gain = u.DotProduct(u) / (1 + xi.DotProduct(u));
                if (gain > bestGain) { bestGain = gain; best = i; bestU = u; }
            }
            taken[best] = true;
            rows.Add(best);
            double denom = 1 + x.Row(best).DotProduct(bestU!);
            inverse -= bestU!.OuterProduct(bestU!) / denom;
        }
        return new DesignSelection(rows.ToArray(), AOptimality.CriterionUnchecked(x, rows), "greedy");
    }
}
