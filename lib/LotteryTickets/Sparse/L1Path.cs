using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>Regularisation paths for <see cref="L1Regression"/>: λ_max, geometric λ grids, warm-started fits.</summary>
public static class L1Path
{
    /// <summary>
    /// The smallest λ for which x = 0 is optimal: ‖Aᵀ∇F(0)‖∞, i.e. ‖Aᵀb‖∞ for least squares and ½‖Aᵀy‖∞ for the
    /// logistic loss (with x ≥ 0: the largest positive entry instead of the largest magnitude).
    /// </summary>
    public static double LambdaMax(Matrix<double> a, Vector<double> b, L1Loss loss = L1Loss.Squared, bool nonNegative = false)
    {
        Check.Finite(a);
        Check.NonEmpty(a);
        Check.Finite(b);
        Check.Length(b, a.RowCount, "the number of rows of a");
        var c = a.TransposeThisAndMultiply(SmoothLoss.Create(loss, b).Gradient(Vector<double>.Build.Dense(a.RowCount)));
        return nonNegative ? Math.Max(0, (-c).Maximum()) : c.InfinityNorm();
    }

    /// <summary><paramref name="count"/> values from <paramref name="lambdaMax"/> down to
    /// lambdaMax·<paramref name="ratio"/>, equally spaced in log.</summary>
    public static double[] Geometric(double lambdaMax, int count, double ratio = 1e-3)
    {
        Check.Positive(lambdaMax);
        Check.Positive(count);
        Check.That(double.IsFinite(ratio) && ratio > 0 && ratio <= 1, $"ratio must be in (0, 1]; got {ratio}.", nameof(ratio));
        if (count == 1) return [lambdaMax];
        return Enumerable.Range(0, count).Select(i => lambdaMax * Math.Pow(ratio, (double)i / (count - 1))).ToArray();
    }

    /// <summary>
    /// Fits every λ in <paramref name="lambdas"/> (in the given order; use a decreasing order) with the solver and
    /// settings of <paramref name="options"/> (its Lambda is replaced), each warm-started from the previous solution.
    /// </summary>
    public static L1PathResult Fit(Matrix<double> a, Vector<double> b, IReadOnlyList<double> lambdas, L1Options options)
    {
        Check.NotNull(lambdas);
        Check.NotNull(options);
        Check.That(lambdas.Count > 0, "lambdas must hold at least one value.", nameof(lambdas));
        foreach (double l in lambdas) Check.NonNegative(l, nameof(lambdas));
        var results = new L1Result[lambdas.Count];
        Vector<double>? warm = null;
        for (int i = 0; i < lambdas.Count; i++)
        {
            results[i] = new L1Regression(options with { Lambda = lambdas[i] }).Fit(a, b, warm);
            warm = results[i].Coefficients;
        }
        return new L1PathResult(lambdas.ToArray(), results);
    }
}
