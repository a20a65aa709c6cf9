using LotteryTickets.Models;
using LotteryTickets.Statistics;

namespace LotteryTickets.Experiments;

/// <summary>A planted read-out over a network's layer learned from m examples (<see cref="NetworkTeacherSweep"/>): successes per
/// m pooled over the networks, beside the ℓ1 prediction (JSON-serialisable).</summary>
/// <param name="K">Non-zeros of the planted read-out.</param>
/// <param name="Trials">Trials per m, over all networks.</param>
/// <param name="Layer">The layer whose activations were the features.</param>
/// <param name="LiveUnits">Per network: the units left after dropping the dead ones (n).</param>
/// <param name="PredictedSamples">Per network: m* = <see cref="Sparse.PhaseTransition.MinimumSamples"/>(K, n).</param>
/// <param name="Points">One per m, in the order of the sweep's Samples.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the trials.</param>
public sealed record NetworkTeacherResult(int K, int Trials, LeNetLayer Layer, IReadOnlyList<int> LiveUnits, IReadOnlyList<int> PredictedSamples,
    IReadOnlyList<NetworkTeacherPoint> Points, double ElapsedSeconds)
{
    /// <summary>The mean of <see cref="PredictedSamples"/> over the networks.</summary>
    public double MeanPredictedSamples => PredictedSamples.Average();

    /// <summary>A learner's 50 % crossing in m (<see cref="Crossings.Bootstrap"/>, 1,000 resamples, seed 8); Mean NaN when its share
    /// never reaches ½.</summary>
    public Estimate Crossing(Func<NetworkTeacherPoint, int> successes)
    {
        Check.NotNull(successes);
        var pts = Points.OrderBy(p => p.Samples).ToList();
        return Crossings.Bootstrap(pts.Select(p => (double)p.Samples).ToArray(), pts.Select(successes).ToArray(), Trials);
    }

    /// <summary><see cref="Crossing"/> ÷ <see cref="MeanPredictedSamples"/> − 1: how far past the prediction a learner's 50 %
    /// point lies, as a share of m*.</summary>
    public Estimate RelativeCrossing(Func<NetworkTeacherPoint, int> successes)
    {
        var c = Crossing(successes);
        return new Estimate(c.Mean / MeanPredictedSamples - 1, c.StandardError / MeanPredictedSamples, c.Count);
    }
}

/// <summary>Successes of the three learners at one m (counts over <see cref="NetworkTeacherResult.Trials"/>) and the mean weights
/// each pruner kept (it is not told k).</summary>
public sealed record NetworkTeacherPoint(int Samples, int L1Successes, int OneShotSuccesses, int IterativeSuccesses, double OneShotKept,
    double IterativeKept);
