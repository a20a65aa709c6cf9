using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// Convergence of the three ℓ1 solvers on the same problems: every solver's objective per iteration and per second.
/// The problems run one after another and the solvers one at a time (no parallelism), so the seconds compare.
/// </summary>
public static class L1Convergence
{
    /// <summary>The solvers compared, in order.</summary>
    public static IReadOnlyList<L1Algorithm> Algorithms { get; } = [L1Algorithm.Ista, L1Algorithm.Fista, L1Algorithm.ProximalNewton];

    /// <summary>Runs every solver on every problem; <paramref name="progress"/> gets one report per (problem, solver).</summary>
    public static L1ConvergenceResult Run(L1ConvergenceOptions options, IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var o = Check.NotNull(options);
        Check.Positive(o.M, nameof(L1ConvergenceOptions.M));
        Check.Positive(o.N, nameof(L1ConvergenceOptions.N));
        Check.InRange(o.K, 1, o.N, nameof(L1ConvergenceOptions.K));
        Check.That(double.IsFinite(o.SnrDb), $"SnrDb must be a finite number of decibels; got {o.SnrDb}.", nameof(L1ConvergenceOptions.SnrDb));
        Check.That(double.IsFinite(o.LambdaRatio) && o.LambdaRatio > 0 && o.LambdaRatio <= 1,
            $"LambdaRatio must be in (0, 1]; got {o.LambdaRatio}.", nameof(L1ConvergenceOptions.LambdaRatio));
        Check.Positive(o.Problems, nameof(L1ConvergenceOptions.Problems));
        Check.NonNegative(o.Tolerance, nameof(L1ConvergenceOptions.Tolerance));
        Check.Positive(o.MaxIterations, nameof(L1ConvergenceOptions.MaxIterations));

        var clock = Stopwatch.StartNew();
        WarmUp();
        var traces = new List<L1ConvergenceTrace>();
        var best = new double[o.Problems];
        int done = 0, total = o.Problems * Algorithms.Count;
        for (int p = 0; p < o.Problems; p++)
        {
            var (a, b) = Problem(o.M, o.N, o.K, o.SnrDb, o.Seed, p);
            double lambda = o.LambdaRatio * L1Path.LambdaMax(a, b);
            best[p] = double.PositiveInfinity;
            foreach (var algorithm in Algorithms)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fit = new L1Regression(new L1Options(lambda, algorithm, Tolerance: o.Tolerance, MaxIterations: o.MaxIterations)).Fit(a, b);
                var trace = new L1ConvergenceTrace(algorithm, p, fit.History.Select(h => h.ElapsedSeconds).ToArray(),
                    fit.History.Select(h => h.Objective).ToArray(), fit.Converged, fit.SupportSize);
                traces.Add(trace);
                best[p] = Math.Min(best[p], trace.Objective.Min());
                progress?.Report(new SweepProgress(++done, total));
            }
        }
        return new L1ConvergenceResult(o, best, traces.ToArray(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Problem <paramref name="index"/> of a sweep: A Gaussian m×n (unit columns), b = A·x + noise at
    /// <paramref name="snrDb"/>, x with k Gaussian nonzeros. Seeds derive from (seed, index).
    /// </summary>
    public static (Matrix<double> A, Vector<double> B) Problem(int m, int n, int k, double snrDb, int seed, int index)
    {
        var a = Dictionaries.Gaussian(m, n, PhaseDiagram.DeriveSeed(seed, index, 0, 0));
        var x = SparseSignals.KSparse(n, k, SignalKind.Gaussian, PhaseDiagram.DeriveSeed(seed, index, 1, 0));
        return (a, SparseSignals.AddNoise(a * x, snrDb, PhaseDiagram.DeriveSeed(seed, index, 2, 0)));
    }

    /// <summary>The planted ticket of <see cref="Problem"/> (same seeds).</summary>
    public static Vector<double> Ticket(int n, int k, int seed, int index) =>
        SparseSignals.KSparse(n, k, SignalKind.Gaussian, PhaseDiagram.DeriveSeed(seed, index, 1, 0));

    /// <summary>Runs each solver once on a tiny problem so that JIT compilation is not timed.</summary>
    private static void WarmUp()
    {
        var (a, b) = Problem(8, 16, 2, 20, 0, 0);
        foreach (var algorithm in Algorithms)
            new L1Regression(new L1Options(0.1 * L1Path.LambdaMax(a, b), algorithm, MaxIterations: 50)).Fit(a, b);
    }
}
