using LotteryTickets.Sparse;

namespace LotteryTickets.Experiments;

/// <summary>
/// Convergence of ℓ1 solvers on the same problems (by default ISTA, FISTA and proximal Newton) on lasso problems
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
/// <param name="Algorithms">The solvers raced, in order; null means <see cref="DefaultAlgorithms"/> (ISTA, FISTA, proximal Newton).</param>
public sealed record L1ConvergenceSweep(
    [property: Positive] int M,
    [property: Positive] int N,
    [property: Positive] int K,
    [property: Range(double.NegativeInfinity, double.PositiveInfinity, MinExclusive = true, MaxExclusive = true)] double SnrDb,
    [property: Range(0, 1, MinExclusive = true)] double LambdaRatio,
    [property: Positive] int Problems,
    int Seed,
    [property: NonNegative] double Tolerance = 1e-10,
    [property: Positive] int MaxIterations = 5000,
    [property: NotEmpty, Distinct] IReadOnlyList<L1Algorithm>? Algorithms = null) : Sweep<L1ConvergenceResult>
{
    /// <summary>The solvers compared when <see cref="Algorithms"/> is null, in order.</summary>
    public static IReadOnlyList<L1Algorithm> DefaultAlgorithms { get; } = [L1Algorithm.Ista, L1Algorithm.Fista, L1Algorithm.ProximalNewton];

    /// <summary>The solvers this run compares, in order: <see cref="Algorithms"/> or, when null, <see cref="DefaultAlgorithms"/>.</summary>
    public IReadOnlyList<L1Algorithm> Solvers => Algorithms ?? DefaultAlgorithms;

    /// <inheritdoc />
    public override string Kind => ExperimentKinds.L1Convergence;

    /// <inheritdoc />
    public override void CheckRelations()
    {
        PlantedLasso.CheckRelations(N, K);
        foreach (var algorithm in Solvers) Check.Defined(algorithm, nameof(Algorithms));
    }

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
        return Solvers.Select(algorithm => Trace(algorithm, p, a, b, lambda, Tolerance, MaxIterations)).ToArray();
    }

    /// <summary>One solver's fit of min ½‖Ax − b‖² + λ‖x‖₁ from 0, as a trace of problem <paramref name="problem"/>.</summary>
    internal static L1ConvergenceTrace Trace(L1Algorithm algorithm, int problem, MathNet.Numerics.LinearAlgebra.Matrix<double> a,
        MathNet.Numerics.LinearAlgebra.Vector<double> b, double lambda, double tolerance, int maxIterations)
    {
        var fit = new L1Regression(new L1Options(lambda, algorithm, Tolerance: tolerance, MaxIterations: maxIterations)).Fit(a, b);
        return new L1ConvergenceTrace(algorithm, problem, fit.History.Select(h => h.ElapsedSeconds).ToArray(),
            fit.History.Select(h => h.Objective).ToArray(), fit.Converged, fit.SupportSize, fit.History.Select(h => h.Nonzeros).ToArray());
    }

    /// <summary>Runs each solver once on a tiny problem so that JIT compilation is not timed.</summary>
    internal void WarmUp()
    {
        var (a, b) = PlantedLasso.Problem(8, 16, 2, 20, 0, 0);
        foreach (var algorithm in Solvers)
            new L1Regression(new L1Options(0.1 * L1Path.LambdaMax(a, b), algorithm, MaxIterations: 50)).Fit(a, b);
    }
}
