using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>Notebook 04's claims on a small hand-built result, with the expected numbers computed by hand.</summary>
public class DistillationClaimsTests
{
    static LevelTraining At(TicketSeries series, long seed, int level, double percent, double accuracy) =>
        new(series, seed, level, percent, []) { EarlyStopAccuracy = accuracy };

    static TicketExperimentResult Result(LotteryHparams h, IEnumerable<LevelTraining> trainings)
    {
        var all = trainings.ToList();
        TicketCurve Curve(TicketSeries series) => new(series, [.. all.Where(t => t.Series == series).GroupBy(t => t.Level).OrderBy(g => g.Key)
            .Select(g => new TicketCurvePoint(g.Key, g.First().PercentRemaining, g.Average(t => t.EarlyStopAccuracy), 0, 0, 0, g.Count()))]);
        return new TicketExperimentResult(h, [1, 2, 3], Curve(TicketSeries.Ticket), Curve(TicketSeries.RandomReinit),
            Curve(TicketSeries.RandomMask), [new SparsityReport([new SparsityRow("fc1.weight", 10, 100)])], 1) { Trainings = all };
    }

    [Fact]
    public void TheClaimsPairTheSeedsOnTheSameMasksAndAverageOverTheLevelsTrainedBothWays()
    {
        // Three seeds. Labels: levels 0, 1 (50 %) and 2 (25 %). Distilled: levels 0, 1 and 2; its re-init control and a
        // size-matched dense network at level 2. Level 0 (dense) is no sparse ticket and is left out of the gain.
        double[] labels1 = [95.5, 95.5, 95.5], labels2 = [95.0, 95.2, 94.9];
        double[] distilled1 = [95.5, 95.9, 95.2], distilled2 = [95.3, 95.4, 95.4], reinit2 = [93.3, 93.9, 93.4], dense2 = [90, 91, 92];
        var h = ApprenticeAndMaster.Student(Budget.Quick);
        var labels = Result(h, Enumerable.Range(0, 3).SelectMany(i => new[]
        {
            At(TicketSeries.Ticket, i + 1, 0, 100, 95), At(TicketSeries.Ticket, i + 1, 1, 50, labels1[i]),
            At(TicketSeries.Ticket, i + 1, 2, 25, labels2[i]),
        }));
        var distilled = Result(h, Enumerable.Range(0, 3).SelectMany(i => new[]
        {
            At(TicketSeries.Ticket, i + 1, 0, 100, 99), At(TicketSeries.Ticket, i + 1, 1, 50, distilled1[i]),
            At(TicketSeries.Ticket, i + 1, 2, 25, distilled2[i]), At(TicketSeries.RandomReinit, i + 1, 2, 25, reinit2[i]),
        }));
        var result = new DistillationResult(ApprenticeAndMaster.Distillation, 97, 1000, labels, distilled,
            [new DenseBaselinePoint(2, 24.8, 66_000, 60, 20, [89, 90, 91], dense2)], 1);

        var claims = ApprenticeAndMaster.Claims(result).ToDictionary(c => c.Id);
        Assert.Equal(["distillation-helps", "far-beyond", "ticket-init-matters-distilled", "beats-size-matched"],
            ApprenticeAndMaster.Claims(result).Select(c => c.Id));
        // Gain per seed, the mean of levels 1 and 2: (0 + 0.3) / 2, (0.4 + 0.2) / 2, (−0.3 + 0.5) / 2 = 0.15, 0.30, 0.10.
        var gain = claims["distillation-helps"].Measured;
        Assert.Equal(0.55 / 3, gain.Mean, 9);
        Assert.Equal(Math.Sqrt((Sq(0.15 - 0.55 / 3) + Sq(0.30 - 0.55 / 3) + Sq(0.10 - 0.55 / 3)) / 2 / 3), gain.StandardError, 9);
        Assert.Equal(3, gain.Count);
        Assert.Equal(Verdict.Holds, claims["distillation-helps"].Verdict);              // 0.18 ± 2 × 0.06 lies above 0
        Assert.Equal(gain, claims["far-beyond"].Measured);
        Assert.Equal(Verdict.DoesNotHold, claims["far-beyond"].Verdict);                // … and wholly below 1 point
        Assert.Equal(ApprenticeAndMaster.FarBeyond, claims["far-beyond"].Threshold);
        Assert.Contains("mean over 2 levels (50.0, 25.0 % of the weights)", claims["distillation-helps"].Measure);
        // Ticket − re-init, distilled, at level 2: 2.0, 1.5, 2.0.
        Assert.Equal(5.5 / 3, claims["ticket-init-matters-distilled"].Measured.Mean, 9);
        Assert.Contains("at 25.0 % of the weights", claims["ticket-init-matters-distilled"].Measure);
        Assert.Equal(Verdict.Holds, claims["ticket-init-matters-distilled"].Verdict);
        // Distilled ticket − distilled size-matched dense network at level 2: 5.3, 4.4, 3.4.
        Assert.Equal(13.1 / 3, claims["beats-size-matched"].Measured.Mean, 9);
        Assert.Equal(Verdict.Holds, claims["beats-size-matched"].Verdict);
        Assert.Contains("at 24.8 % of the weights", claims["beats-size-matched"].Measure);

        // Two ways of teaching the same tickets, seed by seed over the pruned levels both distilled (level 2 only here):
        // the result against itself with its level-2 accuracies lowered by 0.1, 0.2, 0.3.
        var lowered = result with
        {
            Distilled = Result(h, distilled.Trainings.Where(t => t.Series == TicketSeries.Ticket && t.Level == 2)
                .Select(t => t with { EarlyStopAccuracy = t.EarlyStopAccuracy - 0.1 * t.Seed })),
        };
        var difference = ApprenticeAndMaster.DistilledDifference(result, lowered);
        Assert.Equal((0.2, 0.1 / Math.Sqrt(3), 3), (difference.Mean, difference.StandardError, difference.Count), new Near());
    }

    sealed class Near : IEqualityComparer<(double, double, int)>
    {
        public bool Equals((double, double, int) x, (double, double, int) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && x.Item3 == y.Item3;

        public int GetHashCode((double, double, int) obj) => obj.Item3;
    }

    [Fact]
    public void ASeriesNotTrainedGivesNoClaimAndOneSeedDecidesNothing()
    {
        var h = ApprenticeAndMaster.Student(Budget.Quick);
        var one = new TicketExperimentResult(h, [1], new TicketCurve(TicketSeries.Ticket, [new(0, 100, 95, 0, 0, 0, 1), new(1, 50, 95, 0, 0, 0, 1)]),
            new TicketCurve(TicketSeries.RandomReinit, []), new TicketCurve(TicketSeries.RandomMask, []),
            [new SparsityReport([new SparsityRow("fc1.weight", 10, 100)])], 1)
        {
            Trainings = [At(TicketSeries.Ticket, 1, 0, 100, 95), At(TicketSeries.Ticket, 1, 1, 50, 95)],
        };
        var claims = ApprenticeAndMaster.Claims(new DistillationResult(ApprenticeAndMaster.Distillation, 97, 1000, one, one, [], 1));
        Assert.Equal(["distillation-helps", "far-beyond"], claims.Select(c => c.Id));
        Assert.All(claims, c => Assert.Equal(Verdict.WithinNoise, c.Verdict));
    }

    static double Sq(double x) => x * x;
}
