namespace LotteryTickets.Tests.Hardware;

public class TimeToTrainTests
{
    [Fact]
    public void TheChaptersExampleByHand()
    {
        // Dense at η = 0.60, sparse at η = 0.10: the sparse network must do less than a sixth of the dense FLOPs to win.
        Assert.Equal(1.0 / 6, TimeToTrain.BreakEvenFlopFraction(0.10, 0.60), 15);
        // At 20 % of the FLOPs and the same steps it is 1.2 × slower; at 10 % it wins by 0.6; needing twice the steps
        // moves the break-even to a twelfth.
        Assert.Equal(1.2, TimeToTrain.SparseOverDense(0.2, 0.10, 0.60), 12);
        Assert.Equal(0.6, TimeToTrain.SparseOverDense(0.1, 0.10, 0.60), 12);
        Assert.Equal(1.0 / 12, TimeToTrain.BreakEvenFlopFraction(0.10, 0.60, stepRatio: 2), 15);
        // 1,000 steps of 6 GFLOP at η = 0.6 of a 100 GFLOP/s machine: 6e12 / 6e10 = 100 s.
        Assert.Equal(100, TimeToTrain.Seconds(1000, 6e9, 0.6, 1e11), 9);
        Assert.Equal(0.6, TimeToTrain.Efficiency(6e12, 100, 1e11), 12);
    }

    [Fact]
    public void EfficienciesOutsideTheUnitIntervalAreNamed()
    {
        Assert.Equal("etaSparse", Assert.ThrowsAny<ArgumentException>(() => TimeToTrain.SparseOverDense(0.5, 0, 0.6)).ParamName);
        Assert.Equal("etaDense", Assert.ThrowsAny<ArgumentException>(() => TimeToTrain.BreakEvenFlopFraction(0.1, 1.5)).ParamName);
        Assert.Equal("eta", Assert.ThrowsAny<ArgumentException>(() => TimeToTrain.Seconds(1, 1, double.NaN, 1)).ParamName);
        Assert.Equal("seconds", Assert.ThrowsAny<ArgumentException>(() => TimeToTrain.Efficiency(1, 0, 1)).ParamName);
    }

    [Fact]
    public void ThePeakIsPositiveAndAMeasuredKernelsEfficiencyLiesInTheUnitInterval()
    {
        var peak = PeakFlops.Measure([64, 128], repeats: 3);
        Assert.Equal([64, 128], peak.Rates.Select(r => r.Size));
        Assert.True(peak.FlopsPerSecond > 0 && double.IsFinite(peak.FlopsPerSecond));
        Assert.True(peak.Threads >= 1);
        // A smaller product measured against the best rate: its η is in (0, 1] by construction of the peak as a maximum.
        var slowest = peak.Rates.Min(r => r.FlopsPerSecond);
        double eta = TimeToTrain.Efficiency(1, 1 / slowest, peak.FlopsPerSecond);
        Assert.InRange(eta, double.Epsilon, 1.0);
        Assert.Equal("sizes", Assert.ThrowsAny<ArgumentException>(() => PeakFlops.Measure([4])).ParamName);
    }

    [Fact]
    public void StepsToATargetIsTheFirstEvaluationWhoseValidationAccuracyReachesItOrNotReached()
    {
        // Validation accuracy decides; the test accuracy (here always 0.99, or always 0.5) is never read.
        EvaluationPoint At(int iteration, double validation, double test = 0.99) => new(iteration, iteration / 10.0, validation, test, 0.1);
        var curve = new[] { At(50, 0.80), At(100, 0.93), At(150, 0.91), At(200, 0.96) };
        Assert.Equal(100, StepsToTarget.Of(curve, 0.90));
        Assert.Equal(200, StepsToTarget.Of(curve, 0.95));
        Assert.Null(StepsToTarget.Of(curve, 0.97));
        Assert.Equal(100, StepsToTarget.Of(curve.Select(e => e with { TestAccuracy = 0.5 }).ToList(), 0.90));
        Assert.Equal("target", Assert.ThrowsAny<ArgumentException>(() => StepsToTarget.Of(curve, 1.5)).ParamName);
        var testOnly = new[] { new EvaluationPoint(50, 5, null, 0.99, 0.1) };
        Assert.Equal("evaluations", Assert.ThrowsAny<ArgumentException>(() => StepsToTarget.Of(testOnly, 0.9)).ParamName);
    }
}
