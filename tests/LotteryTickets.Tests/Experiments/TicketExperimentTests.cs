using static LotteryTickets.Tests.Experiments.RunStoreTests;

namespace LotteryTickets.Tests.Experiments;

/// <summary>The experiment record the notebooks run (<c>nb.Run(experiment)</c>) against the IMP loop the other tests check.</summary>
public class TicketExperimentTests
{
    [Fact]
    public void TheNotebookPathOfImpIsTheTestedLoopBitForBitAndASecondRunTrainsNothing()
    {
        using var folder = new TempFolder();
        const long seed = 4;
        var h = Tiny();
        var experiment = new TicketExperiment(h, RunStoreTests.Data, [seed]) { Levels = 2, Controls = [] };
        var store = new RunStore(folder["runs.db"]);
        var result = experiment.Run(new ExperimentContext { Store = store, Budget = Budget.Quick });
        var direct = IterativeMagnitudePruning.Run(h, RunStoreTests.Data, seed, levels: 2);

        // The stored ticket levels are the loop's levels: bit-identical masks, the same evaluations, the same weights.
        var key = experiment.KeyFor(seed, Budget.Quick);
        Assert.Equal([(TicketSeries.Ticket, 0), (TicketSeries.Ticket, 1), (TicketSeries.Ticket, 2)], store.StoredLevels(key.Hash));
        var levels = store.OpenRun(key, seed);
        for (int level = 0; level <= 2; level++)
        {
            var expected = direct.Levels[level];
            var stored = levels.LoadLevel(TicketSeries.Ticket, level)!;
            Assert.True(stored.Mask.ContentEquals(expected.Mask), $"level {level}: the stored mask differs from the IMP loop's");
            AssertSameLevel(expected, stored, sameWallTime: false);
            var point = result.Ticket.Points[level];
            Assert.Equal(100 * expected.Training.EarlyStopTestAccuracy, point.MeanAccuracy);
            Assert.Equal(expected.Training.EarlyStopIteration, point.MeanEarlyStopIteration);
            Assert.Equal((level, expected.PercentRemaining, 1), (point.Level, point.PercentRemaining, point.Seeds));
        }
        Assert.True(levels.LoadRewindWeights()!.ContentEquals(direct.RewindWeights));
        Assert.True(levels.LoadTrainedWeights(TicketSeries.Ticket, 2)!.ContentEquals(direct.LastTrainedWeights));
        Assert.Equal(direct.Levels[^1].Sparsity.ToString(), Assert.Single(result.SparsestTicket).ToString());
        Assert.Empty(result.RandomReinit.Points);
        Assert.Empty(result.RandomMask.Points);

        levels.Dispose(); // releases the run's lock, which the next run takes

        // A second run with the same store loads every level: nothing is trained or saved, the curves are identical.
        var reopened = new RunStore(folder["runs.db"]);
        int saved = 0;
        reopened.LevelSaved += (_, _, _) => saved++;
        var progress = new SyncProgress<ExperimentProgress>();
        var again = experiment.Run(new ExperimentContext { Store = reopened, Budget = Budget.Quick, Progress = progress });
        Assert.Equal(0, saved);
        Assert.Equal(3, progress.Reports.Count); // one per loaded level
        Assert.DoesNotContain(progress.Reports, IsTraining);
        Assert.All(progress.Reports, p => Assert.True(IsLoaded(p), p.ToString()));
        Assert.Equal(Enumerable.Range(0, 3).Select(l => (TicketSeries.Ticket, l)), progress.Reports.Select(SeriesAndLevel));
        AssertSameResult(result, again);
        Assert.Equal(result.Ticket.Points, again.Ticket.Points);
        // The noise readings' population, the training set, comes with the result whether its levels were trained or loaded.
        Assert.Equal((600, 600), (result.TrainingExamples, again.TrainingExamples));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(3, null)]
    [InlineData(3, 2)]
    public void ProgressOfAnExperimentWithControlsNeverGoesBackAndEndsAtItsTotal(int rewindStep, int? denseEpochs)
    {
        var h = Tiny() with { RewindStep = rewindStep, DenseEpochs = denseEpochs };
        var progress = new SyncProgress<ExperimentProgress>();
        var result = new TicketExperiment(h, RunStoreTests.Data, [1, 2]) { Levels = 2 }.Run(new ExperimentContext { Progress = progress });

        // Iterations of the whole experiment, counted by hand: 600 examples in batches of 60 is 10 iterations an epoch,
        // one epoch per level. Per seed: level 0 (all 10, or 10 per dense epoch), two ticket levels and two random-mask
        // levels (each resumes at the rewind step: 10 − r), two re-initialised levels (all 10).
        Assert.Equal(60, h.Training.BatchSize);
        const int schedule = 10;
        int perSeed = schedule * (denseEpochs ?? 1) + 2 * (schedule - rewindStep) + 2 * schedule + 2 * (schedule - rewindStep), total = 2 * perSeed;
        Assert.NotEmpty(progress.Reports);
        Assert.All(progress.Reports, p => Assert.Equal((total, "iterations"), (p.Total, p.Unit)));
        Assert.All(progress.Reports, p => Assert.True(IsTraining(p), p.ToString())); // nothing stored: everything trains
        AssertNeverDecreases(progress.Reports);
        Assert.InRange(progress.Reports[0].Completed, 1, schedule);
        Assert.Equal(total, progress.Reports[^1].Completed);
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        // Every series and level of both seeds reported, in the order they train.
        var order = progress.Reports.Select(p => (Seed: p.Training!.Seed, Series: SeriesAndLevel(p))).Distinct().ToList();
        var perSeedOrder = new[]
        {
            (TicketSeries.Ticket, 0), (TicketSeries.Ticket, 1), (TicketSeries.Ticket, 2), (TicketSeries.RandomReinit, 1),
            (TicketSeries.RandomReinit, 2), (TicketSeries.RandomMask, 1), (TicketSeries.RandomMask, 2),
        };
        Assert.Equal(new long?[] { 1, 2 }.SelectMany(s => perSeedOrder.Select(x => (s, x))), order);
        Assert.Equal(2, result.RandomMask.Points.Count);
    }
}
