using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// Empirical phase diagrams: success probability of ℓ1 or OMP recovery over a δ × ρ grid, in parallel over cells.
/// Every trial's seed is derived from (Seed, δ index, ρ index, trial), so the grid is identical for the same seed
/// whatever the thread scheduling.
/// </summary>
public static class PhaseDiagram
{
    /// <summary>Runs the sweep; <paramref name="progress"/> gets one report per finished cell (from worker threads).</summary>
    public static PhaseDiagramResult Run(PhaseDiagramOptions options, IProgress<PhaseDiagramProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Check.NotNull(options);
        Check.NotNull(options.Deltas, nameof(PhaseDiagramOptions.Deltas));
        Check.NotNull(options.Rhos, nameof(PhaseDiagramOptions.Rhos));
        Check.That(options.Deltas.Count > 0 && options.Deltas.All(d => double.IsFinite(d) && d > 0 && d <= 1),
            "Deltas must be a non-empty list of values in (0, 1].", nameof(PhaseDiagramOptions.Deltas));
        Check.That(options.Rhos.Count > 0 && options.Rhos.All(r => double.IsFinite(r) && r >= 0 && r <= 1),
            "Rhos must be a non-empty list of values in [0, 1].", nameof(PhaseDiagramOptions.Rhos));
        Check.Positive(options.N, nameof(PhaseDiagramOptions.N));
        Check.Positive(options.Trials, nameof(PhaseDiagramOptions.Trials));
        Check.Positive(options.SuccessTolerance, nameof(PhaseDiagramOptions.SuccessTolerance));
        if (options.MaxDegreeOfParallelism is int p) Check.Positive(p, nameof(PhaseDiagramOptions.MaxDegreeOfParallelism));

        var clock = Stopwatch.StartNew();
        int nd = options.Deltas.Count, nr = options.Rhos.Count, total = nd * nr, done = 0;
        var ms = options.Deltas.Select(d => Math.Max(1, (int)Math.Round(d * options.N))).ToArray();
        var ks = new int[nd, nr];
        var success = new double[nd, nr];
        for (int i = 0; i < nd; i++)
            for (int j = 0; j < nr; j++)
                ks[i, j] = (int)Math.Round(options.Rhos[j] * ms[i]);
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1,
        };
        Parallel.For(0, total, parallel, cell =>
        {
            int i = cell / nr, j = cell % nr, wins = 0;
            for (int t = 0; t < options.Trials; t++)
                if (Trial(options, ms[i], ks[i, j], DeriveSeed(options.Seed, i, j, t))) wins++;
            success[i, j] = (double)wins / options.Trials;
            progress?.Report(new PhaseDiagramProgress(Interlocked.Increment(ref done), total));
        });
        return new PhaseDiagramResult(options, ms, ks, success, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Seed of one trial: a SplitMix64 hash of (seed, δ index, ρ index, trial).</summary>
    internal static int DeriveSeed(int seed, int i, int j, int trial)
    {
        ulong z = (ulong)(uint)seed;
        foreach (int v in new[] { i, j, trial })
        {
            z += 0x9E3779B97F4A7C15UL + (ulong)(uint)v;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
        }
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>One recovery trial; true when ‖x̂ − x‖ ≤ SuccessTolerance·‖x‖.</summary>
    internal static bool Trial(PhaseDiagramOptions o, int m, int k, int seed)
    {
        if (k == 0) return true;
        var a = Dictionaries.Gaussian(m, o.N, seed);
        var x = SparseSignals.KSparse(o.N, k, o.Signal, seed ^ 0x5bd1e995);
        var b = a * x;
        Vector<double> estimate;
        if (o.Method == PhaseDiagramMethod.Omp)
        {
            estimate = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: k, Tolerance: 1e-10 * b.L2Norm())).Fit(a, b).Coefficients;
        }
        else
        {
            var l1 = RecoverL1(a, b, o.Signal == SignalKind.NonNegative);
            if (l1 is null) return false;
            estimate = l1;
        }
        return (estimate - x).L2Norm() <= o.SuccessTolerance * x.L2Norm();
    }

    /// <summary>The ℓ1 estimate of the trials (lasso at λ = 1e-3·λ_max, proximal Newton, then least squares on its
    /// support); null when b is orthogonal to every column (λ_max = 0).</summary>
    internal static Vector<double>? RecoverL1(Matrix<double> a, Vector<double> b, bool nonNegative)
    {
        double lambdaMax = L1Path.LambdaMax(a, b, L1Loss.Squared, nonNegative);
        if (lambdaMax <= 0) return null;
        var fit = new L1Regression(new L1Options(1e-3 * lambdaMax, L1Algorithm.ProximalNewton, Tolerance: 1e-10,
            MaxIterations: 30, NonNegative: nonNegative)).Fit(a, b);
        return Debias(a, b, fit.Coefficients);
    }

    /// <summary>Least squares (MathNet QR) on the support of the ℓ1 solution when it has at most m atoms.</summary>
    private static Vector<double> Debias(Matrix<double> a, Vector<double> b, Vector<double> x)
    {
        double cut = 1e-6 * x.InfinityNorm();
        var support = Enumerable.Range(0, x.Count).Where(j => Math.Abs(x[j]) > cut).ToArray();
        if (support.Length == 0 || support.Length > a.RowCount) return x;
        var sub = Matrix<double>.Build.DenseOfColumnVectors(support.Select(a.Column));
        var coef = sub.QR().Solve(b);
        var result = Vector<double>.Build.Dense(x.Count);
        for (int i = 0; i < support.Length; i++) result[support[i]] = coef[i];
        return result;
    }
}
