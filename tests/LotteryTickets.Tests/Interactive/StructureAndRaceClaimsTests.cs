using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>Notebooks 01 and 02's claims on small hand-built results whose every number is worked out by hand: accuracies
/// and steps paired seed by seed, step times read over their timing repeats (median, robust standard error).</summary>
public sealed class StructureAndRaceClaimsTests
{
    // √(π/2) · 1.4826: a median's standard error per unit of MAD ÷ √n.
    static readonly double K = Math.Sqrt(Math.PI / 2) * Estimate.MadToSigma;

    static TimingSummary T(params double[] seconds)
    {
        var s = seconds.Order().ToArray();
        double median = s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        return new TimingSummary(median, s[0], s[^1], s.Length) { Seconds = seconds };
    }

    static readonly TimingSummary Dense = T(0.010, 0.010, 0.010, 0.010, 0.010);

    static SpeedRow Row(string variant, double sparsity, int batch, long macs, TimingSummary train) =>
        new(variant, sparsity, batch, macs, macs, macs / 2, train, train, variant == SpeedVariants.Dense ? train : Dense,
            variant == SpeedVariants.Dense ? train : Dense);

    static SpeedResult Speed(int[] batches, params (string Variant, TimingSummary Train)[] rows) =>
        new("lenet_300_100", 1000, 1000, 1, "test machine", null, [new PeakRate(64, 1e9)],
            [.. batches.SelectMany(b => rows.Select(r => Row(r.Variant, r.Variant == SpeedVariants.Dense ? 0 : 0.9, b,
                r.Variant == SpeedVariants.Dense ? 1000 : 100, r.Train)))], 1);

    // One run of IMP per seed: per level (weights %, test accuracy per seed, validation curve per seed), optional controls.
    static TicketExperimentResult Result(IReadOnlyList<(int Level, double Percent, double[] Accuracy)> ticket,
        IReadOnlyList<(int Level, double Percent, double[] Accuracy)> reinit)
    {
        long[] seeds = [1, 2, 3];
        var trainings = new List<LevelTraining>();
        foreach (var (series, levels) in new[] { (TicketSeries.Ticket, ticket), (TicketSeries.RandomReinit, reinit) })
            foreach (var (level, percent, accuracy) in levels)
                for (int s = 0; s < 3; s++)
                    trainings.Add(new LevelTraining(series, seeds[s], level, percent, []) { EarlyStopAccuracy = accuracy[s] });
        TicketCurvePoint P((int Level, double Percent, double[] Accuracy) x) => new(x.Level, x.Percent, x.Accuracy.Average(), 0, 0, 0, 3);
        return new TicketExperimentResult(new LotteryHparams(), seeds, new TicketCurve(TicketSeries.Ticket, [.. ticket.Select(P)]),
            new TicketCurve(TicketSeries.RandomReinit, [.. reinit.Select(P)]), new TicketCurve(TicketSeries.RandomMask, []),
            [new SparsityReport([new SparsityRow("fc1.weight", 10, 100)])], 1) { Trainings = trainings };
    }

    [Fact]
    public void StructureIsKingClaimsPairTheSeedsAndReadTheTimingRepeats()
    {
        // Neurons: ticket − re-init at 15 % is 0.1, 0.2, 0.3 (0.2 ± 0.1/√3: within half a point, so not a ticket);
        // at 5.7 % it is 4, 4, 7 (5 ± √3/√3 = 5 ± 1: a ticket).
        var structured = Result([(0, 100, [95, 95, 95]), (1, 15, [93, 92, 94]), (2, 5.7, [88, 89, 90])],
            [(1, 15, [92.9, 91.8, 93.7]), (2, 5.7, [84, 85, 83])]);
        var unstructured = Result([(0, 100, [95, 95, 95]), (1, 10, [94, 94, 94])], []);
        // Filters: 1, 2, 3 (2 ± 0.58); heads: −1, 0, 4 (1 ± √7/√3, within noise).
        var filters = Result([(0, 100, [90, 90, 90]), (2, 6, [85, 86, 87])], [(2, 6, [84, 84, 84])]);
        var heads = Result([(0, 100, [90, 90, 90]), (2, 30, [86, 87, 88])], [(2, 30, [87, 87, 84])]);
        // Compacted: speed-ups 3.0, 3.2, 2.8, 3.1, 9.0 (one run slowed) → median 3.1, MAD 0.1. Masked: 1.0, 1.02, 0.98,
        // 1.01, 0.99 (as the dense runs beside it are 0.010 s) → median 1.0, MAD 0.01.
        var speed = Speed([16, 1024], (SpeedVariants.Dense, Dense),
            (SpeedVariants.Compacted, T(0.010 / 3.0, 0.010 / 3.2, 0.010 / 2.8, 0.010 / 3.1, 0.010 / 9.0)),
            (SpeedVariants.Masked, T(0.010 / 1.0, 0.010 / 1.02, 0.010 / 0.98, 0.010 / 1.01, 0.010 / 0.99)));

        var claims = StructureIsKing.Claims(new StructuredComparison(unstructured, structured), filters, heads, speed);
        Assert.Equal(["neurons-moderate", "neurons-sparsest", "filters", "heads", "compacted-faster-batch-1024", "masked-not-faster-batch-1024",
            "compacted-faster-batch-16", "masked-not-faster-batch-16"], claims.Select(c => c.Id));
        var c = claims.ToDictionary(x => x.Id);
        Assert.Equal((0.2, Round(0.1 / Math.Sqrt(3)), Verdict.DoesNotHold), (Round(c["neurons-moderate"].Measured.Mean),
            Round(c["neurons-moderate"].Measured.StandardError), c["neurons-moderate"].Verdict));
        Assert.Equal((5.0, 1.0, Verdict.Holds), (Round(c["neurons-sparsest"].Measured.Mean), Round(c["neurons-sparsest"].Measured.StandardError),
            c["neurons-sparsest"].Verdict));
        Assert.Equal(0.5, c["filters"].Threshold);                                       // matching: within half a point
        Assert.Equal((2.0, Verdict.Holds), (Round(c["filters"].Measured.Mean), c["filters"].Verdict));
        var h = c["heads"];
        Assert.Equal((1.0, Round(Math.Sqrt(7.0 / 3)), Verdict.WithinNoise), (Round(h.Measured.Mean), Round(h.Measured.StandardError), h.Verdict));
        Assert.Contains("30.0 % of the weights", c["heads"].Measure);
        var compacted = c["compacted-faster-batch-1024"];
        Assert.Equal((3.1, Round(K * 0.1 / Math.Sqrt(5)), 5, Verdict.Holds),
            (Round(compacted.Measured.Mean), Round(compacted.Measured.StandardError), compacted.Measured.Count, compacted.Verdict));
        var masked = c["masked-not-faster-batch-16"];
        Assert.Equal((1.0, Round(K * 0.01 / Math.Sqrt(5)), ClaimSide.Below, Verdict.Holds),
            (Round(masked.Measured.Mean), Round(masked.Measured.StandardError), masked.Side, masked.Verdict));
    }

    // A validation curve evaluated every 20 iterations to 300, first at or above 0.9 at `reach` (never, when null).
    static IReadOnlyList<EvaluationPoint> Curve(int? reach) =>
        [.. Enumerable.Range(1, 15).Select(i => 20 * i).Select(it => new EvaluationPoint(it, it / 100.0, it >= reach ? 0.92 : 0.80, 0.5, 0.1))];

    static TicketExperimentResult Race(params (int Level, double Percent, int?[] Reach)[] levels)
    {
        long[] seeds = [1, 2, 3];
        var trainings = levels.SelectMany(l =>
            seeds.Select((s, i) => new LevelTraining(TicketSeries.Ticket, s, l.Level, l.Percent, Curve(l.Reach[i]))));
        return new TicketExperimentResult(new LotteryHparams(), seeds,
            new TicketCurve(TicketSeries.Ticket, [.. levels.Select(l => new TicketCurvePoint(l.Level, l.Percent, 90, 0, 0, 0, 3))]),
            new TicketCurve(TicketSeries.RandomReinit, []), new TicketCurve(TicketSeries.RandomMask, []), [], 1) { Trainings = [.. trainings] };
    }

    [Fact]
    public void TimeToTrainParadoxClaimsPairStepsBySeedAndMultiplyThemWithStepTimesOverRepeats()
    {
        // Dense reaches 90 % validation at step 200 with every seed; the unstructured ticket (10 % of the weights) at 100, 100,
        // 120 (ratios 0.5, 0.5, 0.6: 0.5333 ± 0.0333); the structured one never (its schedule, 300, counts), at 300 and 260.
        var unstructured = Race((0, 100, [200, 200, 200]), (1, 10, [100, 100, 120]));
        var structured = Race((0, 100, [200, 200, 200]), (1, 10, [null, 300, 260]));
        // Steps ÷ the dense run beside each: masked 1.0, 1.02, 0.98, 1.01, 0.99 (median 1.0, MAD 0.01); sparse kernel 3.0,
        // 3.1, 2.9, 3.2, 9.0 (median 3.1, MAD 0.1). Dense 5000 training FLOPs per example, the tickets' 500.
        var speed = Speed([60], (SpeedVariants.Dense, Dense), (SpeedVariants.Masked, T(0.010, 0.0102, 0.0098, 0.0101, 0.0099)),
            (SpeedVariants.SparseKernel, T(0.030, 0.031, 0.029, 0.032, 0.090)), (SpeedVariants.Compacted, T(0.002, 0.002, 0.002, 0.002, 0.002)));
        var race = RaceToTarget.Of(speed, 0.9, 60, unstructured, structured);

        var c = TimeToTrainParadox.Claims(unstructured, structured, speed, race).ToDictionary(x => x.Id);
        Assert.Equal(["more-steps-structured", "more-steps-unstructured", "eta-by-kernel", "tenth-slower", "race-dense-kernel",
            "race-sparse-kernel", "race-with-search"], c.Keys);
        double steps = 1.6 / 3, stepsSe = 0.1 / Math.Sqrt(3) / Math.Sqrt(3);              // s.d. of (0.5, 0.5, 0.6) is 0.1/√3
        Assert.Equal((Round(4.3 / 3), Round(0.2 / Math.Sqrt(3) / Math.Sqrt(3)), Verdict.Holds),
            (Round(c["more-steps-structured"].Measured.Mean), Round(c["more-steps-structured"].Measured.StandardError),
                c["more-steps-structured"].Verdict));                                    // (1.5, 1.5, 1.3): more steps
        Assert.Equal((Round(steps), Round(stepsSe), Verdict.DoesNotHold), (Round(c["more-steps-unstructured"].Measured.Mean),
            Round(c["more-steps-unstructured"].Measured.StandardError), c["more-steps-unstructured"].Verdict));
        // η_dense ÷ η_sparse = step-time ratio × FLOP ratio 10: median 31, MAD 1.
        Assert.Equal((31.0, Round(K * 1 / Math.Sqrt(5)), Verdict.Holds), (Round(c["eta-by-kernel"].Measured.Mean),
            Round(c["eta-by-kernel"].Measured.StandardError), c["eta-by-kernel"].Verdict));
        Assert.Equal((3.1, Verdict.Holds), (Round(c["tenth-slower"].Measured.Mean), c["tenth-slower"].Verdict));
        // The race: steps ratio × step-time ratio, errors in quadrature.
        double seMasked = K * 0.01 / Math.Sqrt(5), seSparse = K * 0.1 / Math.Sqrt(5);
        Assert.Equal((Round(steps), Round(Math.Sqrt(stepsSe * stepsSe + steps * seMasked * steps * seMasked)), Verdict.Holds),
            (Round(c["race-dense-kernel"].Measured.Mean), Round(c["race-dense-kernel"].Measured.StandardError), c["race-dense-kernel"].Verdict));
        Assert.Equal((Round(steps * 3.1), Round(Math.Sqrt(3.1 * stepsSe * 3.1 * stepsSe + steps * seSparse * steps * seSparse)), Verdict.DoesNotHold),
            (Round(c["race-sparse-kernel"].Measured.Mean), Round(c["race-sparse-kernel"].Measured.StandardError), c["race-sparse-kernel"].Verdict));
        // With the search: the dense level's whole schedule (300 steps) first, then the ticket's own steps on its faster
        // kernel (masked, 1.0 dense step each): (300 + 100) / 200, (300 + 100) / 200, (300 + 120) / 200.
        Assert.Equal((Round(6.1 / 3), Verdict.DoesNotHold), (Round(c["race-with-search"].Measured.Mean), c["race-with-search"].Verdict));
    }

    [Fact]
    public void TheSparsestLevelReachingATargetIsReadPerSeedOnValidation()
    {
        var r = Race((0, 100, [200, 200, 200]), (1, 40, [100, null, 100]), (2, 10, [300, null, null]));
        Assert.Equal([10.0, 100.0, 40.0], r.SparsestReaching(0.9));
        Assert.Equal([100.0, 100.0, 100.0], r.SparsestReaching(0.95));
    }

    [Fact]
    public void ATimedRowIsFoundAtItsSparsityAndItsEfficiencyReadOverItsRuns()
    {
        var speed = Speed([60], (SpeedVariants.Dense, Dense), (SpeedVariants.SparseKernel, T(0.030, 0.031, 0.029, 0.032, 0.090)));
        var row = speed.At(SpeedVariants.SparseKernel, 60, 0.903);                      // within half a point of 0.9
        Assert.Equal(0.9, row.Sparsity);
        // η per run: 500 FLOPs per example × 60 ÷ seconds ÷ 1e9; the median run is 0.031 s.
        Assert.Equal(500.0 * 60 / 0.031 / 1e9, Estimate.OfMedian(speed.RunEfficiencies(row)).Mean, 15);
        Assert.Equal(new[] { 0.1 / 3.0, 0.1 / 3.1, 0.1 / 2.9, 0.1 / 3.2, 0.1 / 9.0 }.Select(Round), speed.EfficiencyRatios(row).Select(Round));
        Assert.Equal(Round(1 / 3.1), Round(Estimate.OfMedian(speed.RunSpeedups(row)).Mean));
        Assert.Equal("sparsity", Assert.ThrowsAny<ArgumentException>(() => speed.At(SpeedVariants.SparseKernel, 60, 0.8)).ParamName);
    }

    [Fact]
    public void TheUnitsFigureShowsEachNetworksTicketBesideItsControlWithoutTheControlsDenseLevel()
    {
        var filters = Result([(0, 100, [90, 90, 90]), (2, 6, [85, 86, 87])], [(0, 100, [90, 90, 90]), (2, 6, [84, 84, 84])]);
        var figure = TicketFigures.Units(("Conv-2", filters));
        Assert.Equal(["Conv-2 ticket", "Conv-2, random re-init"], figure.Series.Select(s => s.Name));
        Assert.Equal([6.0], figure.Series[1].X);
        Assert.Equal([84.0], figure.Series[1].Y);
    }

    static double Round(double x) => Math.Round(x, 9);
}
