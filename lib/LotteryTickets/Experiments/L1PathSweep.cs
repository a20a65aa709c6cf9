using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Experiments;

/// <summary>
/// The λ path as soft pruning. On each problem (<see cref="PlantedLasso"/>): the lasso path from λ_max down
/// (warm-started, and again from 0 to count the work warm starts save); at each λ, the ℓ1 support against one-shot
/// magnitude pruning of the dense minimum-norm fit A⁺b to the same size (what gradient descent from 0 converges to);
/// and iterative magnitude pruning (refit on the kept atoms, drop the smallest PruneFraction, repeat — IMP without a
/// network). Problems run one after another so that the seconds compare.
/// </summary>
/// <param name="M">Measurements.</param>
/// <param name="N">Unknowns.</param>
/// <param name="K">Nonzeros of the ticket (≤ N).</param>
/// <param name="SnrDb">Measurement SNR in dB (finite).</param>
/// <param name="Lambdas">Points of the λ path, geometric from λ_max down to LambdaRatio·λ_max (≥ 2).</param>
/// <param name="LambdaRatio">Smallest λ / λ_max, in (0, 1).</param>
/// <param name="Problems">Independent problems; the path's numbers are means over them.</param>
/// <param name="Seed">Master seed (problem p as in <see cref="PlantedLasso.Problem"/>).</param>
/// <param name="PruneFraction">Share of the kept atoms each level of iterative pruning removes, in (0, 1).</param>
/// <param name="Algorithm">The ℓ1 solver along the path (FISTA by default: its iteration counts show what warm starts save;
/// proximal Newton solves a least-squares lasso in one outer step either way).</param>
/// <param name="Tolerance">Duality-gap tolerance of each fit (relative to P(0)).</param>
/// <param name="MaxIterations">Outer iterations at most per fit.</param>
public sealed record L1PathSweep(
    [property: Positive] int M,
    [property: Positive] int N,
    [property: Positive] int K,
    [property: Range(double.NegativeInfinity, double.PositiveInfinity, MinExclusive = true, MaxExclusive = true)] double SnrDb,
    [property: Range(2, 10_000)] int Lambdas,
    [property: Range(0, 1, MinExclusive = true, MaxExclusive = true)] double LambdaRatio,
    [property: Positive] int Problems,
    int Seed,
    [property: Range(0, 1, MinExclusive = true, MaxExclusive = true)] double PruneFraction = 0.2,
    L1Algorithm Algorithm = L1Algorithm.Fista,
    [property: NonNegative] double Tolerance = 1e-8,
    [property: Positive] int MaxIterations = 5000) : Sweep<L1PathSweepResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.L1Path;

    /// <inheritdoc />
    public override void CheckRelations() => PlantedLasso.CheckRelations(N, K);

    /// <inheritdoc />
    protected override IEnumerable<(string Name, object? Value)> KeyExtras() => [("result", "per-problem")];

    /// <inheritdoc />
    protected override L1PathSweepResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int nl = Lambdas;
        var ratios = L1Path.Geometric(1, nl, LambdaRatio);
        var perProblem = SeededParallel.Map(Problems, p => Problem(p, ratios), maxDegreeOfParallelism: 1, progress, "problems", cancellationToken);
        // Means over the problems, added in problem order.
        var sums = new double[9, nl];
        var impRecall = new List<double>();
        foreach (var (rows, _, recall) in perProblem)
        {
            for (int row = 0; row < 9; row++)
                for (int i = 0; i < nl; i++) sums[row, i] += rows[row, i];
            for (int l = 0; l < recall.Count; l++)
                if (l < impRecall.Count) impRecall[l] += recall[l]; else impRecall.Add(recall[l]);
        }
        double[] Mean(int row) => Enumerable.Range(0, nl).Select(i => sums[row, i] / Problems).ToArray();
        // Per problem, at the first path point whose support reaches k, and at the last IMP level that keeps k or more (NaN if none).
        double AtK((double[,] Rows, List<int> Sizes, List<double> Recall) r, int row)
        {
            int i = Enumerable.Range(0, nl).FirstOrDefault(i => r.Rows[0, i] >= K, -1);
            return i < 0 ? double.NaN : r.Rows[row, i];
        }
        double ImpAtK((double[,] Rows, List<int> Sizes, List<double> Recall) r) =>
            r.Sizes.FindLastIndex(s => s >= K) is var l and >= 0 ? r.Recall[l] : double.NaN;
        return new L1PathSweepResult(this, ratios, Mean(0), Mean(1), Mean(2), Mean(3), Mean(4), Mean(5), Mean(6), Mean(7), Mean(8),
            perProblem[0].Sizes.ToArray(), impRecall.Select(r => r / Problems).ToArray(), clock.Elapsed.TotalSeconds)
        {
            L1RecallAtK = [.. perProblem.Select(r => AtK(r, 1))],
            PruningRecallAtK = [.. perProblem.Select(r => AtK(r, 3))],
            ImpRecallAtK = [.. perProblem.Select(ImpAtK)],
        };
    }

    // One problem: nine numbers per path point (support, recalls, agreement, iterations, seconds) and iterative pruning.
    private (double[,] Rows, List<int> Sizes, List<double> Recall) Problem(int p, double[] ratios)
    {
        int nl = ratios.Length;
        var (a, b) = PlantedLasso.Problem(M, N, K, SnrDb, Seed, p);
        var ticket = SparseSignals.Support(PlantedLasso.Ticket(N, K, Seed, p)).ToHashSet();
        double lambdaMax = L1Path.LambdaMax(a, b);
        var lambdas = ratios.Select(r => r * lambdaMax).ToArray();
        var settings = new L1Options(lambdaMax, Algorithm, Tolerance: Tolerance, MaxIterations: MaxIterations);
        var warm = L1Path.Fit(a, b, lambdas, settings);
        var dense = a.PseudoInverse() * b;
        var rows = new double[9, nl];
        for (int i = 0; i < nl; i++)
        {
            var fit = warm.Results[i];
            var cold = new L1Regression(settings with { Lambda = lambdas[i] }).Fit(a, b);
            var support = SparseSignals.Support(fit.Coefficients);
            var pruned = Shrinkage.KeepLargest(dense, support.Length);
            int hits = support.Count(ticket.Contains);
            rows[0, i] = support.Length;
            rows[1, i] = (double)hits / K;
            rows[2, i] = support.Length == 0 ? 1 : (double)hits / support.Length;
            rows[3, i] = (double)pruned.Count(ticket.Contains) / K;
            rows[4, i] = support.Length == 0 ? 1 : (double)pruned.Intersect(support).Count() / support.Length;
            rows[5, i] = fit.Iterations;
            rows[6, i] = cold.Iterations;
            rows[7, i] = fit.History[^1].ElapsedSeconds;
            rows[8, i] = cold.History[^1].ElapsedSeconds;
        }
        var (sizes, recall) = IterativePruning(a, b, ticket, K, PruneFraction);
        return (rows, sizes, recall);
    }

    /// <summary>
    /// Iterative magnitude pruning of least squares: level 0 keeps all atoms; each level refits the minimum-norm
    /// solution on the kept atoms and keeps the largest ⌈(1 − fraction)·|S|⌉ (strictly fewer), down to ⌈k/2⌉ atoms.
    /// Returns the support size and the share of the ticket kept at every level.
    /// </summary>
    internal static (List<int> Sizes, List<double> Recall) IterativePruning(Matrix<double> a, Vector<double> b,
        IReadOnlySet<int> ticket, int k, double fraction)
    {
        var kept = Enumerable.Range(0, a.ColumnCount).ToArray();
        var sizes = new List<int>();
        var recall = new List<double>();
        int floor = Math.Max(1, (k + 1) / 2);
        while (true)
        {
            sizes.Add(kept.Length);
            recall.Add((double)kept.Count(ticket.Contains) / k);
            if (kept.Length <= floor) break;
            var sub = Matrix<double>.Build.DenseOfColumnVectors(kept.Select(a.Column));
            var coef = sub.PseudoInverse() * b;
            int next = Math.Max(floor, Math.Min(kept.Length - 1, (int)Math.Ceiling((1 - fraction) * kept.Length)));
            kept = Shrinkage.KeepLargest(coef, next).Select(i => kept[i]).ToArray();
        }
        return (sizes, recall);
    }
}
