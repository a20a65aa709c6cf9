using LotteryTickets.Hardware;

namespace LotteryTickets.Experiments;

/// <summary>One measurement of a <see cref="SpeedSweep"/>.</summary>
/// <param name="Variant">One of <see cref="SpeedVariants"/>.</param>
/// <param name="Sparsity">Share of the weights removed (0 for dense).</param>
/// <param name="Batch">Examples per step.</param>
/// <param name="Weights">Weights the variant keeps.</param>
/// <param name="Macs">Useful multiply-adds per example (kept weights only; for a compacted model, all of its own).</param>
/// <param name="Train">One training step (forward, backward, update).</param>
/// <param name="Inference">One no-grad forward pass.</param>
/// <param name="FirstLayerMacs">The part of <paramref name="Macs"/> in the first layer (whose input gradient a step does not compute).</param>
/// <param name="DenseTrain">The dense network's training step, timed alternately with this row's (its own runs for the dense row).</param>
/// <param name="DenseInference">The dense network's inference batch, timed alternately with this row's.</param>
public sealed record SpeedRow(string Variant, double Sparsity, int Batch, long Weights, long Macs, long FirstLayerMacs, TimingSummary Train,
    TimingSummary Inference, TimingSummary DenseTrain, TimingSummary DenseInference)
{
    /// <summary>Dense median ÷ this row's median, against the dense runs timed alternately with it.</summary>
    public double Speedup(bool training = true) => training ? DenseTrain.Median / Train.Median : DenseInference.Median / Inference.Median;

    /// <summary>
    /// Run by run, this row's seconds ÷ those of the dense run timed beside it (<see cref="Timing.MeasureAlternating"/>):
    /// the replicates a timing claim reads its spread from (below 1: faster than dense). Refused when the row kept no
    /// runs' seconds.
    /// </summary>
    public IReadOnlyList<double> TimeRatios(bool training = true)
    {
        var (mine, dense) = training ? (Train, DenseTrain) : (Inference, DenseInference);
        Check.That(mine.Seconds.Count > 0 && mine.Seconds.Count == dense.Seconds.Count,
            $"this {Variant} row must keep each timed run's seconds, paired with the dense runs timed beside them; it has {mine.Seconds.Count} " +
                $"and {dense.Seconds.Count}.", nameof(training));
        return mine.Seconds.Zip(dense.Seconds, (a, d) => a / d).ToList();
    }
}
