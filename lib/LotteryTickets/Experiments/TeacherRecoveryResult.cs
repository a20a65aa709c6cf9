using LotteryTickets.Sparse;
using LotteryTickets.Statistics;

namespace LotteryTickets.Experiments;

/// <summary>The planted-teacher sweep: success against m for each learner and the predicted transition (JSON-serialisable).</summary>
/// <param name="Options">The settings it ran with.</param>
/// <param name="Points">One per sample count, in the order of <see cref="TeacherRecoverySweep.Samples"/>.</param>
/// <param name="PredictedSamples">The fewest m the ℓ1 phase transition predicts to suffice (<see cref="PhaseTransition.MinimumSamples"/>).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds.</param>
public sealed record TeacherRecoveryResult(TeacherRecoverySweep Options, IReadOnlyList<TeacherRecoveryPoint> Points,
    int PredictedSamples, double ElapsedSeconds)
{
    /// <summary>A learner's 50 % crossing in m with its bootstrap standard error (<see cref="Crossings.Bootstrap"/>: each m's
    /// successes redrawn binomially, 1,000 resamples, seed 8); Mean NaN when the share never reaches ½.</summary>
    public Estimate SamplesEstimate(Func<TeacherRecoveryPoint, double> learner)
    {
        Check.NotNull(learner);
        var pts = Points.OrderBy(p => p.Samples).ToList();
        int trials = Options.Trials;
        return Crossings.Bootstrap(pts.Select(p => (double)p.Samples).ToArray(),
            pts.Select(p => (int)Math.Round(learner(p) * trials)).ToArray(), trials);
    }

    /// <summary>Where a learner's success first reaches ½ as m grows (<see cref="Crossings.First"/>, rising: linear
    /// interpolation, the smallest m when already there, null when it never does).</summary>
    public double? EmpiricalSamples(Func<TeacherRecoveryPoint, double> learner)
    {
        Check.NotNull(learner);
        var pts = Points.OrderBy(p => p.Samples).ToList();
        return pts.Count == 0 ? null : Crossings.First(pts.Select(p => (double)p.Samples).ToArray(), pts.Select(learner).ToArray());
    }
}

/// <summary>Success fractions of the three learners at one sample count m, beside the ℓ1 prediction.</summary>
/// <param name="Samples">m.</param>
/// <param name="Delta">δ = m/n.</param>
/// <param name="L1">Share of trials ℓ1 recovered w*.</param>
/// <param name="OneShot">Share recovered by the linear layer pruned once by magnitude to k weights and retrained.</param>
/// <param name="Iterative">Share recovered by iterative magnitude pruning of the linear layer.</param>
/// <param name="PredictedMargin"><see cref="PhaseTransition.Predict"/>'s margin ρ_W(m/n) − k/m (recoverable when &gt; 0).</param>
public sealed record TeacherRecoveryPoint(int Samples, double Delta, double L1, double OneShot, double Iterative, double PredictedMargin)
{
    /// <summary>Mean weights the one-shot pruner kept (null when it was told k, <see cref="PruningStop.GivenK"/>).</summary>
    public double? OneShotKept { get; init; }

    /// <summary>Mean weights iterative pruning kept (null when it was told k).</summary>
    public double? IterativeKept { get; init; }
}
