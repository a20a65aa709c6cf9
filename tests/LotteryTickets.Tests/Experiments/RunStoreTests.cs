using System.Diagnostics;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Experiments;

public class RunStoreTests(ITestOutputHelper output)
{
    internal static readonly TrainingData Data = Synthetic.Splits(train: 600, test: 300, validation: true);

    internal static LotteryHparams Tiny() => new()
    {
        Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 },
        Training = new TrainingHparams { Epochs = 1, EvalEvery = 5 },
        Pruning = new PruningHparams { Fraction = 0.2 },
    };

    /// <summary>The experiment these tests run: <see cref="Data"/> named "blobs" in the run keys.</summary>
    internal static TicketExperiment Experiment(LotteryHparams hparams, long[] seeds, bool controls = true, int levels = 2) =>
        new(hparams, Data, seeds) { Levels = levels, DataSource = "blobs",
            Controls = controls ? [TicketSeries.RandomReinit, TicketSeries.RandomMask] : [] };

    internal static ExperimentContext Context(RunStore? store, IProgress<ExperimentProgress>? progress = null, bool recompute = false) =>
        new() { Store = store, Budget = Budget.Quick, Progress = progress, Recompute = recompute };

    /// <summary>The (series, level) a progress report of the ticket experiment is about.</summary>
    internal static (TicketSeries Series, int Level) SeriesAndLevel(ExperimentProgress p)
    {
        Assert.True(p.Training is { Series: not null }, $"not a ticket-experiment progress report: {p}");
        return (p.Training!.Series!.Value, p.Training.Level);
    }

    internal static bool IsTraining(ExperimentProgress p) => p.Training is { Loaded: false };

    internal static bool IsLoaded(ExperimentProgress p) => p.Training is { Loaded: true };

    internal static void AssertNeverDecreases(IReadOnlyList<ExperimentProgress> reports)
    {
        for (int i = 1; i < reports.Count; i++)
            Assert.True(reports[i].Completed >= reports[i - 1].Completed,
                $"progress went back from {reports[i - 1].Completed} ({reports[i - 1]}) to {reports[i].Completed} ({reports[i]})");
    }

    [Fact]
    public void ALongerRunExtendsAShorterOneAndTicketOnlyRunsShareTheTicketLevels()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        var shortRun = Experiment(Tiny(), [5], levels: 2).Run(Context(store));
        Assert.Equal(Experiment(Tiny(), [5], levels: 2).KeyFor(5, Budget.Quick), Experiment(Tiny(), [5], levels: 4).KeyFor(5, Budget.Quick));

        var saved = new List<(TicketSeries Series, int Level)>();
        store.LevelSaved += (_, series, level) => saved.Add((series, level));
        var progress = new SyncProgress<ExperimentProgress>();
        var longRun = Experiment(Tiny(), [5], controls: false, levels: 4).Run(Context(store, progress));

        // Only the two new ticket levels were trained; the first three came from the store, identical.
        const TicketSeries ticket = TicketSeries.Ticket;
        var trained = progress.Reports.Where(IsTraining).Select(SeriesAndLevel).Distinct();
        Assert.Equal([(ticket, 3), (ticket, 4)], trained.ToList());
        Assert.Equal([(ticket, 0), (ticket, 1), (ticket, 2)], progress.Reports.Where(IsLoaded).Select(SeriesAndLevel).ToList());
        Assert.Equal([(TicketSeries.Ticket, 3), (TicketSeries.Ticket, 4)], saved);
        AssertNeverDecreases(progress.Reports);
        Assert.Equal(progress.Reports[^1].Total, progress.Reports[^1].Completed);
        Assert.Equal(5, longRun.Ticket.Points.Count);
        Assert.Empty(longRun.RandomReinit.Points);
        for (int level = 0; level <= 2; level++)
            Assert.Equal(shortRun.Ticket.Points[level], longRun.Ticket.Points[level]);

        // And the stored levels equal a run without a store.
        var fresh = Experiment(Tiny(), [5], controls: false, levels: 4).Run(Context(null));
        Assert.Equal(fresh.Ticket.Points, longRun.Ticket.Points);
    }

    [Fact]
    public void ReopeningACompleteRunToLoadItKeepsItCompleteAndAnExtensionRunsOnlyWhileItComputes()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        var key = Experiment(Tiny(), [5], levels: 1).KeyFor(5, Budget.Quick);
        Experiment(Tiny(), [5], levels: 1).Run(Context(store));
        var complete = store.FindRun(key.Hash)!;
        Assert.Equal("complete", complete.Status);

        // Opened again only to load (by the whole experiment, a ticket-only one, or directly): still complete, same row.
        Experiment(Tiny(), [5], levels: 1).Run(Context(store));
        Assert.Equal(complete, store.FindRun(key.Hash));
        Experiment(Tiny(), [5], controls: false, levels: 1).Run(Context(store));
        Assert.Equal(complete, store.FindRun(key.Hash));
        using (var levels = store.OpenRun(key, 5))
        {
            Assert.NotNull(levels.LoadLevel(TicketSeries.Ticket, 1));
            Assert.Equal(complete, store.FindRun(key.Hash));
        }
        Assert.Equal(complete, new RunStore(folder["runs.db"]).FindRun(key.Hash));

        // Extended by a level: running while the new levels are computed, complete again when they are stored.
        var whileSaving = new List<string>();
        store.LevelSaved += (k, _, _) => whileSaving.Add(new RunStore(folder["runs.db"]).FindRun(k)!.Status);
        Experiment(Tiny(), [5], levels: 2).Run(Context(store));
        Assert.Equal(["running", "running", "running"], whileSaving); // ticket, re-initialised and random-mask level 2
        var extended = store.FindRun(key.Hash)!;
        Assert.Equal("complete", extended.Status);
        Assert.True(extended.Completed > complete.Completed);
        Assert.Equal(complete.Created, extended.Created);

        // Runs that train only some series (the ticket alone, as the distillation students) complete too.
        var ticketOnly = Experiment(Tiny(), [6], controls: false, levels: 1);
        ticketOnly.Run(Context(store));
        Assert.Equal("complete", store.FindRun(ticketOnly.KeyFor(6, Budget.Quick).Hash)!.Status);
    }

    [Fact]
    public void ALevelRoundTripsThroughAReopenedStore()
    {
        using var folder = new TempFolder();
        var h = Tiny();
        var key = RunKey.For("imp", [h, new Replicate(3)]);
        var outcome = IterativeMagnitudePruning.TrainLevel(h, 3, 0, null, null, Data);
        var store = new RunStore(folder["runs.db"]);
        store.BeginRun(key, seed: 3);
        store.SaveRewindWeights(key, outcome.RewindWeights);
        store.SaveLevel(key, TicketSeries.Ticket, outcome.Result, outcome.TrainedWeights);

        var reopened = new RunStore(folder["runs.db"]);
        var loaded = reopened.LoadLevel(key.Hash, TicketSeries.Ticket, 0)!;
        var loadedMask = loaded.Mask;
        var weights = reopened.LoadTrainedWeights(key.Hash, TicketSeries.Ticket, 0)!;
        var rewind = reopened.LoadRewindWeights(key.Hash)!;
        Assert.True(loaded.Mask.ContentEquals(outcome.Result.Mask));
        Assert.True(weights.ContentEquals(outcome.TrainedWeights));
        Assert.True(rewind.ContentEquals(outcome.RewindWeights));
        AssertSameLevel(outcome.Result, loaded, sameWallTime: true);
        Assert.Null(reopened.LoadLevel(key.Hash, TicketSeries.Ticket, 1));
        Assert.Null(reopened.LoadTrainedWeights(key.Hash, TicketSeries.RandomMask, 0));

        var run = Assert.Single(reopened.Runs());
        Assert.Equal((key.Hash, "imp", 3L, "running"), (run.Key, run.Kind, run.Seed, run.Status));
        Assert.Equal(key.ToJson(), run.ParametersJson);
        Assert.Equal(key.CanonicalText + "\n", File.ReadAllText(Path.Combine(reopened.RunFolder(key.Hash), "params.txt")));
        reopened.CompleteRun(key);
        Assert.Equal("complete", reopened.FindRun(key.Hash)!.Status);
        Assert.Contains("\"early_stop_iteration\"", reopened.MetricsJson(key.Hash, TicketSeries.Ticket, 0));
    }

    [Fact]
    public void AWarmRunLoadsEverythingAndEqualsTheColdRunAndRecomputeTrainsAgain()
    {
        using var folder = new TempFolder();
        long[] seeds = [1, 2];
        var plain = Experiment(Tiny(), seeds).Run(Context(null));

        var store = new RunStore(folder["runs.db"]);
        int saved = 0;
        store.LevelSaved += (_, _, _) => saved++;
        var clock = Stopwatch.StartNew();
        var cold = Experiment(Tiny(), seeds).Run(Context(store));
        double coldSeconds = clock.Elapsed.TotalSeconds;
        Assert.Equal(2 * (3 + 2 + 2), saved);

        saved = 0;
        var progress = new SyncProgress<ExperimentProgress>();
        clock.Restart();
        var warm = Experiment(Tiny(), seeds).Run(Context(new RunStore(folder["runs.db"]), progress));
        double warmSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"cold {coldSeconds:F2} s, warm {warmSeconds:F2} s");
        Assert.Equal(0, saved);
        Assert.Equal(14, progress.Reports.Count); // one report per loaded level, no training
        Assert.All(progress.Reports, p => Assert.True(IsLoaded(p) && !IsTraining(p), p.ToString()));
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        Assert.Equal(progress.Reports[^1].Total, progress.Reports[^1].Completed);
        Assert.True(progress.Reports.Select(p => p.Fraction).Zip(progress.Reports.Skip(1).Select(p => p.Fraction)).All(z => z.First < z.Second));
        AssertSameResult(cold, warm);
        AssertSameResult(plain, cold); // storing changes nothing
        Assert.All(store.Runs(), r => Assert.Equal("complete", r.Status));

        Experiment(Tiny(), [2]).Run(Context(store, recompute: true));
        Assert.Equal(7, saved); // every level of seed 2 trained and stored again
        saved = 0;
        AssertSameResult(cold, Experiment(Tiny(), seeds).Run(Context(store)));
        Assert.Equal(0, saved);
    }

    [Fact]
    public void DifferentDataNeverShareAKey()
    {
        var e = Experiment(Tiny(), [1]);
        var a = e.KeyFor(1, Budget.Quick);
        var b = (e with { Data = Synthetic.Splits(train: 600, test: 300, separation: 0.31, validation: true) }).KeyFor(1, Budget.Quick);
        var c = e.KeyFor(1, Budget.Full);
        Assert.Equal(a, Experiment(Tiny(), [1]).KeyFor(1, Budget.Quick));
        Assert.Equal(3, new[] { a.Hash, b.Hash, c.Hash }.Distinct().Count());
        // The seed and the data's name are part of the key too; the experiment's other seeds are not.
        Assert.NotEqual(a, e.KeyFor(2, Budget.Quick));
        Assert.NotEqual(a, (e with { DataSource = "other blobs" }).KeyFor(1, Budget.Quick));
        Assert.Equal(a, Experiment(Tiny(), [3, 1]).KeyFor(1, Budget.Quick));
    }

    [Fact]
    public void TicketKeysKeepTheFormulaOfStoresWrittenBeforeTheExperimentRecord()
    {
        // One seed's key: the hparams beside that seed (not the number of levels), the budget, a description of the data
        // and the control seed offset, under kind "ticket_experiment" — as before TicketExperiment became a record, and
        // before the seed and the levels left the hparams, so that existing run stores keep their names.
        var h = Tiny();
        var expected = RunKey.For("ticket_experiment", [h, new Replicate(7)], ("budget", "quick"),
            ("data", DataFingerprint.Describe(Data, "blobs")), ("control_seed_offset", 1000L));
        Assert.Equal(expected, Experiment(h, [7], levels: 3).KeyFor(7, Budget.Quick));
        Assert.Equal("ticket_experiment", expected.Kind);
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

    [Fact]
    public void DamagedOrTruncatedLevelFilesAreDetectedAndTheirLevelsTrainedAgain()
    {
        using var folder = new TempFolder();
        long[] seeds = [1];
        var store = new RunStore(folder["runs.db"]);
        var cold = RunStoreTests.Experiment(RunStoreTests.Tiny(), seeds).Run(RunStoreTests.Context(store));
        string key = Assert.Single(store.Runs()).Key;
        string run = store.RunFolder(key);

        // One flipped byte in a mask, a truncated weights file, a flipped byte in the rewind point (level 0 relies on it).
        var mask = Directory.GetFiles(run, "level_01.mask", SearchOption.AllDirectories).Order().First();
        var weights = Directory.GetFiles(run, "level_02.weights", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(mask);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(mask, bytes);
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..^100]);
        bytes = File.ReadAllBytes(Path.Combine(run, "rewind.weights"));
        bytes[bytes.Length - 40] ^= 0x01;
        File.WriteAllBytes(Path.Combine(run, "rewind.weights"), bytes);
        Assert.Throws<InvalidDataException>(() => Mask.Load(mask));
        Assert.Throws<InvalidDataException>(() => WeightSnapshot.Load(weights));

        var damaged = new List<(TicketSeries Series, int Level, string File)>();
        var saved = new List<(TicketSeries Series, int Level)>();
        var reopened = new RunStore(folder["runs.db"]);
        reopened.LevelDamaged += (_, series, level, file) => damaged.Add((series, level, file));
        reopened.LevelSaved += (_, series, level) => saved.Add((series, level));
        var repaired = RunStoreTests.Experiment(RunStoreTests.Tiny(), seeds).Run(RunStoreTests.Context(reopened));

        string maskSeries = Path.GetFileName(Path.GetDirectoryName(mask)!);
        Assert.Contains((SerialNames.Parse<TicketSeries>(maskSeries), 1, Path.Combine(maskSeries, "level_01.mask")), damaged);
        Assert.Contains(damaged, d => d.Level == 2 && d.File.EndsWith("level_02.weights", StringComparison.Ordinal));
        Assert.Contains(damaged, d => d.Level == 0 && d.File == "rewind.weights");
        Assert.All(damaged, d => Assert.Contains((d.Series, d.Level), saved)); // each damaged level was trained again
        RunStoreTests.AssertSameResult(cold, repaired);                                       // to the same result
        Mask.Load(mask);
        WeightSnapshot.Load(weights);
    }

    [Fact]
    public async Task TwoThreadsAskingForTheSameResultComputeItOnce()
    {
        using var folder = new TempFolder();
        var key = RunKey.For("sweep", new Sweep("concurrent", [], [], 3));
        int calls = 0;
        Sweep Compute()
        {
            Interlocked.Increment(ref calls);
            Thread.Sleep(300); // long enough that the other thread asks while this one computes
            return new Sweep("snr", [1, 2], [3, 4], 3);
        }
        var both = await Task.WhenAll(
            Task.Run(() => new RunStore(folder["runs.db"]).GetOrCompute(key, Compute)),
            Task.Run(() => new RunStore(folder["runs.db"]).GetOrCompute(key, Compute)));
        Assert.Equal(1, calls);
        Assert.Equal(both[0].Y, both[1].Y);
    }

    [Fact]
    public void AStoreFromAnOlderLibraryOpensAndOneFromANewerSchemaIsRefused()
    {
        using var folder = new TempFolder();
        var key = RunKey.For("sweep", new Sweep("a", [], [], 3));
        new RunStore(folder["runs.db"]).GetOrCompute(key, () => new Sweep("snr", [1], [2], 3));

        // Written by an older library (same schema): opens, and serves what it holds.
        SetStore(folder["runs.db"], "UPDATE runs SET library_version = '0.0.1-older';");
        var older = new RunStore(folder["runs.db"]);
        Assert.Equal("0.0.1-older", Assert.Single(older.Runs()).LibraryVersion);
        Assert.Equal([2.0], older.LoadResult<Sweep>(key)!.Y);

        // Written by a newer schema: refused before anything is read or written, with both versions named.
        int newer = RunStore.SchemaVersionSupported + 1;
        SetStore(folder["runs.db"], $"UPDATE meta SET value = '{newer}' WHERE name = 'schema_version';");
        var e = Assert.Throws<InvalidDataException>(() => new RunStore(folder["runs.db"]));
        Assert.Contains($"schema version {newer}", e.Message);
        Assert.Contains($"up to {RunStore.SchemaVersionSupported}", e.Message);
        Assert.Contains("newer", e.Message);
        // The refusal left the store as it was.
        SetStore(folder["runs.db"], $"SELECT 1;", expectVersion: newer.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AStoredResultWithAMissingPropertyIsRefusedByNameNotDereferencedLater()
    {
        using var folder = new TempFolder();
        var key = RunKey.For("sweep", new Sweep("a", [], [], 3));
        new RunStore(folder["runs.db"]).GetOrCompute(key, () => new Sweep("snr", [1], [2], 3));

        // A property the record requires, null in the stored JSON (damaged, or written by a record that lacked it).
        SetStore(folder["runs.db"], """UPDATE results SET value = '{"Name":"snr","X":null,"Y":[2],"Trials":3}';""");
        var e = Assert.Throws<InvalidDataException>(() => new RunStore(folder["runs.db"]).GetOrCompute(key, () => new Sweep("snr", [1], [2], 3)));
        Assert.Contains("Sweep.X", e.Message);
        Assert.Contains(folder["runs.db"], e.Message);
        Assert.Contains(key.Hash, e.Message);

        // Recomputing replaces it.
        Assert.Equal([2.0], new RunStore(folder["runs.db"]).GetOrCompute(key, () => new Sweep("snr", [1], [2], 3), recompute: true).Y);
        Assert.Equal([2.0], new RunStore(folder["runs.db"]).LoadResult<Sweep>(key)!.Y);
    }

    [Fact]
    public void ANullInsideAStoredLibraryRecordIsFoundThroughItsLists()
    {
        using var folder = new TempFolder();
        var key = RunKey.For("curve", new Sweep("a", [], [], 3));
        var store = new RunStore(folder["runs.db"]);
        store.SaveResult(key, new TicketCurve(TicketSeries.Ticket, [new TicketCurvePoint(0, 100, 97, 0.5, 1000, 10, 2)]), 1);
        Assert.Equal(97, store.LoadResult<TicketCurve>(key)!.Points[0].MeanAccuracy);

        SetStore(folder["runs.db"], """UPDATE results SET value = '{"Name":"ticket","Points":[null]}';""");
        var e = Assert.Throws<InvalidDataException>(() => store.LoadResult<TicketCurve>(key));
        Assert.Contains("TicketCurve.Points[0]", e.Message);
        SetStore(folder["runs.db"], """UPDATE results SET value = '{"Name":"ticket","Points":[{"Level":0,"PercentRemaining":100}]';""");
        e = Assert.Throws<InvalidDataException>(() => store.LoadResult<TicketCurve>(key));
        Assert.Contains(folder["runs.db"], e.Message);
    }

    [Fact]
    public void SweepResultsLoadBackCompleteFromTheStore()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        object RoundTrip<T>(Sweep<T> sweep) where T : class
        {
            var computed = sweep.Run(RunStoreTests.Context(store));
            var loaded = store.LoadResult<T>(sweep.Key(Budget.Quick));  // checked complete on the way in
            Assert.NotNull(loaded);
            // As the store writes them: NaN (a random baseline that was not drawn) and ±∞ by name.
            var json = new System.Text.Json.JsonSerializerOptions
            {
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            };
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(computed, json), System.Text.Json.JsonSerializer.Serialize(loaded, json));
            return loaded!;
        }
        RoundTrip(new L1PathSweep(M: 20, N: 12, K: 2, SnrDb: 40, Lambdas: 3, LambdaRatio: 0.1, Problems: 1, Seed: 1));
        RoundTrip(new TeacherRecoverySweep(N: 10, K: 1, Samples: [5, 10], Trials: 1, Seed: 1));
        RoundTrip(new DesignComparisonSweep(Rows: 6, Columns: 2, SubsetSizes: [2, 4], Trials: 1, Seed: 1));
    }

    [Fact]
    public void AStorePathThatIsAFolderOrACorruptFileIsRefusedNamingThePath()
    {
        using var folder = new TempFolder();
        string dir = folder["store"];
        Directory.CreateDirectory(dir);
        var e = Assert.Throws<ArgumentException>(() => new RunStore(dir));
        Assert.Equal("path", e.ParamName);
        Assert.Contains(Path.GetFullPath(dir), e.Message);
        Assert.Contains("folder", e.Message);

        string corrupt = folder["corrupt.db"];
        File.WriteAllBytes(corrupt, Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 + 7)).ToArray());
        var c = Assert.Throws<InvalidDataException>(() => new RunStore(corrupt));
        Assert.Contains(Path.GetFullPath(corrupt), c.Message);
        Assert.Contains("not a readable SQLite database", c.Message);
    }

    private static void SetStore(string path, string sql, string? expectVersion = null)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using (var cmd = c.CreateCommand()) { cmd.CommandText = sql; cmd.ExecuteNonQuery(); }
        if (expectVersion is null) return;
        using var read = c.CreateCommand();
        read.CommandText = "SELECT value FROM meta WHERE name = 'schema_version';";
        Assert.Equal(expectVersion, read.ExecuteScalar());
    }
}
