using LotteryTickets.Sparse;
using System.Globalization;

namespace LotteryTickets.Experiments;

/// <summary>
/// Convergence of the three ℓ1 solvers on the same problems: ISTA, FISTA and proximal Newton on lasso problems
/// min ½‖Ax − b‖² + λ‖x‖₁ (<see cref="PlantedLasso"/>: A Gaussian m×n, b a noisy measurement of a k-sparse Gaussian
/// ticket, λ = LambdaRatio·λ_max), every solver's objective per iteration and per second. The problems run one after
/// another and the solvers one at a time (no parallelism), so the seconds compare.
/// </summary>
/// <param name="M">Measurements.</param>
/// <param name="N">Unknowns.</param>
/// <param name="K">Nonzeros of the planted ticket (≤ N).</param>
/// <param name="SnrDb">Measurement SNR in dB (finite).</param>
/// <param name="LambdaRatio">λ / λ_max ∈ (0, 1]: smaller means a larger support and a harder problem.</param>
/// <param name="Problems">Independent problems (each its own A, ticket and noise).</param>
/// <param name="Seed">Master seed; problem p derives its seeds from (Seed, p).</param>
/// <param name="Tolerance">Each solver stops when its duality gap ≤ Tolerance·P(0).</param>
/// <param name="MaxIterations">Outer iterations at most, per solver and problem.</param>
public sealed record L1ConvergenceSweep(
    [property: Positive] int M,
    [property: Positive] int N,
    [property: Positive] int K,
    [property: Range(double.NegativeInfinity, double.PositiveInfinity, MinExclusive = true, MaxExclusive = true)] double SnrDb,
    [property: Range(0, 1, MinExclusive = true)] double LambdaRatio,
    [property: Positive] int Problems,
    int Seed,
    [property: NonNegative] double Tolerance = 1e-10,
    [property: Positive] int MaxIterations = 5000) : Sweep<L1ConvergenceResult>
{
    /// <summary>The solvers compared, in order.</summary>
    public static IReadOnlyList<L1Algorithm> Algorithms { get; } = [L1Algorithm.Ista, L1Algorithm.Fista, L1Algorithm.ProximalNewton];

    /// <inheritdoc />
    public override string Kind => ExperimentKinds.L1Convergence;

    /// <inheritdoc />
    public override void CheckRelations() => PlantedLasso.CheckRelations(N, K);

    /// <inheritdoc />
    protected override L1ConvergenceResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        WarmUp();
        var perProblem = SeededParallel.Map(Problems, Problem, maxDegreeOfParallelism: 1, progress, "problems", cancellationToken);
        var best = perProblem.Select(traces => traces.Min(t => t.Objective.Min())).ToArray();
        return new L1ConvergenceResult(this, best, perProblem.SelectMany(t => t).ToArray(), clock.Elapsed.TotalSeconds);
    }

    private L1ConvergenceTrace[] Problem(int p)
    {
        var (a, b) = PlantedLasso.Problem(M, N, K, SnrDb, Seed, p);
        double lambda = LambdaRatio * L1Path.LambdaMax(a, b);
        return Algorithms.Select(algorithm =>
        {
            var fit = new L1Regression(new L1Options(lambda, algorithm, Tolerance: Tolerance, MaxIterations: MaxIterations)).Fit(a, b);
            return new L1ConvergenceTrace(algorithm, p, fit.History.Select(h => h.ElapsedSeconds).ToArray(),
                fit.History.Select(h => h.Objective).ToArray(), fit.Converged, fit.SupportSize);
        }).ToArray();
    }

    /// <summary>Runs each solver once on a tiny problem so that JIT compilation is not timed.</summary>
    private static void WarmUp()
    {
        var (a, b) = PlantedLasso.Problem(8, 16, 2, 20, 0, 0);
        foreach (var algorithm in Algorithms)
            new L1Regression(new L1Options(0.1 * L1Path.LambdaMax(a, b), algorithm, MaxIterations: 50)).Fit(a, b);
    }
}

/// <summary>One solver's history on one problem of <see cref="L1ConvergenceSweep"/>.</summary>
/// <param name="Algorithm">The solver.</param>
/// <param name="Problem">The problem's index.</param>
/// <param name="Seconds">Wall-clock seconds since the fit started, per outer iteration (entry i is iteration i).</param>
/// <param name="Objective">Primal objective per outer iteration.</param>
/// <param name="Converged">Whether the duality-gap tolerance was met.</param>
/// <param name="SupportSize">Nonzeros of the final iterate.</param>
public sealed record L1ConvergenceTrace(L1Algorithm Algorithm, int Problem, double[] Seconds, double[] Objective, bool Converged, int SupportSize)
{
    /// <summary>Outer iterations run.</summary>
    public int Iterations => Objective.Length - 1;
}

/// <summary>
/// What <see cref="L1ConvergenceSweep"/> measured. The relative objective gap of an iterate is (F − F*)/F*, with F* the
/// best objective any solver reached on that problem; gaps below <see cref="GapFloor"/> (rounding) are shown at it.
/// </summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="BestObjective">F* per problem.</param>
/// <param name="Traces">Every (problem, solver) history.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the whole run.</param>
public sealed record L1ConvergenceResult(L1ConvergenceSweep Options, double[] BestObjective, L1ConvergenceTrace[] Traces, double ElapsedSeconds)
{
    /// <summary>Relative gaps are floored here (about machine precision) so that they can be drawn on a log scale.</summary>
    public const double GapFloor = 1e-16;

    /// <summary>(F − F*)/F* per iteration of <paramref name="trace"/>, floored at <see cref="GapFloor"/>.</summary>
    public double[] RelativeGaps(L1ConvergenceTrace trace)
    {
        Check.NotNull(trace);
        Check.That(trace.Problem >= 0 && trace.Problem < BestObjective.Length,
            $"trace must be of one of this result's {BestObjective.Length} problems; got problem {trace.Problem}.", nameof(trace));
        double best = BestObjective[trace.Problem];
        return trace.Objective.Select(f => Math.Max(GapFloor, (f - best) / Math.Abs(best))).ToArray();
    }

    /// <summary>The traces of one solver, by problem.</summary>
    public IReadOnlyList<L1ConvergenceTrace> TracesOf(L1Algorithm algorithm)
    {
        Check.That(L1ConvergenceSweep.Algorithms.Contains(algorithm),
            $"algorithm must be one of {string.Join(", ", L1ConvergenceSweep.Algorithms)}; got {algorithm}.", nameof(algorithm));
        return Traces.Where(t => t.Algorithm == algorithm).OrderBy(t => t.Problem).ToList();
    }

    /// <summary>Median over problems of the relative gap after each iteration 0, 1, …, up to the longest run (a finished
    /// run keeps its final gap).</summary>
    public (double[] Iterations, double[] Gaps) MedianGapByIteration(L1Algorithm algorithm)
    {
        var gaps = TracesOf(algorithm).Select(RelativeGaps).ToList();
        int longest = gaps.Max(g => g.Length);
        var its = Enumerable.Range(0, longest).Select(i => (double)i).ToArray();
        return (its, its.Select(i => Median(gaps.Select(g => g[Math.Min((int)i, g.Length - 1)]))).ToArray());
    }

    /// <summary>Median over problems of the relative gap of the last iterate finished by each time on a log-spaced grid
    /// of <paramref name="points"/> times, shared by all solvers (before a solver's first iterate: its starting gap).</summary>
    public (double[] Seconds, double[] Gaps) MedianGapBySeconds(L1Algorithm algorithm, int points = 60)
    {
        Check.InRange(points, 2, 10_000);
        var grid = TimeGrid(points);
        var traces = TracesOf(algorithm);
        var gaps = traces.Select(RelativeGaps).ToList();
        var values = grid.Select(t => Median(traces.Select((tr, i) =>
        {
            int last = Array.FindLastIndex(tr.Seconds, s => s <= t);
            return gaps[i][Math.Max(last, 0)];
        }))).ToArray();
        return (grid, values);
    }

    /// <summary>Median over problems of the iterations a solver needed to bring the relative gap to
    /// <paramref name="target"/> or below (null when it did not on at least half of the problems).</summary>
    public double? MedianIterationsTo(L1Algorithm algorithm, double target) =>
        MedianFirst(algorithm, Check.Positive(target), (trace, i) => i);

    /// <summary>As <see cref="MedianIterationsTo"/>, in seconds.</summary>
    public double? MedianSecondsTo(L1Algorithm algorithm, double target) =>
        MedianFirst(algorithm, Check.Positive(target), (trace, i) => trace.Seconds[i]);

    private double? MedianFirst(L1Algorithm algorithm, double target, Func<L1ConvergenceTrace, int, double> measure)
    {
        var values = TracesOf(algorithm).Select(t =>
        {
            int i = Array.FindIndex(RelativeGaps(t), g => g <= target);
            return i < 0 ? double.PositiveInfinity : measure(t, i);
        }).ToList();
        double median = Median(values);
        return double.IsPositiveInfinity(median) ? null : median;
    }

    private double[] TimeGrid(int points)
    {
        double first = Traces.SelectMany(t => t.Seconds.Skip(1)).Where(s => s > 0).DefaultIfEmpty(1e-6).Min();
        double last = Math.Max(first * 10, Traces.Max(t => t.Seconds[^1]));
        return Enumerable.Range(0, points).Select(i => first * Math.Pow(last / first, (double)i / (points - 1))).ToArray();
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }

    private static string FormatSeconds(double s) =>
        s < 1 ? (1000 * s).ToString("0.0", CultureInfo.InvariantCulture) + " ms" : s.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
