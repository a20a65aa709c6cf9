using System.Globalization;
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
    int M,
    int N,
    int K,
    double SnrDb,
    int Lambdas,
    double LambdaRatio,
    int Problems,
    int Seed,
    double PruneFraction = 0.2,
    L1Algorithm Algorithm = L1Algorithm.Fista,
    double Tolerance = 1e-8,
    int MaxIterations = 5000) : Sweep<L1PathSweepResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.L1Path;

    /// <inheritdoc />
    protected override void Validate()
    {
        PlantedLasso.Validate(M, N, K, SnrDb);
        Check.InRange(Lambdas, 2, 10_000, nameof(Lambdas));
        Check.That(double.IsFinite(LambdaRatio) && LambdaRatio > 0 && LambdaRatio < 1,
            $"LambdaRatio must be in (0, 1); got {LambdaRatio}.", nameof(LambdaRatio));
        Check.Positive(Problems, nameof(Problems));
        Check.That(double.IsFinite(PruneFraction) && PruneFraction > 0 && PruneFraction < 1,
            $"PruneFraction must be in (0, 1); got {PruneFraction}.", nameof(PruneFraction));
        Check.That(Enum.IsDefined(Algorithm), $"Algorithm must be Ista, Fista or ProximalNewton; got {Algorithm}.", nameof(Algorithm));
        Check.NonNegative(Tolerance, nameof(Tolerance));
        Check.Positive(MaxIterations, nameof(MaxIterations));
    }

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
        return new L1PathSweepResult(this, ratios, Mean(0), Mean(1), Mean(2), Mean(3), Mean(4), Mean(5), Mean(6), Mean(7), Mean(8),
            perProblem[0].Sizes.ToArray(), impRecall.Select(r => r / Problems).ToArray(), clock.Elapsed.TotalSeconds);
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

/// <summary>
/// What <see cref="L1PathSweep"/> measured, per point of the λ path (means over the problems), and per level of
/// iterative magnitude pruning. "Recall" is the share of the ticket's k atoms inside a support.
/// </summary>
/// <param name="Options">The settings of the sweep.</param>
/// <param name="LambdaRatios">λ / λ_max per path point (decreasing).</param>
/// <param name="SupportSize">Nonzeros of the ℓ1 solution.</param>
/// <param name="L1Recall">Share of the ticket inside the ℓ1 support.</param>
/// <param name="L1Precision">Share of the ℓ1 support that belongs to the ticket (1 for an empty support).</param>
/// <param name="PruningRecall">Share of the ticket inside the same number of largest entries of the dense fit (one-shot magnitude pruning).</param>
/// <param name="PruningAgreement">Share of the ℓ1 support that one-shot pruning to the same size also keeps.</param>
/// <param name="WarmIterations">Solver iterations with warm starts along the path.</param>
/// <param name="ColdIterations">Solver iterations started from 0.</param>
/// <param name="WarmSeconds">Seconds with warm starts.</param>
/// <param name="ColdSeconds">Seconds from 0.</param>
/// <param name="ImpSupportSize">Atoms kept at each level of iterative magnitude pruning (level 0: all N).</param>
/// <param name="ImpRecall">Share of the ticket kept at each level of iterative pruning (mean over problems).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the sweep.</param>
public sealed record L1PathSweepResult(
    L1PathSweep Options,
    double[] LambdaRatios,
    double[] SupportSize,
    double[] L1Recall,
    double[] L1Precision,
    double[] PruningRecall,
    double[] PruningAgreement,
    double[] WarmIterations,
    double[] ColdIterations,
    double[] WarmSeconds,
    double[] ColdSeconds,
    int[] ImpSupportSize,
    double[] ImpRecall,
    double ElapsedSeconds)
{
    private readonly L1PathSweep _options = Check.NotNull(Options);

    /// <summary>The settings (not null).</summary>
    public L1PathSweep Options { get => _options; init => _options = Check.NotNull(value, nameof(Options)); }

    // The per-point arrays are read in lockstep by index (tables, figures), and so are ImpSupportSize and ImpRecall.
    // Each is checked not null by its own name, when constructed and by `with`; their common length is checked when
    // constructed (named LambdaRatios, and ImpSupportSize) but not by `with`, which sets one property at a time: a
    // `with` that changes the number of path points or levels must set every array of the group, consistently.

    private readonly double[] _supportSize = Check.NotNull(SupportSize);

    /// <summary>Nonzeros of the ℓ1 solution, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] SupportSize { get => _supportSize; init => _supportSize = Check.NotNull(value, nameof(SupportSize)); }

    private readonly double[] _l1Recall = Check.NotNull(L1Recall);

    /// <summary>Share of the ticket inside the ℓ1 support, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] L1Recall { get => _l1Recall; init => _l1Recall = Check.NotNull(value, nameof(L1Recall)); }

    private readonly double[] _l1Precision = Check.NotNull(L1Precision);

    /// <summary>Share of the ℓ1 support that belongs to the ticket, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] L1Precision { get => _l1Precision; init => _l1Precision = Check.NotNull(value, nameof(L1Precision)); }

    private readonly double[] _pruningRecall = Check.NotNull(PruningRecall);

    /// <summary>Share of the ticket kept by one-shot magnitude pruning to the same size, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] PruningRecall { get => _pruningRecall; init => _pruningRecall = Check.NotNull(value, nameof(PruningRecall)); }

    private readonly double[] _pruningAgreement = Check.NotNull(PruningAgreement);

    /// <summary>Share of the ℓ1 support that one-shot pruning also keeps, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] PruningAgreement { get => _pruningAgreement; init => _pruningAgreement = Check.NotNull(value, nameof(PruningAgreement)); }

    private readonly double[] _warmIterations = Check.NotNull(WarmIterations);

    /// <summary>Solver iterations with warm starts, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] WarmIterations { get => _warmIterations; init => _warmIterations = Check.NotNull(value, nameof(WarmIterations)); }

    private readonly double[] _coldIterations = Check.NotNull(ColdIterations);

    /// <summary>Solver iterations from 0, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] ColdIterations { get => _coldIterations; init => _coldIterations = Check.NotNull(value, nameof(ColdIterations)); }

    private readonly double[] _warmSeconds = Check.NotNull(WarmSeconds);

    /// <summary>Seconds with warm starts, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] WarmSeconds { get => _warmSeconds; init => _warmSeconds = Check.NotNull(value, nameof(WarmSeconds)); }

    private readonly double[] _coldSeconds = Check.NotNull(ColdSeconds);

    /// <summary>Seconds from 0, per path point (not null; one entry per <see cref="LambdaRatios"/>).</summary>
    public double[] ColdSeconds { get => _coldSeconds; init => _coldSeconds = Check.NotNull(value, nameof(ColdSeconds)); }

    private readonly double[] _lambdaRatios = CheckPerPoint(LambdaRatios, LambdaRatios, SupportSize, L1Recall, L1Precision,
        PruningRecall, PruningAgreement, WarmIterations, ColdIterations, WarmSeconds, ColdSeconds);

    /// <summary>λ / λ_max per path point (not null; every per-point array has its length).</summary>
    public double[] LambdaRatios { get => _lambdaRatios; init => _lambdaRatios = CheckPerPoint(value); }

    private readonly double[] _impRecall = Check.NotNull(ImpRecall);

    /// <summary>Share of the ticket kept at each IMP level (not null; one entry per <see cref="ImpSupportSize"/>).</summary>
    public double[] ImpRecall { get => _impRecall; init => _impRecall = Check.NotNull(value, nameof(ImpRecall)); }

    private readonly int[] _impSupportSize = CheckImp(ImpSupportSize, ImpRecall);

    /// <summary>Atoms kept per IMP level (not null; <see cref="ImpRecall"/> has its length).</summary>
    public int[] ImpSupportSize { get => _impSupportSize; init => _impSupportSize = Check.NotNull(value, nameof(ImpSupportSize)); }

    // A per-point array shorter than LambdaRatios would run off its end when read in lockstep.
    private static double[] CheckPerPoint(double[]? ratios, params double[]?[] perPoint)
    {
        ratios = Check.NotNull(ratios, nameof(LambdaRatios));
        Check.That(perPoint.All(a => a is not null && a.Length == ratios.Length),
            $"every per-point array must be non-null with one entry per λ ({ratios.Length}); got lengths {string.Join(", ", perPoint.Select(a => a?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"))}.",
            nameof(LambdaRatios));
        return ratios;
    }

    private static int[] CheckImp(int[]? sizes, double[]? recall)
    {
        sizes = Check.NotNull(sizes, nameof(ImpSupportSize));
        Check.That(recall is not null && recall.Length == sizes.Length,
            $"ImpSupportSize and ImpRecall must have one entry per IMP level each; got {sizes.Length} and {(recall is null ? "null" : recall.Length)}.", nameof(ImpSupportSize));
        return sizes;
    }

    /// <summary>The first path point whose mean support size reaches k (null when none does).</summary>
    public int? FirstAtTicketSize() => Array.FindIndex(SupportSize, s => s >= Options.K) is var i and >= 0 ? i : null;
}
