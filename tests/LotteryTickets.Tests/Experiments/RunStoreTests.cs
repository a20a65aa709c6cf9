using System.Diagnostics;
using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Tests.Support;
using LotteryTickets.Training;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Experiments;

public class RunStoreTests(ITestOutputHelper output)
{
    private static readonly TrainingData Data = Synthetic.Splits(train: 600, test: 300, validation: true);

    private static LotteryHparams Tiny(int levels = 2) => new()
    {
        Model = new ModelHparams { Hidden1 = 32, Hidden2 = 16 },
        Training = new TrainingHparams { Epochs = 1, EvalEvery = 5 },
        Pruning = new PruningHparams { Fraction = 0.2 },
        Levels = levels,
    };

    [Fact]
    public void ALongerRunExtendsAShorterOneAndTicketOnlyRunsShareTheTicketLevels()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        var shortRun = TicketExperiment.Run(Tiny(levels: 2), Data, [5], store: store, dataSource: "blobs", budget: Budget.Quick);
        Assert.Equal(TicketExperiment.KeyFor(Tiny(levels: 2), Data, "blobs", Budget.Quick),
                     TicketExperiment.KeyFor(Tiny(levels: 4), Data, "blobs", Budget.Quick));

        var progress = new SyncProgress<TicketExperimentProgress>();
        var longRun = TicketExperiment.Run(Tiny(levels: 4), Data, [5], progress, store, dataSource: "blobs", budget: Budget.Quick, controls: false);

        // Only the two new ticket levels were trained; the first three came from the store, identical.
        var trained = progress.Reports.Where(p => p.Iteration < p.TotalIterations).Select(p => (p.Series, p.Level)).Distinct();
        Assert.Equal([("ticket", 3), ("ticket", 4)], trained.ToList());
        Assert.Equal(5, longRun.Ticket.Points.Count);
        Assert.Empty(longRun.RandomReinit.Points);
        for (int level = 0; level <= 2; level++)
            Assert.Equal(shortRun.Ticket.Points[level], longRun.Ticket.Points[level]);

        // And the stored levels equal a run without a store.
        var fresh = TicketExperiment.Run(Tiny(levels: 4), Data, [5], controls: false);
        Assert.Equal(fresh.Ticket.Points, longRun.Ticket.Points);
    }

    [Fact]
    public void ALevelRoundTripsThroughAReopenedStore()
    {
        using var folder = new TempFolder();
        var h = Tiny(levels: 1) with { Seed = 3 };
        var key = RunKey.For("imp", h);
        var outcome = IterativeMagnitudePruning.TrainLevel(h, 0, null, null, Data);
        try
        {
            var store = new RunStore(folder["runs.db"]);
            store.BeginRun(key, seed: 3);
            store.SaveRewindWeights(key, outcome.RewindWeights);
            store.SaveLevel(key, "ticket", outcome.Result, outcome.TrainedWeights);

            var reopened = new RunStore(folder["runs.db"]);
            var loaded = reopened.LoadLevel(key.Hash, "ticket", 0)!;
            using var loadedMask = loaded.Mask;
            using var weights = reopened.LoadTrainedWeights(key.Hash, "ticket", 0)!;
            using var rewind = reopened.LoadRewindWeights(key.Hash)!;
            Assert.True(loaded.Mask.ContentEquals(outcome.Result.Mask));
            Assert.True(weights.ContentEquals(outcome.TrainedWeights));
            Assert.True(rewind.ContentEquals(outcome.RewindWeights));
            AssertSameLevel(outcome.Result, loaded, sameWallTime: true);
            Assert.Null(reopened.LoadLevel(key.Hash, "ticket", 1));
            Assert.Null(reopened.LoadTrainedWeights(key.Hash, "random_mask", 0));

            var run = Assert.Single(reopened.Runs());
            Assert.Equal((key.Hash, "imp", 3L, "running"), (run.Key, run.Kind, run.Seed, run.Status));
            Assert.Equal(key.ToJson(), run.ParametersJson);
            Assert.Equal(key.CanonicalText + "\n", File.ReadAllText(Path.Combine(reopened.RunFolder(key.Hash), "params.txt")));
            reopened.CompleteRun(key);
            Assert.Equal("complete", reopened.FindRun(key.Hash)!.Status);
            Assert.Contains("\"early_stop_iteration\"", reopened.MetricsJson(key.Hash, "ticket", 0));
        }
        finally
        {
            outcome.Result.Mask.Dispose();
            outcome.TrainedWeights.Dispose();
            outcome.RewindWeights.Dispose();
        }
    }

    [Fact]
    public void AWarmRunLoadsEverythingAndEqualsTheColdRunAndRecomputeTrainsAgain()
    {
        using var folder = new TempFolder();
        long[] seeds = [1, 2];
        var plain = TicketExperiment.Run(Tiny(), Data, seeds);

        var store = new RunStore(folder["runs.db"]);
        int saved = 0;
        store.LevelSaved += (_, _, _) => saved++;
        var clock = Stopwatch.StartNew();
        var cold = TicketExperiment.Run(Tiny(), Data, seeds, store: store, dataSource: "blobs", budget: Budget.Quick);
        double coldSeconds = clock.Elapsed.TotalSeconds;
        Assert.Equal(2 * (3 + 2 + 2), saved);

        saved = 0;
        var progress = new SyncProgress<TicketExperimentProgress>();
        clock.Restart();
        var warm = TicketExperiment.Run(Tiny(), Data, seeds, progress, store: new RunStore(folder["runs.db"]), dataSource: "blobs", budget: Budget.Quick);
        double warmSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"cold {coldSeconds:F2} s, warm {warmSeconds:F2} s");
        Assert.Equal(0, saved);
        Assert.Equal(14, progress.Reports.Count); // one report per loaded level, no training
        Assert.Equal(1.0, progress.Reports[^1].FractionDone);
        Assert.True(progress.Reports.Select(p => p.FractionDone).Zip(progress.Reports.Skip(1).Select(p => p.FractionDone)).All(z => z.First < z.Second));
        AssertSameResult(cold, warm);
        AssertSameResult(plain, cold); // storing changes nothing
        Assert.All(store.Runs(), r => Assert.Equal("complete", r.Status));

        TicketExperiment.Run(Tiny(), Data, [2], store: store, recompute: true, dataSource: "blobs", budget: Budget.Quick);
        Assert.Equal(7, saved); // every level of seed 2 trained and stored again
        saved = 0;
        AssertSameResult(cold, TicketExperiment.Run(Tiny(), Data, seeds, store: store, dataSource: "blobs", budget: Budget.Quick));
        Assert.Equal(0, saved);
    }

    [Fact]
    public void DifferentDataNeverShareAKey()
    {
        var h = Tiny() with { Seed = 1 };
        var a = TicketExperiment.KeyFor(h, Data, "blobs", Budget.Quick);
        var b = TicketExperiment.KeyFor(h, Synthetic.Splits(train: 600, test: 300, separation: 0.31, validation: true), "blobs", Budget.Quick);
        var c = TicketExperiment.KeyFor(h, Data, "blobs", Budget.Full);
        Assert.Equal(a, TicketExperiment.KeyFor(h, Data, "blobs", Budget.Quick));
        Assert.Equal(3, new[] { a.Hash, b.Hash, c.Hash }.Distinct().Count());
    }

    internal static void AssertSameResult(TicketExperimentResult a, TicketExperimentResult b)
    {
        Assert.Equal(a.Ticket, b.Ticket, CurveComparer.Instance);
        Assert.Equal(a.RandomReinit, b.RandomReinit, CurveComparer.Instance);
        Assert.Equal(a.RandomMask, b.RandomMask, CurveComparer.Instance);
        Assert.Equal(a.SparsestTicket.Select(s => s.ToString()), b.SparsestTicket.Select(s => s.ToString()));
    }

    internal static void AssertSameLevel(LevelResult a, LevelResult b, bool sameWallTime)
    {
        Assert.Equal((a.Level, a.PercentRemaining), (b.Level, b.PercentRemaining));
        Assert.Equal(a.Sparsity.Rows, b.Sparsity.Rows);
        Assert.Equal(a.Training.Evaluations, b.Training.Evaluations);
        Assert.Equal((a.Training.TotalIterations, a.Training.EarlyStopIteration, a.Training.EarlyStopTestAccuracy, a.Training.FinalTestAccuracy),
            (b.Training.TotalIterations, b.Training.EarlyStopIteration, b.Training.EarlyStopTestAccuracy, b.Training.FinalTestAccuracy));
        if (sameWallTime) Assert.Equal(a.Training.WallSeconds, b.Training.WallSeconds);
    }

    private sealed class CurveComparer : IEqualityComparer<TicketCurve>
    {
        public static readonly CurveComparer Instance = new();
        public bool Equals(TicketCurve? x, TicketCurve? y) => x!.Name == y!.Name && x.Points.SequenceEqual(y.Points);
        public int GetHashCode(TicketCurve obj) => obj.Name.GetHashCode();
    }
}

public class RunStoreResultTests
{
    public sealed record Sweep(string Name, double[] X, double[] Y, int Trials);

    [Fact]
    public void AResultIsComputedOnceThenLoadedEqualAndRecomputedOnRequest()
    {
        using var folder = new TempFolder();
        var key = RunKey.For("sweep", new Sweep("a", [], [], 3));
        int calls = 0;
        Sweep Compute() { calls++; return new Sweep("snr", [0, 10, 20], [0.1, double.NaN, double.PositiveInfinity], 3); }

        var first = new RunStore(folder["runs.db"]).GetOrCompute(key, Compute);
        var again = new RunStore(folder["runs.db"]).GetOrCompute(key, Compute);
        Assert.Equal(1, calls);
        Assert.Equal(first.X, again.X);
        Assert.Equal(first.Y, again.Y);          // NaN and ∞ survive the round trip
        Assert.Equal((first.Name, first.Trials), (again.Name, again.Trials));

        new RunStore(folder["runs.db"]).GetOrCompute(key, Compute, recompute: true);
        Assert.Equal(2, calls);
        var run = Assert.Single(new RunStore(folder["runs.db"]).Runs());
        Assert.Equal(("sweep", "complete"), (run.Kind, run.Status));
        Assert.Null(new RunStore(folder["runs.db"]).LoadResult<Sweep>(RunKey.For("sweep", new Sweep("b", [], [], 3))));
    }
}
