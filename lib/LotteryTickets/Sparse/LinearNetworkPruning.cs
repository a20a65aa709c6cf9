using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// A single linear layer y = wᵀx as a "network" to prune. Trained by gradient descent from w = 0 on the samples
/// (rows of A, targets b), it converges to the minimum-norm interpolant w = A⁺b; this class computes that limit
/// directly (SVD), so "train, prune by magnitude, retrain the survivors" needs no iterations.
/// </summary>
public static class LinearNetworkPruning
{
    /// <summary>
    /// The minimum-norm least-squares weights using only the columns in <paramref name="support"/> (all when null);
    /// the other weights are 0. Singular values below 1e-10·σ_max are treated as zero.
    /// </summary>
    public static Vector<double> MinimumNormFit(Matrix<double> a, Vector<double> b, IReadOnlyList<int>? support = null)
    {
        Check.Finite(a);
        Check.NonEmpty(a);
        Check.Finite(b);
        Check.Length(b, a.RowCount, "one target per row of a");
        var cols = support ?? Enumerable.Range(0, a.ColumnCount).ToArray();
        Check.DistinctIndices(cols, a.ColumnCount, nameof(support));
        var w = Vector<double>.Build.Dense(a.ColumnCount);
        if (cols.Count == 0) return w;
        var sub = Matrix<double>.Build.DenseOfColumnVectors(cols.Select(a.Column));
        var svd = sub.Svd(computeVectors: true);
        var s = svd.S;
        var ub = svd.U.TransposeThisAndMultiply(b);
        var coef = Vector<double>.Build.Dense(cols.Count);
        double cut = 1e-10 * (s.Count > 0 ? s[0] : 0);
        for (int i = 0; i < s.Count; i++)
            if (s[i] > cut) coef += svd.VT.Row(i) * (ub[i] / s[i]);
        for (int i = 0; i < cols.Count; i++) w[cols[i]] = coef[i];
        return w;
    }

    /// <summary>One-shot magnitude pruning: train the dense layer, keep its k largest |wᵢ| (ties: lower index),
    /// retrain those k weights.</summary>
    public static Vector<double> OneShot(Matrix<double> a, Vector<double> b, int k)
    {
        var dense = MinimumNormFit(a, b);
        Check.InRange(k, 0, a.ColumnCount);
        return MinimumNormFit(a, b, Largest(dense, Enumerable.Range(0, a.ColumnCount), k));
    }

    /// <summary>
    /// Iterative magnitude pruning: train, remove <paramref name="fraction"/> of the surviving weights (at least one,
    /// never below k) with the smallest |wᵢ|, retrain the survivors, and repeat until k remain.
    /// </summary>
    public static Vector<double> Iterative(Matrix<double> a, Vector<double> b, int k, double fraction = 0.2)
    {
        var w = MinimumNormFit(a, b);
        Check.InRange(k, 0, a.ColumnCount);
        Check.That(double.IsFinite(fraction) && fraction > 0 && fraction < 1, $"fraction must be in (0, 1); got {fraction}.", nameof(fraction));
        IReadOnlyList<int> support = Enumerable.Range(0, a.ColumnCount).ToArray();
        while (support.Count > k)
        {
            int keep = Math.Max(k, Math.Min(support.Count - 1, (int)Math.Round(support.Count * (1 - fraction))));
            support = Largest(w, support, keep);
            w = MinimumNormFit(a, b, support);
        }
        return w;
    }

    /// <summary>
    /// Iterative magnitude pruning not told k: train, remove <paramref name="fraction"/> of the surviving weights (at
    /// least one) with the smallest |wᵢ|, retrain, and stop when the training fit is lost — a level whose residual
    /// ‖Aw − b‖ exceeds <paramref name="fitTolerance"/>·‖b‖ — returning the level before it: the sparsest level that still
    /// matches the dense layer on its training data (with noiseless targets, the lottery-ticket criterion). The levels
    /// keep n, then round(s·(1 − fraction)) of the s before (at least one fewer, at least one), as <see cref="Iterative"/>.
    /// The dense layer itself is returned when even it does not fit.
    /// </summary>
    public static Vector<double> IterativeUntilFitLost(Matrix<double> a, Vector<double> b, double fraction = 0.2, double fitTolerance = 1e-6)
    {
        var w = MinimumNormFit(a, b);
        CheckStop(fraction, fitTolerance);
        double allowed = fitTolerance * b.L2Norm();
        IReadOnlyList<int> support = Enumerable.Range(0, a.ColumnCount).ToArray();
        while (support.Count > 1)
        {
            var next = Largest(w, support, NextLevel(support.Count, fraction));
            var fit = MinimumNormFit(a, b, next);
            if ((a * fit - b).L2Norm() > allowed) break;
            (support, w) = (next, fit);
        }
        return w;
    }

    /// <summary>
    /// One-shot magnitude pruning not told k: rank the dense layer's weights once by |wᵢ| and try the sizes of
    /// <see cref="IterativeUntilFitLost"/>'s levels in turn, keeping the largest weights and retraining them; return the
    /// sparsest size before the first whose training residual exceeds <paramref name="fitTolerance"/>·‖b‖.
    /// </summary>
    public static Vector<double> OneShotUntilFitLost(Matrix<double> a, Vector<double> b, double fraction = 0.2, double fitTolerance = 1e-6)
    {
        var dense = MinimumNormFit(a, b);
        CheckStop(fraction, fitTolerance);
        double allowed = fitTolerance * b.L2Norm();
        var ranked = Enumerable.Range(0, a.ColumnCount).ToArray();
        var w = dense;
        for (int size = a.ColumnCount; size > 1;)
        {
            size = NextLevel(size, fraction);
            var fit = MinimumNormFit(a, b, Largest(dense, ranked, size));
            if ((a * fit - b).L2Norm() > allowed) break;
            w = fit;
        }
        return w;
    }

    private static int NextLevel(int count, double fraction) => Math.Max(1, Math.Min(count - 1, (int)Math.Round(count * (1 - fraction))));

    private static void CheckStop(double fraction, double fitTolerance)
    {
        Check.That(double.IsFinite(fraction) && fraction > 0 && fraction < 1, $"fraction must be in (0, 1); got {fraction}.", nameof(fraction));
        Check.That(double.IsFinite(fitTolerance) && fitTolerance > 0, $"fitTolerance must be positive; got {fitTolerance}.", nameof(fitTolerance));
    }

    private static int[] Largest(Vector<double> w, IEnumerable<int> candidates, int k) =>
        candidates.OrderByDescending(i => Math.Abs(w[i])).ThenBy(i => i).Take(k).Order().ToArray();
}
