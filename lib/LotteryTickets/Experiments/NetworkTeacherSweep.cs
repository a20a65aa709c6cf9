using LotteryTickets.Models;
using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Experiments;

/// <summary>
/// The phase-transition prediction on a network's layer: a one-hidden-layer network whose hidden layer is a trained LeNet's
/// frozen <paramref name="Layer"/> (its activations over the first <paramref name="Pool"/> test digits, each unit centred and
/// scaled by its mean and SD over those digits — a fixed affine layer, like a batch norm — and the dead units, constant over
/// the pool, dropped), and a planted read-out v* with <paramref name="K"/> signed non-zeros over the n live units. A trial
/// draws m of the pool's digits as training examples, labels them y = Φv* (noiseless), and learns v by ℓ1 and by magnitude
/// pruning not told k (<see cref="LinearNetworkPruning.OneShotUntilFitLost"/>, <see cref="LinearNetworkPruning.IterativeUntilFitLost"/>);
/// a learner succeeds when ‖v̂ − v*‖ ≤ <paramref name="SuccessTolerance"/>·‖v*‖. Beside it the prediction for Gaussian
/// measurements, m* = <see cref="PhaseTransition.MinimumSamples"/>(K, n). Each (network, m, trial) derives its seed from
/// (Seed, m index, network index, trial), so the result does not depend on scheduling.
/// </summary>
/// <param name="Networks">The trained networks (a nested experiment: loaded from the same run store).</param>
/// <param name="Layer">The hidden layer whose activations are the features.</param>
/// <param name="K">Non-zeros of the planted read-out.</param>
/// <param name="Samples">Training-example counts m to try, each at most <paramref name="Pool"/>.</param>
/// <param name="Trials">Trials per m and network.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="NetworkCount">How many of <paramref name="Networks"/>' networks to use (the first ones); trials are pooled over them.</param>
/// <param name="Pool">Test digits the training examples are drawn from (and the features standardised over).</param>
/// <param name="PruneFraction">Share of the surviving weights each pruning level removes.</param>
/// <param name="SuccessTolerance">Relative error within which a learner has found v*.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all); not part of the run key.</param>
public sealed record NetworkTeacherSweep(
    DenseNetworks Networks,
    LeNetLayer Layer,
    [property: Positive] int K,
    [property: NotEmpty, Positive, Distinct] IReadOnlyList<int> Samples,
    [property: Positive] int Trials,
    int Seed,
    [property: Positive] int NetworkCount = 1,
    [property: Positive] int Pool = 1000,
    [property: Range(0, 1, MinExclusive = true, MaxExclusive = true)] double PruneFraction = 0.2,
    [property: Positive] double SuccessTolerance = 1e-2,
    [property: NotInRunKey, Positive] int? MaxDegreeOfParallelism = null) : Sweep<NetworkTeacherResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.NetworkTeacher;

    /// <inheritdoc />
    public override void CheckRelations()
    {
        // Networks and Layer are checked (with Networks' own relations) before this runs: Validation checks nested settings first.
        Check.InRange(NetworkCount, 1, Networks.Seeds.Count, nameof(NetworkCount));
        Check.InRange(Pool, 2, Networks.Data.Test.Count, nameof(Pool));
        Check.That(Samples.All(m => m <= Pool), $"Samples must hold counts in [1, {Pool}] (at most Pool); got {string.Join(", ", Samples)}.",
            nameof(Samples));
    }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, object? Value)> KeyExtras() => [("data", DataFingerprint.Describe(Networks.Data, null))];

    /// <inheritdoc />
    protected override NetworkTeacherResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken) =>
        Compute(new ExperimentContext { Progress = progress, CancellationToken = cancellationToken });

    /// <inheritdoc />
    protected override NetworkTeacherResult Compute(ExperimentContext context)
    {
        var networks = Networks.Run(context with { Progress = null }).Networks.Take(NetworkCount).ToList();
        using var pool = Networks.Data.Test.Take(Pool);
        var features = networks.Select(n => n.Activations(NetworkState.Trained, pool.Inputs, Layer)).ToList();
        return Recover(features, context.Progress, context.CancellationToken);
    }

    /// <summary>The sweep on given features (pool × units per network): the seam the tests inject Gaussian features through.</summary>
    internal NetworkTeacherResult Recover(IReadOnlyList<Matrix<double>> features, IProgress<ExperimentProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var live = features.Select(Standardised).ToList();
        foreach (var f in live)
            Check.That(f.ColumnCount >= K, $"K must be at most the live units ({f.ColumnCount}); got {K}.", nameof(K));
        int perNetwork = Samples.Count * Trials;
        var outcomes = SeededParallel.Map(live.Count * perNetwork, cell =>
        {
            int net = cell / perNetwork, i = cell % perNetwork / Trials, t = cell % Trials;
            int seed = SplitMix64.Derive(Seed, i, net, t);
            var phi = live[net];
            var rows = Enumerable.Range(0, phi.RowCount).ToArray();
            new SeededRandom(seed).Shuffle(rows);
            var x = Matrix<double>.Build.DenseOfRowVectors(rows.Take(Samples[i]).Select(phi.Row));
            var teacher = SparseSignals.KSparse(phi.ColumnCount, K, SignalKind.Signed, seed ^ 0x5bd1e995);
            return RecoveryTrials.Learn(x, x * teacher, teacher, K, PruneFraction, SuccessTolerance, PruningStop.FitLost, false);
        }, MaxDegreeOfParallelism, progress, "(network, m, trial) triples", cancellationToken);
        var points = Samples.Select((m, i) =>
        {
            var at = Enumerable.Range(0, live.Count)
                .SelectMany(net => Enumerable.Range(0, Trials).Select(t => outcomes[net * perNetwork + i * Trials + t])).ToList();
            return new NetworkTeacherPoint(m, at.Count(o => o.L1), at.Count(o => o.OneShot), at.Count(o => o.Iterative),
                at.Average(o => (double)o.OneShotKept), at.Average(o => (double)o.IterativeKept));
        }).ToArray();
        var units = live.Select(f => f.ColumnCount).ToArray();
        return new NetworkTeacherResult(K, Trials * live.Count, Layer, units, units.Select(n => PhaseTransition.MinimumSamples(K, n)).ToArray(),
            points, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Each column centred and scaled to unit SD over the rows; columns with SD ≤ 1e-9 (dead units) dropped.</summary>
    internal static Matrix<double> Standardised(Matrix<double> features)
    {
        var columns = new List<Vector<double>>();
        for (int j = 0; j < features.ColumnCount; j++)
        {
            var c = features.Column(j);
            double mean = c.Average(), sd = Math.Sqrt(c.Sum(v => (v - mean) * (v - mean)) / c.Count);
            if (sd > 1e-9) columns.Add((c - mean) / sd);
        }
        return columns.Count == 0 ? Matrix<double>.Build.Dense(features.RowCount, 0) : Matrix<double>.Build.DenseOfColumnVectors(columns);
    }
}
