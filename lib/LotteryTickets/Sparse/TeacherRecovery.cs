using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// The phase-transition prediction applied to a network ticket: a planted k-sparse linear teacher y = w*ᵀx in n inputs
/// is learned from m Gaussian samples by ℓ1 (as in <see cref="PhaseDiagram"/>) and by a single linear layer pruned by
/// magnitude, one-shot and iteratively (<see cref="LinearNetworkPruning"/>). A learner succeeds when it finds w*.
/// </summary>
public static class TeacherRecovery
{
    /// <summary>Runs the sweep, in parallel over (m, trial); <paramref name="progress"/> gets one report per finished
    /// pair (from worker threads).</summary>
    public static TeacherRecoveryResult Run(TeacherRecoveryOptions options, IProgress<TeacherRecoveryProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Check.NotNull(options);
        Check.Positive(options.N, nameof(TeacherRecoveryOptions.N));
        Check.InRange(options.K, 1, options.N, nameof(TeacherRecoveryOptions.K));
        Check.NotNull(options.Samples, nameof(TeacherRecoveryOptions.Samples));
        Check.That(options.Samples.Count > 0 && options.Samples.All(m => m >= 1 && m <= options.N),
            $"Samples must be a non-empty list of counts in [1, {options.N}].", nameof(TeacherRecoveryOptions.Samples));
        Check.Positive(options.Trials, nameof(TeacherRecoveryOptions.Trials));
        Check.That(double.IsFinite(options.PruneFraction) && options.PruneFraction > 0 && options.PruneFraction < 1,
            $"PruneFraction must be in (0, 1); got {options.PruneFraction}.", nameof(TeacherRecoveryOptions.PruneFraction));
        Check.Positive(options.SuccessTolerance, nameof(TeacherRecoveryOptions.SuccessTolerance));
        if (options.MaxDegreeOfParallelism is int p) Check.Positive(p, nameof(TeacherRecoveryOptions.MaxDegreeOfParallelism));

        var clock = Stopwatch.StartNew();
        int nm = options.Samples.Count, total = nm * options.Trials, done = 0;
        var wins = new bool[total, 3];
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1,
        };
        Parallel.For(0, total, parallel, cell =>
        {
            int i = cell / options.Trials, t = cell % options.Trials;
            var (l1, oneShot, imp) = Trial(options, options.Samples[i], PhaseDiagram.DeriveSeed(options.Seed, i, 0, t));
            wins[cell, 0] = l1; wins[cell, 1] = oneShot; wins[cell, 2] = imp;
            progress?.Report(new TeacherRecoveryProgress(Interlocked.Increment(ref done), total));
        });
        double Share(int i, int method) => Enumerable.Range(0, options.Trials).Count(t => wins[i * options.Trials + t, method]) / (double)options.Trials;
        bool nonNegative = options.Signal == SignalKind.NonNegative;
        var points = options.Samples.Select((m, i) => new TeacherRecoveryPoint(m, (double)m / options.N, Share(i, 0), Share(i, 1), Share(i, 2),
            PhaseTransition.WeakThreshold((double)m / options.N, nonNegative) - (double)options.K / m)).ToArray();
        return new TeacherRecoveryResult(options, points, PhaseTransition.MinimumSamples(options.K, options.N, nonNegative),
            clock.Elapsed.TotalSeconds);
    }

    /// <summary>One draw: X (m×n Gaussian, columns of unit norm in expectation), w*, y = Xw*; whether each learner finds w*.</summary>
    internal static (bool L1, bool OneShot, bool Iterative) Trial(TeacherRecoveryOptions o, int m, int seed)
    {
        var x = Dictionaries.Gaussian(m, o.N, seed);
        var teacher = SparseSignals.KSparse(o.N, o.K, o.Signal, seed ^ 0x5bd1e995);
        var y = x * teacher;
        bool Found(Vector<double>? w) => w is not null && (w - teacher).L2Norm() <= o.SuccessTolerance * teacher.L2Norm();
        return (Found(PhaseDiagram.RecoverL1(x, y, o.Signal == SignalKind.NonNegative)),
                Found(LinearNetworkPruning.OneShot(x, y, o.K)),
                Found(LinearNetworkPruning.Iterative(x, y, o.K, o.PruneFraction)));
    }
}
