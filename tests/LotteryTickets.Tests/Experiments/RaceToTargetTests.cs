namespace LotteryTickets.Tests.Experiments;

/// <summary>The race and the structured comparison on hand-built results whose answers are worked out by hand.</summary>
public class RaceToTargetTests
{
    // The race reads validation accuracy; the test accuracy, 0.3 lower, would reach no target here.
    private static EvaluationPoint At(int iteration, double accuracy) => new(iteration, iteration / 100.0, accuracy, accuracy - 0.3, 0.1);

    private static TicketCurvePoint Point(int level, double percent, double accuracy) => new(level, percent, accuracy, 0, 0, 0, 2);

    // Levels 0 (100 %), 1 (50 %), 2 (10 %) over seeds 1 and 2. Target 0.9: dense at 100 and 100; level 1 at 80 and
    // 120 (mean 100, s.d. √800); level 2 reaches it with seed 1 only.
    internal static TicketExperimentResult Tickets(double[] percents) => new(new LotteryHparams(), [1, 2],
        new TicketCurve(TicketSeries.Ticket, percents.Select((p, l) => Point(l, p, 95 - l)).ToList()),
        new TicketCurve(TicketSeries.RandomReinit, percents.Skip(1).Select((p, l) => Point(l + 1, p, 94 - 2 * l)).ToList()),
        new TicketCurve(TicketSeries.RandomMask, []), [], 1)
    {
        Trainings =
        [
            new(TicketSeries.Ticket, 1, 0, percents[0], [At(50, 0.8), At(100, 0.91)]),
            new(TicketSeries.Ticket, 2, 0, percents[0], [At(50, 0.85), At(100, 0.90)]),
            new(TicketSeries.Ticket, 1, 1, percents[1], [At(40, 0.5), At(80, 0.92)]),
            new(TicketSeries.Ticket, 2, 1, percents[1], [At(60, 0.5), At(120, 0.95)]),
            new(TicketSeries.Ticket, 1, 2, percents[2], [At(300, 0.90)]),
            new(TicketSeries.Ticket, 2, 2, percents[2], [At(300, 0.89)]),
        ],
    };

    // Every row's alternately timed dense step takes 0.010 s, as the dense row's own.
    private static SpeedRow Row(string variant, double sparsity, long macs, double seconds) =>
        new(variant, sparsity, 60, macs, macs, macs / 2, Timing(seconds), Timing(seconds / 3), Timing(0.010), Timing(0.010 / 3));

    private static TimingSummary Timing(double seconds) => new(seconds, seconds, seconds, 3);

    internal static SpeedResult Speed => new("lenet_300_100", 1000, 1000, 1, "test machine", null, [new PeakRate(64, 1e9)],
    [
        Row(SpeedVariants.Dense, 0, 1000, 0.010),
        Row(SpeedVariants.Masked, 0.5, 500, 0.008), Row(SpeedVariants.SparseKernel, 0.5, 500, 0.040), Row(SpeedVariants.Compacted, 0.5, 500, 0.006),
        Row(SpeedVariants.Masked, 0.9, 100, 0.010), Row(SpeedVariants.SparseKernel, 0.9, 100, 0.005), Row(SpeedVariants.Compacted, 0.9, 100, 0.002),
    ], 1);

    [Fact]
    public void StepsToTargetAverageTheSeedsThatReachedIt()
    {
        var steps = Tickets([100, 50, 10]).StepsToTarget(0.9);
        Assert.Equal([100.0, 100.0, 300.0], steps.Select(s => s.MeanSteps));
        Assert.Equal(Math.Sqrt(800), steps[1].StdSteps, 12);
        Assert.Equal((1, 2, false), (steps[2].Reached, steps[2].Seeds, steps[2].AllReached));
        Assert.True(double.IsNaN(Tickets([100, 50, 10]).StepsToTarget(0.99)[0].MeanSteps));
        Assert.Equal("target", Assert.ThrowsAny<ArgumentException>(() => Tickets([100, 50, 10]).StepsToTarget(2)).ParamName);
    }

    [Fact]
    public void TheRaceIsMeasuredStepsTimesMeasuredSecondsAndSplitsIntoTheCostModelsFactors()
    {
        var race = RaceToTarget.Of(Speed, 0.9, 60, Tickets([100, 50, 10]), Tickets([100, 50, 10]));
        // η = (6·MACs − 2·first-layer MACs)·batch ÷ seconds ÷ peak; dense: (6000 − 1000)·60 / 0.01 / 1e9 = 0.03.
        Assert.Equal(0.03, race.Dense.Eta, 12);
        Assert.Equal(100 * 0.010, race.Dense.SecondsToTarget, 12);
        var masked = race.Of(SpeedVariants.Masked);
        Assert.Equal(100 * 0.008 / (100 * 0.010), masked[0].TimeRatio, 12);        // same steps, 0.8× the step time
        Assert.Equal(TimeToTrain.SparseOverDense(masked[0].FlopFraction, masked[0].Eta, race.Dense.Eta, masked[0].StepRatio), masked[0].TimeRatio,
            12);
        Assert.Equal(race.Dense.Eta, masked[0].DenseEta, 12);
        Assert.Equal(4.0, race.Of(SpeedVariants.SparseKernel)[0].TimeRatio, 12);    // 0.04 s a step
        Assert.Equal(0.6, race.Of(SpeedVariants.Compacted)[0].TimeRatio, 12);
        Assert.False(masked[1].Reached);                                            // one seed missed at 10 %
        Assert.True(double.IsNaN(masked[1].TimeRatio));
        Assert.Equal((SpeedVariants.Compacted, 1), (race.Winner.Variant, race.Winner.Level));
        // The search: level 0 trained its whole schedule (100 steps) before level 1, at dense speed; before level 2 also
        // level 1's 100 steps at its fastest unstructured way (masked, 0.8 of a dense step; the sparse kernel takes 4).
        Assert.Equal((0.0, 1.0), (race.Dense.SearchSteps, race.Dense.TimeRatioWithSearch));
        Assert.Equal([100.0, 180.0], masked.Select(e => e.SearchSteps));
        Assert.Equal((100 + 100 * 0.8) / 100, masked[0].TimeRatioWithSearch, 12);
        Assert.Equal((100 + 100 * 4.0) / 100, race.Of(SpeedVariants.SparseKernel)[0].TimeRatioWithSearch, 12);
        Assert.Equal((100 + 100 * 0.6) / 100, race.Of(SpeedVariants.Compacted)[0].TimeRatioWithSearch, 12);
        Assert.True(double.IsNaN(masked[1].TimeRatioWithSearch));                  // not reached by every seed
        Assert.Contains(race.Findings(), l => l.Contains("Winner") && l.Contains("structured, compacted"));
    }

    [Fact]
    public void ARaceWithoutATimingAtATicketsSparsityIsRefused()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => RaceToTarget.Of(Speed, 0.9, 60, Tickets([100, 40, 10])));
        Assert.Equal("speed", e.ParamName);
        Assert.Equal("batch", Assert.ThrowsAny<ArgumentException>(() => RaceToTarget.Of(Speed, 0.9, 16, Tickets([100, 50, 10]))).ParamName);
        Assert.Equal([0.5, 0.6, 0.9], RaceToTarget.SparsitiesOf(Tickets([100, 50, 10]), Tickets([100, 40, 10])));
    }

    [Fact]
    public void TheStructuredComparisonReadsTheUnstructuredCurveAtTheStructuredWeightCounts()
    {
        // Unstructured ticket: 95 % at 100, 94 at 50, 93 at 10; read at 50·√(10/50)… i.e. log-midway between 50 and 10.
        var unstructured = Tickets([100, 50, 10]);
        double mid = Math.Sqrt(50 * 10.0);
        Assert.Equal(93.5, unstructured.Ticket.AccuracyAt(mid)!.Value, 12);
        Assert.Equal(94, unstructured.Ticket.AccuracyAt(50)!.Value);
        Assert.Null(unstructured.Ticket.AccuracyAt(5));                               // no extrapolation
        var structured = Tickets([100, mid, 5]);
        var points = new StructuredComparison(unstructured, structured).Points;
        Assert.Equal((1, 94.0, 94.0, 93.5),
            (points[0].Level, points[0].StructuredTicket, points[0].StructuredReinit!.Value, points[0].UnstructuredTicket!.Value));
        Assert.Null(points[1].UnstructuredTicket);
        Assert.Equal(50, StructuredComparison.SparsestWithin(unstructured.Ticket, 95));  // 94 at 50 %, then 93 is 2 points down
    }

    [Fact]
    public void ControlsDefaultToBothRandomKinds() =>
        Assert.Equal([TicketSeries.RandomReinit, TicketSeries.RandomMask],
            new TicketExperiment(new LotteryHparams(), RunStoreTests.Data, [1]).Controls);
}
