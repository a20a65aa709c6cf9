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
            return RecoveryTrials.TeacherTrial(N, K, Samples[i], Signal, PruneFraction, SuccessTolerance, SplitMix64.Derive(Seed, i, 0, t));
        }, MaxDegreeOfParallelism, progress, "(m, trial) pairs", cancellationToken);
        double Share(int i, Func<(bool L1, bool OneShot, bool Iterative), bool> learner) =>
            Enumerable.Range(0, Trials).Count(t => learner(wins[i * Trials + t])) / (double)Trials;
        bool nonNegative = Signal == SignalKind.NonNegative;
        var points = Samples.Select((m, i) => new TeacherRecoveryPoint(m, (double)m / N, Share(i, w => w.L1), Share(i, w => w.OneShot),
            Share(i, w => w.Iterative), PhaseTransition.WeakThreshold((double)m / N, nonNegative) - (double)K / m)).ToArray();
        return new TeacherRecoveryResult(this, points, PhaseTransition.MinimumSamples(K, N, nonNegative), clock.Elapsed.TotalSeconds);
    }
}

/// <summary>The planted-teacher sweep: success against m for each learner and the predicted transition (JSON-serialisable).</summary>
/// <param name="Options">The settings it ran with.</param>
/// <param name="Points">One per sample count, in the order of <see cref="TeacherRecoverySweep.Samples"/>.</param>
/// <param name="PredictedSamples">The fewest m the ℓ1 phase transition predicts to suffice (<see cref="PhaseTransition.MinimumSamples"/>).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds.</param>
public sealed record TeacherRecoveryResult(TeacherRecoverySweep Options, IReadOnlyList<TeacherRecoveryPoint> Points,
    int PredictedSamples, double ElapsedSeconds)
{
    /// <summary>Where a learner's success first crosses ½ as m grows (linear interpolation; null when it never does).</summary>
    public double? EmpiricalSamples(Func<TeacherRecoveryPoint, double> learner)
    {
        Check.NotNull(learner);
        var pts = Points.OrderBy(p => p.Samples).ToList();
        if (pts.Count > 0 && learner(pts[0]) >= 0.5) return pts[0].Samples;
        for (int i = 0; i + 1 < pts.Count; i++)
        {
            double a = learner(pts[i]), b = learner(pts[i + 1]);
            if (a < 0.5 && b >= 0.5) return pts[i].Samples + (0.5 - a) / (b - a) * (pts[i + 1].Samples - pts[i].Samples);
        }
        return null;
    }
}

/// <summary>Success fractions of the three learners at one sample count m, beside the ℓ1 prediction.</summary>
/// <param name="Samples">m.</param>
/// <param name="Delta">δ = m/n.</param>
/// <param name="L1">Share of trials ℓ1 recovered w*.</param>
/// <param name="OneShot">Share recovered by the linear layer pruned once by magnitude to k weights and retrained.</param>
/// <param name="Iterative">Share recovered by iterative magnitude pruning of the linear layer.</param>
/// <param name="PredictedMargin"><see cref="PhaseTransition.Predict"/>'s margin ρ_W(m/n) − k/m (recoverable when &gt; 0).</param>
public sealed record TeacherRecoveryPoint(int Samples, double Delta, double L1, double OneShot, double Iterative, double PredictedMargin);
