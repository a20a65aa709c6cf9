using LotteryTickets.Sparse;

namespace LotteryTickets.Experiments;

/// <summary>
/// The phase-transition prediction applied to a network ticket: a planted k-sparse linear teacher y = w*ᵀx in n inputs
/// is learned from m Gaussian samples by ℓ1 (as in <see cref="PhaseDiagramSweep"/>) and by a single linear layer
/// pruned by magnitude, one-shot and iteratively (<see cref="RecoveryTrials.TeacherTrial"/>). A learner succeeds when it
/// finds w*. Runs in parallel over (m, trial); each pair derives its seed from (Seed, m index, trial).
/// </summary>
/// <param name="N">Inputs n of the linear teacher y = w*ᵀx.</param>
/// <param name="K">Non-zero weights k of w* (the "winning ticket").</param>
/// <param name="Samples">Sample counts m to try, each in [1, n].</param>
/// <param name="Trials">Trials per m (each a fresh Gaussian X and teacher w*).</param>
/// <param name="Seed">Master seed; each (m, trial) derives its own, so results do not depend on scheduling.</param>
/// <param name="Signal">How the teacher's non-zero weights are drawn.</param>
/// <param name="PruneFraction">Share of the surviving weights each IMP level removes.</param>
/// <param name="SuccessTolerance">A learner succeeds when ‖ŵ − w*‖₂ ≤ SuccessTolerance·‖w*‖₂.</param>
/// <param name="Stop">Where the pruners stop: told the true k (default, as before), or at the sparsest level still fitting the
/// training data (not told k).</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all); not part of the run key.</param>
public sealed record TeacherRecoverySweep(
    [property: Positive] int N,
    [property: Positive] int K,
    [property: NotEmpty, Positive] IReadOnlyList<int> Samples,
    [property: Positive] int Trials,
    int Seed,
    SignalKind Signal = SignalKind.Signed,
    [property: Range(0, 1, MinExclusive = true, MaxExclusive = true)] double PruneFraction = 0.2,
    [property: Positive] double SuccessTolerance = 1e-2,
    PruningStop Stop = PruningStop.GivenK,
    [property: NotInRunKey, Positive] int? MaxDegreeOfParallelism = null) : Sweep<TeacherRecoveryResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.TeacherRecovery;

    /// <inheritdoc />
    public override void CheckRelations()
    {
        Check.InRange(K, 1, N, nameof(K));
        Check.That(Samples.All(m => m <= N), $"Samples must hold counts in [1, {N}] (at most N); got {string.Join(", ", Samples)}.", nameof(Samples));
    }

    /// <inheritdoc />
    protected override TeacherRecoveryResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var wins = SeededParallel.Map(Samples.Count * Trials, cell =>
        {
            int i = cell / Trials, t = cell % Trials;
            return RecoveryTrials.TeacherTrial(N, K, Samples[i], Signal, PruneFraction, SuccessTolerance, SplitMix64.Derive(Seed, i, 0, t),
                Stop);
        }, MaxDegreeOfParallelism, progress, "(m, trial) pairs", cancellationToken);
        double Share(int i, Func<TeacherOutcome, bool> learner) =>
            Enumerable.Range(0, Trials).Count(t => learner(wins[i * Trials + t])) / (double)Trials;
        double? Kept(int i, Func<TeacherOutcome, int> kept) =>
            Stop == PruningStop.GivenK ? null : Enumerable.Range(0, Trials).Average(t => (double)kept(wins[i * Trials + t]));
        bool nonNegative = Signal == SignalKind.NonNegative;
        var points = Samples.Select((m, i) => new TeacherRecoveryPoint(m, (double)m / N, Share(i, w => w.L1), Share(i, w => w.OneShot),
            Share(i, w => w.Iterative), PhaseTransition.WeakThreshold((double)m / N, nonNegative) - (double)K / m)
        {
            OneShotKept = Kept(i, w => w.OneShotKept), IterativeKept = Kept(i, w => w.IterativeKept),
        }).ToArray();
        return new TeacherRecoveryResult(this, points, PhaseTransition.MinimumSamples(K, N, nonNegative), clock.Elapsed.TotalSeconds);
    }
}
