using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Curriculum;

public class TiedTicketsTests
{
    static TicketCurvePoint P(int level, double percent, int seeds) => new(level, percent, 0, 0, 0, 0, seeds);

    // One network's result from per-seed accuracies: (series, level, percent, accuracy per seed).
    static TicketExperimentResult Result(bool tied, long[] seeds, params (TicketSeries Series, int Level, double Percent, double[] Accuracy)[] runs)
    {
        var trainings = runs.SelectMany(r => seeds.Select((s, i) =>
            new LevelTraining(r.Series, s, r.Level, r.Percent, []) { EarlyStopAccuracy = r.Accuracy[i] })).ToList();
        TicketCurve Curve(TicketSeries series) =>
            new(series, runs.Where(r => r.Series == series).Select(r => P(r.Level, r.Percent, seeds.Length)).ToList());
        return new TicketExperimentResult(TiedTickets.Hparams(Budget.Quick, tied), seeds, Curve(TicketSeries.Ticket),
            Curve(TicketSeries.RandomReinit), Curve(TicketSeries.RandomMask), [new SparsityReport([new SparsityRow("w", 10, 100)])], 1)
        { Trainings = trainings };
    }

    [Fact]
    public void ClaimsPairTheSeedsWithinEachNetworkAndCompareTheNetworksAsIndependent()
    {
        // Tied, three seeds: the ticket at 29 % (the sparsest level with ≥ 10 %) − dense = 1, 0.5, 0.6 → 0.7 ± √0.07/√3;
        // at 8 % (the sparsest control) ticket − re-init = 3, 2, 4 → 3 ± 1/√3.
        var tied = Result(true, [1, 2, 3],
            (TicketSeries.Ticket, 0, 100, [90, 91, 92]), (TicketSeries.Ticket, 1, 29, [91, 91.5, 92.6]),
            (TicketSeries.Ticket, 2, 8, [88, 89, 90]), (TicketSeries.RandomReinit, 2, 8, [85, 87, 86]));
        // Untied, two seeds: ticket − dense at 25 % = −1.5, −1 → −1.25 ± 0.25 (wholly below −0.5: does not hold);
        // ticket − re-init = 3.5, 3 → 3.25 ± 0.25.
        var untied = Result(false, [1, 2],
            (TicketSeries.Ticket, 0, 100, [85, 87]), (TicketSeries.Ticket, 1, 25, [83.5, 86]), (TicketSeries.RandomReinit, 1, 25, [80, 83]));
        var claims = TiedTickets.Claims(new TiedComparison(tied, untied));
        Assert.Equal(["tied-matches-dense", "untied-matches-dense", "tied-beats-reinit", "untied-beats-reinit", "tied-as-robust"],
            claims.Select(c => c.Id));
        var c = claims.ToDictionary(x => x.Id);

        AssertEstimate(0.7, Math.Sqrt(0.07) / Math.Sqrt(3), 3, c["tied-matches-dense"].Measured);
        Assert.Equal(Verdict.Holds, c["tied-matches-dense"].Verdict);
        // The measure names what is compared: the ticket's and the dense network's epochs, and the share of weights.
        Assert.Equal("tied ticket (3 epochs) − dense tied RNN (5 epochs), test accuracy at 29.0 % of the weights (points)",
            c["tied-matches-dense"].Measure);

        AssertEstimate(-1.25, 0.25, 2, c["untied-matches-dense"].Measured);
        Assert.Equal(Verdict.DoesNotHold, c["untied-matches-dense"].Verdict);

        AssertEstimate(3, 1 / Math.Sqrt(3), 3, c["tied-beats-reinit"].Measured);
        Assert.Equal(Verdict.Holds, c["tied-beats-reinit"].Verdict);
        Assert.Contains("8.0 %", c["tied-beats-reinit"].Measure);
        AssertEstimate(3.25, 0.25, 2, c["untied-beats-reinit"].Measured);

        // The leads 3 ± 0.577 (tied) and 3.25 ± 0.25 (untied), independent: −0.25 ± √(1/3 + 1/16), n = 2; −0.25 ± 1.26
        // straddles the −0.5 threshold.
        AssertEstimate(-0.25, Math.Sqrt(1.0 / 3 + 1.0 / 16), 2, c["tied-as-robust"].Measured);
        Assert.Equal(Verdict.WithinNoise, c["tied-as-robust"].Verdict);
        Assert.All(claims, x => Assert.False(string.IsNullOrWhiteSpace(x.Why)));
    }

    [Fact]
    public void TheQuickDesignTrainsNoMoreEpochsThanTheOneSeedDesignItReplaced()
    {
        // Before: one seed per network, dense + 3 levels + 3 re-inits, 4 epochs each: 2 × 7 × 4 = 56 epochs of 117 iterations.
        int Epochs(Budget b, bool tied)
        {
            var e = TiedTickets.Experiment(b, RunStoreTestsData, tied);
            int perLevel = e.Hparams.Training.Epochs;
            return e.Seeds.Count * (e.Hparams.TrainingAt(0).Epochs + e.Levels * perLevel + e.ControlLevelsRun.Count * perLevel);
        }
        Assert.InRange(Epochs(Budget.Quick, true) + Epochs(Budget.Quick, false), 1, 56);
        // Full: the dense network trains at least three times as long as each ticket, over three seeds per network.
        foreach (bool tied in new[] { true, false })
        {
            var h = TiedTickets.Hparams(Budget.Full, tied);
            Assert.True(h.TrainingAt(0).Epochs >= 3 * h.Training.Epochs);
            Assert.Equal(3, TiedTickets.Seeds(Budget.Full, tied).Count);
            Assert.Contains(TiedTickets.Levels(Budget.Full), TiedTickets.ControlLevels(Budget.Full));
        }
    }

    [Fact]
    public void TheLearningFigureAveragesEachEvaluationOverTheSeeds()
    {
        // Dense: two evaluations per seed, validation 50/70 and 60/80 → means 55, 75; the ticket and re-init one each.
        static EvaluationPoint E(int epoch, double validation) => new(epoch * 10, epoch, validation / 100, 0.5, 1);
        var trainings = new List<LevelTraining>
        {
            new(TicketSeries.Ticket, 1, 0, 100, [E(1, 50), E(2, 70)]), new(TicketSeries.Ticket, 2, 0, 100, [E(1, 60), E(2, 80)]),
            new(TicketSeries.Ticket, 1, 1, 25, [E(1, 90)]), new(TicketSeries.Ticket, 2, 1, 25, [E(1, 92)]),
            new(TicketSeries.RandomReinit, 1, 1, 25, [E(1, 40)]), new(TicketSeries.RandomReinit, 2, 1, 25, [E(1, 44)]),
        };
        var r = Result(true, [1, 2], (TicketSeries.Ticket, 0, 100, [0, 0]), (TicketSeries.Ticket, 1, 25, [0, 0]),
            (TicketSeries.RandomReinit, 1, 25, [0, 0])) with { Trainings = trainings };
        var figure = TicketFigures.TiedLearning(new TiedComparison(r, r));
        Assert.Equal(["tied dense", "tied ticket, 25 %", "tied random re-init, 25 %", "untied dense", "untied ticket, 25 %",
            "untied random re-init, 25 %"], figure.Series.Select(x => x.Name));
        Assert.Equal([1.0, 2.0], figure.Series[0].X);
        Assert.Equal([55.0, 75.0], figure.Series[0].Y.Select(y => Math.Round(y, 9)));
        Assert.Equal([91.0], figure.Series[1].Y.Select(y => Math.Round(y, 9)));
        Assert.Equal([42.0], figure.Series[2].Y.Select(y => Math.Round(y, 9)));
    }

    static readonly TrainingData RunStoreTestsData = Experiments.RunStoreTests.Data;

    static void AssertEstimate(double mean, double standardError, int count, Estimate actual)
    {
        Assert.Equal(mean, actual.Mean, 9);
        Assert.Equal(standardError, actual.StandardError, 9);
        Assert.Equal(count, actual.Count);
    }
}
