using System.Diagnostics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

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
        var options = new DesignOptions(k, MaxSubsets: ExactLimit);
        return SpecialFunctions.Binomial(x.RowCount, k) <= ExactLimit
            ? new ExactAOptimalSearch(options).Select(x)
            : new ExchangeAOptimalSelector(options).Select(x);
    }

    /// <summary>Compares the two selections of one matrix X (m×p) for each k in <paramref name="subsetSizes"/> (each in [p, m]).</summary>
    public static DesignComparisonResult Compare(Matrix<double> x, IReadOnlyList<int> subsetSizes, string source = "given matrix",
        IProgress<DesignComparisonProgress>? progress = null)
    {
        Check.Finite(x);
        Check.NonEmpty(x);
        CheckSizes(subsetSizes, x.RowCount, x.ColumnCount);
        var clock = Stopwatch.StartNew();
        var points = new List<DesignComparisonPoint>();
        foreach (int k in subsetSizes.Order())
        {
            progress?.Report(new DesignComparisonProgress($"k = {k}", points.Count, subsetSizes.Count));
            points.Add(Summarise(k, [Pair(x, k)]));
        }
        progress?.Report(new DesignComparisonProgress("done", points.Count, subsetSizes.Count));
        return new DesignComparisonResult(source, x.RowCount, x.ColumnCount, points, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Random m×p matrices with log-normal row scales (<see cref="DesignComparisonOptions.RowScaleSpread"/>),
    /// compared for each k over the trials, in parallel; deterministic for a seed.</summary>
    public static DesignComparisonResult RunRandom(DesignComparisonOptions options, IProgress<DesignComparisonProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Check.NotNull(options);
        Check.Positive(options.Rows, nameof(DesignComparisonOptions.Rows));
        Check.Positive(options.Columns, nameof(DesignComparisonOptions.Columns));
        Check.That(options.Columns <= options.Rows, $"Columns must be ≤ Rows = {options.Rows}; got {options.Columns}.", nameof(DesignComparisonOptions.Columns));
        CheckSizes(options.SubsetSizes, options.Rows, options.Columns);
        Check.Positive(options.Trials, nameof(DesignComparisonOptions.Trials));
        Check.NonNegative(options.RowScaleSpread, nameof(DesignComparisonOptions.RowScaleSpread));
        if (options.MaxDegreeOfParallelism is int p) Check.Positive(p, nameof(DesignComparisonOptions.MaxDegreeOfParallelism));

        var clock = Stopwatch.StartNew();
        var sizes = options.SubsetSizes.Order().ToArray();
        int total = sizes.Length * options.Trials, done = 0;
        var pairs = new (DesignSelection Optimal, DesignSelection RowNorm)[total];
        Parallel.For(0, total, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 }, cell =>
        {
            int i = cell / options.Trials, t = cell % options.Trials;
            pairs[cell] = Pair(RandomRows(options, Sparse.PhaseDiagram.DeriveSeed(options.Seed, i, 1, t)), sizes[i]);
            int d = Interlocked.Increment(ref done);
            progress?.Report(new DesignComparisonProgress($"k = {sizes[i]}", d, total));
        });
        var points = sizes.Select((k, i) => Summarise(k, pairs.Skip(i * options.Trials).Take(options.Trials).ToArray())).ToArray();
        string source = $"Gaussian {options.Rows} × {options.Columns}, log-normal row scales σ = {options.RowScaleSpread:0.##}";
        return new DesignComparisonResult(source, options.Rows, options.Columns, points, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One random matrix of the sweep: row i is e^{σzᵢ}·gᵢ.</summary>
    public static Matrix<double> RandomRows(DesignComparisonOptions options, int seed)
    {
        Check.NotNull(options);
        var rng = new Random(seed);
        var normal = new Normal(0, 1, rng);
        var x = Matrix<double>.Build.Dense(options.Rows, options.Columns, (_, _) => normal.Sample());
        for (int i = 0; i < options.Rows; i++) x.SetRow(i, x.Row(i) * Math.Exp(options.RowScaleSpread * normal.Sample()));
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
    private static (DesignSelection, DesignSelection) Pair(Matrix<double> x, int k)
    {
        DesignSelection Sorted(DesignSelection s) => new(s.Rows.ToArray(), AOptimality.CriterionUnchecked(x, s.Rows), s.Method);
        return (Sorted(Optimal(x, k)), Sorted(new RowNormSelector(new DesignOptions(k)).Select(x)));
    }

    private static DesignComparisonPoint Summarise(int k, IReadOnlyList<(DesignSelection Optimal, DesignSelection RowNorm)> pairs)
    {
        var eff = pairs.Select(p => AOptimality.Efficiency(p.Optimal, p.RowNorm)).Select(e => double.IsNaN(e) ? 0 : e).ToArray();
        return new DesignComparisonPoint(k, pairs.Count,
            pairs.Average(p => AOptimality.Jaccard(p.Optimal, p.RowNorm)),
            eff.Average(), eff.Min(),
            pairs.Count(p => p.RowNorm.IsSingular) / (double)pairs.Count,
            pairs.Average(p => p.Optimal.Criterion),
            pairs.All(p => p.Optimal.Method == "exact") ? "exact" : "exchange");
    }

    private static void CheckSizes(IReadOnlyList<int>? sizes, int m, int p)
    {
        Check.NotNull(sizes, "SubsetSizes");
        Check.That(sizes!.Count > 0 && sizes.All(k => k >= p && k <= m) && sizes.Distinct().Count() == sizes.Count,
            $"SubsetSizes must be distinct values in [{p}, {m}] (at least p rows, at most m).", "SubsetSizes");
    }
}
