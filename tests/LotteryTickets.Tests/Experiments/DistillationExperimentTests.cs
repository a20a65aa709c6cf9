using static LotteryTickets.Tests.Experiments.RunStoreTests;

namespace LotteryTickets.Tests.Experiments;

/// <summary>
/// Section 4's experiment trains the masks IMP found on the labels again with distillation: the same masks, the same
/// initialisation and the same data order, so that only the loss differs. The oracle: with α = 1 the distillation loss is
/// the labels' cross-entropy, so the "distilled" trainings must be the labels run's own levels (and its re-initialised
/// control) again.
/// </summary>
public class DistillationExperimentTests
{
    static readonly TrainingData Data = RunStoreTests.Data;

    static DistillationExperiment Experiment(double alpha) =>
        new(Tiny() with { Pruning = new PruningHparams { Fraction = 0.5 } }, Tiny() with { Pruning = new PruningHparams { Fraction = 0.5 } },
            new DistillationHparams(Temperature: 2, Alpha: alpha), Data, [1, 2])
        {
            Levels = 2, DistilledLevels = [0, 2], ControlLevels = [2], BaselineLevels = [2], TeacherSeed = 9, DataSource = "blobs",
        };

    // Two trainings are the same when every evaluation is: iteration, accuracies and the loss bit for bit.
    static readonly IEqualityComparer<EvaluationPoint> Same = EqualityComparer<EvaluationPoint>.Create((x, y) =>
        x!.Iteration == y!.Iteration && x.TestAccuracy == y.TestAccuracy && x.ValidationAccuracy == y.ValidationAccuracy &&
        BitConverter.DoubleToInt64Bits(x.TrainLoss) == BitConverter.DoubleToInt64Bits(y.TrainLoss), p => p.Iteration);

    [Fact]
    public void AtAlphaOneTheDistilledTrainingsAreTheLabelsLevelsAndTheirControlAgain()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        var experiment = Experiment(alpha: 1);
        var result = experiment.Run(Context(store));

        var labels = new TicketExperiment(experiment.Student, Data, experiment.Seeds)
        {
            Levels = 2, ControlLevels = [2], Controls = [TicketSeries.RandomReinit], DataSource = "blobs",
        }.Run();
        foreach (long seed in experiment.Seeds)
        {
            foreach (int level in new[] { 0, 2 })
                Assert.Equal(labels.At(TicketSeries.Ticket, level).Single(t => t.Seed == seed).Evaluations,
                    result.Distilled.At(TicketSeries.Ticket, level).Single(t => t.Seed == seed).Evaluations, Same);
            Assert.Equal(labels.At(TicketSeries.RandomReinit, 2).Single(t => t.Seed == seed).Evaluations,
                result.Distilled.At(TicketSeries.RandomReinit, 2).Single(t => t.Seed == seed).Evaluations, Same);
        }
        Assert.Equal([0, 2], result.Distilled.Ticket.Points.Select(p => p.Level));
        Assert.Equal([2], result.Distilled.RandomReinit.Points.Select(p => p.Level));
        Assert.Equal(0, Assert.Single(result.DistillationGain, g => g.PercentRemaining < 100).Gain, 12);
        var baseline = Assert.Single(result.Baselines);
        Assert.Equal((2, 2, 2), (baseline.Level, baseline.LabelsAccuracies.Count, baseline.DistilledAccuracies.Count));
        Assert.Equal(baseline.LabelsAccuracies, baseline.DistilledAccuracies); // α = 1 again
    }

    [Fact]
    public void TheDistilledRunsAreStoredOnTheLabelsMasksAndASecondRunTrainsNothing()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        var experiment = Experiment(alpha: 0.2);
        var result = experiment.Run(Context(store));

        var distilledRuns = store.Runs().Where(r => r.Kind == ExperimentKinds.MaskRetraining).ToList();
        Assert.Equal(2, distilledRuns.Count);
        foreach (long seed in experiment.Seeds)
        {
            var run = distilledRuns.Single(r => r.Seed == seed);
            Assert.Equal([(TicketSeries.Ticket, 0), (TicketSeries.Ticket, 2), (TicketSeries.RandomReinit, 2)],
                store.StoredLevels(run.Key).OrderBy(l => l.Series != TicketSeries.Ticket).ThenBy(l => l.Level));
            Assert.Contains($"\"extra.masks\": \"{experiment.LabelsRun.KeyFor(seed, Budget.Quick).Hash}\"", run.ParametersJson);
            foreach (var (series, level) in store.StoredLevels(run.Key))
                Assert.True(store.LoadLevel(run.Key, series, level)!.Mask.ContentEquals(
                    store.LoadLevel(experiment.LabelsRun.KeyFor(seed, Budget.Quick).Hash, TicketSeries.Ticket, level)!.Mask));
        }
        using (var zeros = TorchSharp.torch.zeros(Data.Train.Count, 10)) // the key names the teacher's logits: others, another key
            Assert.DoesNotContain(experiment.DistilledKeyFor(1, zeros, Budget.Quick).Hash, distilledRuns.Select(r => r.Key));

        int saved = 0;
        store.LevelSaved += (_, _, _) => saved++;
        var again = experiment.Run(Context(store));
        Assert.Equal(0, saved);
        Assert.Equal(result.Distilled.Ticket.Points, again.Distilled.Ticket.Points);
        Assert.Equal(result.Distilled.RandomReinit.Points, again.Distilled.RandomReinit.Points);
    }

    [Fact]
    public void RetrainingWithTheRunsOwnSettingsGivesItsLevelsBackAndAControlNeverTrainsTheDenseLevel()
    {
        var h = Tiny();
        var run = IterativeMagnitudePruning.Run(h, Data, seed: 3, levels: 2);
        var again = LotteryControls.Retrain(run, TicketSeries.Ticket, h.Training, Data, seed: 0, levels: [0, 2]);
        Assert.Equal([0, 2], again.Levels.Select(l => l.Level));
        foreach (var level in again.Levels)
        {
            Assert.True(level.Mask.ContentEquals(run.Levels[level.Level].Mask));
            Assert.Equal(run.Levels[level.Level].Training.Evaluations, level.Training.Evaluations, Same);
        }
        var reinit = LotteryControls.Retrain(run, TicketSeries.RandomReinit, h.Training, Data, seed: 7, levels: [2]);
        Assert.Equal(LotteryControls.Train(run, TicketSeries.RandomReinit, seed: 7, levels: [2]).Levels[0].Training.Evaluations,
            reinit.Levels[0].Training.Evaluations, Same);
        Assert.Equal("levels",
            Assert.ThrowsAny<ArgumentException>(() => LotteryControls.Retrain(run, TicketSeries.RandomReinit, h.Training, Data, 7, [0])).ParamName);
    }
}
