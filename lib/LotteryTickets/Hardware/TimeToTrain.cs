namespace LotteryTickets.Hardware;

/// <summary>
/// The time-to-train cost model of section 2: time = steps × FLOPs per step ÷ (η × peak), with η the hardware
/// efficiency (achieved FLOP/s ÷ peak FLOP/s) of the kernels the network runs on. A sparse network needs a fraction of
/// the dense FLOPs per step but usually runs at a lower η, so it wins the race only when
/// steps ratio × FLOP fraction × η_dense ÷ η_sparse &lt; 1.
/// </summary>
public static class TimeToTrain
{
    /// <summary>Seconds to train: <paramref name="steps"/> × <paramref name="flopsPerStep"/> ÷ (η × peak).</summary>
    public static double Seconds(double steps, double flopsPerStep, double eta, double peakFlopsPerSecond)
    {
        Check.NonNegative(steps);
        Check.NonNegative(flopsPerStep);
        CheckEta(eta);
        Check.Positive(peakFlopsPerSecond);
        return steps * flopsPerStep / (eta * peakFlopsPerSecond);
    }

    /// <summary>
    /// Sparse time ÷ dense time for a sparse network doing <paramref name="flopFraction"/> of the dense FLOPs per step
    /// in <paramref name="stepRatio"/> times the dense steps, at efficiencies <paramref name="etaSparse"/> and
    /// <paramref name="etaDense"/> (the peak cancels). Below 1 the sparse network wins.
    /// </summary>
    public static double SparseOverDense(double flopFraction, double etaSparse, double etaDense, double stepRatio = 1)
    {
        Check.NonNegative(flopFraction);
        CheckEta(etaSparse);
        CheckEta(etaDense);
        Check.Positive(stepRatio);
        return stepRatio * flopFraction * etaDense / etaSparse;
    }

    /// <summary>The FLOP fraction at which sparse and dense tie: η_sparse ÷ (η_dense × steps ratio).</summary>
    public static double BreakEvenFlopFraction(double etaSparse, double etaDense, double stepRatio = 1)
    {
        CheckEta(etaSparse);
        CheckEta(etaDense);
        Check.Positive(stepRatio);
        return etaSparse / (etaDense * stepRatio);
    }

    /// <summary>η = achieved FLOP/s ÷ peak: <paramref name="flops"/> useful FLOPs done in <paramref name="seconds"/>.</summary>
    public static double Efficiency(double flops, double seconds, double peakFlopsPerSecond)
    {
        Check.NonNegative(flops);
        Check.Positive(seconds);
        Check.Positive(peakFlopsPerSecond);
        return flops / seconds / peakFlopsPerSecond;
    }

    private static void CheckEta(double eta, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(eta))] string? name = null) =>
        Check.That(double.IsFinite(eta) && eta > 0 && eta <= 1, $"{name} must be an efficiency in (0, 1]; got {eta}.", name!);
}
