using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using System.Diagnostics;

namespace LotteryTickets.Design;

/// <summary>
/// The statistician's dilemma in numbers: which k rows to keep — the A-optimal ones (smallest tr((X_SᵀX_S)⁻¹), exact
/// search when C(m, k) ≤ <see cref="ExactLimit"/>, else Fedorov exchange from the greedy start) or the k of largest
/// norm (the magnitude heuristic) — compared by overlap (Jaccard) and A-efficiency.
/// </summary>
public static class DesignComparison
{
    /// <summary>Largest C(m, k) searched exhaustively.</summary>
    public const long ExactLimit = 200_000;

    /// <summary>The A-optimal selection of k rows: exact when C(m, k) ≤ <see cref="ExactLimit"/>, else exchange.</summary>
    public static DesignSelection Optimal(Matrix<double> x, int k)
    {
        Check.NotNull(x);
        Check.InRange(k, 1, x.RowCount); // named k here, not the selector's SubsetSize
        var options = new DesignOptions(k, MaxSubsets: ExactLimit);
        return SpecialFunctions.Binomial(x.RowCount, k) <= ExactLimit
            ? new ExactAOptimalSearch(options).Select(x)
            : new ExchangeAOptimalSelector(options).Select(x);
    }

    /// <summary>Compares the two selections of one matrix X (m×p) for each k in <paramref name="subsetSizes"/> (each in [p, m]).</summary>
    public static DesignComparisonResult Compare(Matrix<double> x, IReadOnlyList<int> subsetSizes, string source = "given matrix")
    {
        Check.Finite(x);
        Check.NonEmpty(x);
        CheckSizes(subsetSizes, x.RowCount, x.ColumnCount, nameof(subsetSizes));
        var clock = Stopwatch.StartNew();
        var points = subsetSizes.Order().Select(k => Summarise(k, [Pair(x, k)])).ToList();
        return new DesignComparisonResult(source, x.RowCount, x.ColumnCount, points, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// A random m×p matrix with log-normal row scales: row i is e^{σzᵢ}·gᵢ with gᵢ ~ N(0, I_p) and zᵢ ~ N(0, 1);
    /// σ = <paramref name="rowScaleSpread"/> = 0 gives rows of similar norm, larger values let a few rows dominate.
    /// </summary>
    public static Matrix<double> RandomRows(int rows, int columns, double rowScaleSpread, int seed)
    {
        Check.Positive(rows);
        Check.Positive(columns);
        Check.NonNegative(rowScaleSpread);
        var rng = new SeededRandom(seed);
        var normal = new Normal(0, 1, rng);
        var x = Matrix<double>.Build.Dense(rows, columns, (_, _) => normal.Sample());
        for (int i = 0; i < rows; i++) x.SetRow(i, x.Row(i) * Math.Exp(rowScaleSpread * normal.Sample()));
        return x;
    }

    /// <summary>
    /// The expected Jaccard overlap of two independent uniformly random k-subsets of m rows — the overlap of two rules
    /// that know nothing: Σᵢ P(|A ∩ B| = i)·i/(2k − i), with the hypergeometric P(i) = C(k, i)C(m − k, k − i)/C(m, k).
    /// </summary>
    public static double RandomJaccard(int m, int k)
    {
        Check.Positive(m);
        Check.InRange(k, 1, m);
        double sum = 0;
        for (int i = Math.Max(0, 2 * k - m); i <= k; i++)
            sum += Math.Exp(SpecialFunctions.BinomialLn(k, i) + SpecialFunctions.BinomialLn(m - k, k - i) - SpecialFunctions.BinomialLn(m, k))
                   * i / (2.0 * k - i);
        return sum;
    }

    // Both criteria are re-evaluated on the sorted rows, so equal selections get bit-identical criteria (efficiency exactly 1).
    internal static (DesignSelection Optimal, DesignSelection RowNorm) Pair(Matrix<double> x, int k)
    {
        DesignSelection Sorted(DesignSelection s) => new(s.Rows.ToArray(), AOptimality.CriterionUnchecked(x, s.Rows), s.Method);
        return (Sorted(Optimal(x, k)), Sorted(new RowNormSelector(new DesignOptions(k)).Select(x)));
    }

    internal static DesignComparisonPoint Summarise(int k, IReadOnlyList<(DesignSelection Optimal, DesignSelection RowNorm)> pairs)
    {
        var eff = pairs.Select(p => AOptimality.Efficiency(p.Optimal, p.RowNorm)).Select(e => double.IsNaN(e) ? 0 : e).ToArray();
        var jaccard = pairs.Select(p => AOptimality.Jaccard(p.Optimal, p.RowNorm)).ToArray();
        return new DesignComparisonPoint(k, pairs.Count,
            jaccard.Average(),
            eff.Average(), eff.Min(),
            pairs.Count(p => p.RowNorm.IsSingular) / (double)pairs.Count,
            pairs.Average(p => p.Optimal.Criterion),
            pairs.All(p => p.Optimal.Method == "exact") ? "exact" : "exchange")
        {
            EfficiencyStandardError = StandardError(eff), JaccardStandardError = StandardError(jaccard),
        };
    }

    /// <summary>The A-efficiency (0 when singular) and Jaccard overlap, against <paramref name="optimal"/>, of
    /// <paramref name="draws"/> uniformly random k-subsets of the rows of <paramref name="x"/>.</summary>
    internal static (double[] Efficiency, double[] Jaccard) RandomDraws(Matrix<double> x, DesignSelection optimal, int draws, int seed)
    {
        var rng = new SeededRandom(seed);
        var subsets = Enumerable.Range(0, draws).Select(_ => RandomSubset(rng, x.RowCount, optimal.Rows.Count)).ToArray();
        return (subsets.Select(r => AOptimality.Efficiency(optimal, AOptimality.Evaluate(x, r)) is var e && double.IsNaN(e) ? 0 : e).ToArray(),
            subsets.Select(r => AOptimality.Jaccard(optimal.Rows, r)).ToArray());
    }

    /// <summary>A uniformly random k-subset of 0 … m − 1 (the first k of a partial Fisher–Yates shuffle), ascending.</summary>
    internal static int[] RandomSubset(Random rng, int m, int k)
    {
        var all = Enumerable.Range(0, m).ToArray();
        for (int j = 0; j < k; j++)
        {
            int r = j + rng.Next(m - j);
            (all[j], all[r]) = (all[r], all[j]);
        }
        return all.Take(k).Order().ToArray();
    }

    /// <summary>Sample standard deviation ÷ √n (NaN below two values).</summary>
    internal static double StandardError(IReadOnlyList<double> values) =>
        values.Count < 2 ? double.NaN : Spread(values) / Math.Sqrt(values.Count);

    /// <summary>Sample standard deviation (NaN below two values).</summary>
    internal static double Spread(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return double.NaN;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    // name: what the caller calls the sizes (Compare's subsetSizes, the sweep's SubsetSizes).
    internal static void CheckSizes(IReadOnlyList<int>? sizes, int m, int p, string name)
    {
        Check.NotNull(sizes, name);
        Check.That(sizes!.Count > 0 && sizes.All(k => k >= p && k <= m) && sizes.Distinct().Count() == sizes.Count,
            $"{name} must be distinct values in [{p}, {m}] (at least p rows, at most m).", name);
    }
}

/// <summary>A-optimal vs row-norm selection as k varies, for one kind of matrix (JSON-serialisable).</summary>
/// <param name="Source">What the rows are (e.g. "Gaussian 60 × 8, log-normal scales σ = 1").</param>
/// <param name="Rows">m.</param>
/// <param name="Columns">p.</param>
/// <param name="Points">One per k, ascending.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds.</param>
public sealed record DesignComparisonResult(string Source, int Rows, int Columns, IReadOnlyList<DesignComparisonPoint> Points,
    double ElapsedSeconds)
{
    /// <summary>The point for k (null when k was not compared).</summary>
    public DesignComparisonPoint? At(int subsetSize) => Points.FirstOrDefault(p => p.SubsetSize == subsetSize);
}
