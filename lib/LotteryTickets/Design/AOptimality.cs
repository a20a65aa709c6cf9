using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>
/// The A-optimality criterion of a row subset and comparisons between selections. The criterion is computed from the
/// singular values of X_S: tr((X_SᵀX_S)⁻¹) = Σ 1/σᵢ², and X_S counts as singular when σ_min ≤ 1e-10·σ_max.
/// </summary>
public static class AOptimality
{
    internal const double RankTolerance = 1e-10;

    /// <summary>tr((X_SᵀX_S)⁻¹) for the rows <paramref name="rows"/> of X (m×p); +∞ when X_S has rank &lt; p.</summary>
    public static double Criterion(Matrix<double> x, IReadOnlyList<int> rows)
    {
        Check.Finite(x);
        Check.NonEmpty(x);
        Check.DistinctIndices(rows, x.RowCount);
        return CriterionUnchecked(x, rows);
    }

    /// <summary>The criterion of a given subset, as a <see cref="DesignSelection"/> (Method "given").</summary>
    public static DesignSelection Evaluate(Matrix<double> x, IReadOnlyList<int> rows) =>
        new(rows.ToArray(), Criterion(x, rows), "given");

    internal static double CriterionUnchecked(Matrix<double> x, IReadOnlyList<int> rows) =>
        InverseInformation(x, rows, out double trace) is null ? double.PositiveInfinity : trace;

    /// <summary>(X_SᵀX_S)⁻¹ from the SVD of X_S (V diag(1/σ²) Vᵀ), or null when X_S is rank-deficient.</summary>
    internal static Matrix<double>? InverseInformation(Matrix<double> x, IReadOnlyList<int> rows, out double trace)
    {
        trace = double.PositiveInfinity;
        int p = x.ColumnCount;
        if (rows.Count < p) return null;
        var xs = Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row));
        var svd = xs.Svd(computeVectors: true);
        var s = svd.S;
        if (s.Count < p || s[0] == 0 || s[p - 1] <= RankTolerance * s[0]) return null;
        var inv2 = Vector<double>.Build.Dense(p, i => 1 / (s[i] * s[i]));
        trace = inv2.Sum();
        var v = svd.VT.Transpose();
        return v * Matrix<double>.Build.DiagonalOfDiagonalVector(inv2) * svd.VT;
    }

    /// <summary>Jaccard overlap |A ∩ B| / |A ∪ B| of two row selections (1 when both are empty).</summary>
    public static double Jaccard(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        Check.NotNull(a);
        Check.NotNull(b);
        var sa = a.ToHashSet();
        var union = sa.Union(b).Count();
        return union == 0 ? 1 : (double)sa.Intersect(b).Count() / union;
    }

    /// <summary>Jaccard overlap of two selections' rows.</summary>
    public static double Jaccard(DesignSelection a, DesignSelection b) => Jaccard(Check.NotNull(a).Rows, Check.NotNull(b).Rows);

    /// <summary>
    /// A-efficiency of <paramref name="candidate"/> relative to <paramref name="optimal"/>: optimal criterion ÷
    /// candidate criterion (1 for an optimal candidate, in (0, 1] when <paramref name="optimal"/> is optimal, 0 when the
    /// candidate is singular, NaN when both are).
    /// </summary>
    public static double Efficiency(DesignSelection optimal, DesignSelection candidate)
    {
        Check.NotNull(optimal);
        Check.NotNull(candidate);
        if (candidate.IsSingular) return optimal.IsSingular ? double.NaN : 0;
        return optimal.Criterion / candidate.Criterion;
    }
}
