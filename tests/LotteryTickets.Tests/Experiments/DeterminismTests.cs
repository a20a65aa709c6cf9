using Microsoft.Data.Sqlite;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Experiments;

/// <summary>
/// Same seed ⇒ same bits on the CPU. Two child processes (tests/LotteryTickets.ResumeWorker's determinism modes) run
/// the same experiment into two stores, which must hold the same run keys and byte-identical files and results
/// (a structured IMP run here; plain IMP is compared after kills in <see cref="ResumeAfterKillTests"/>); and every sweep
/// with a thread-count setting gives the same bits at one and at two threads.
/// </summary>
public class DeterminismTests(ITestOutputHelper output)
{
    /// <summary>Runs compared across two processes: the structured IMP run, the OMP recovery sweep, the ℓ1 phase diagram.</summary>
    public const int CrossProcessRuns = 3;

    [Fact]
    public async Task AStructuredImpRunInTwoProcessesStoresTheSameKeyAndByteIdenticalFiles()
    {
        using var folder = new TempFolder();
        var clock = Stopwatch.StartNew();
        var (a, b) = await TwoWorkers("--structured", folder);
        output.WriteLine($"two structured IMP runs in two processes: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(a.Lines, b.Lines); // the run key and the ticket's accuracies, as printed
        string key = Assert.Single(a.Keys);

        var x = new RunStore(a.Store);
        var y = new RunStore(b.Store);
        AssertSameRuns(x, y, [key]);
        var levels = x.StoredLevels(key);
        Assert.Equal(3 * 3 + 1, levels.Count); // ticket 0–3, both controls 1–3
        Assert.Equal(levels, y.StoredLevels(key));
        foreach (var (series, level) in levels)
            Assert.Equal(WithoutWallTime(x.MetricsJson(key, series, level)!), WithoutWallTime(y.MetricsJson(key, series, level)!));
        AssertSameFiles(x.RunFolder(key), y.RunFolder(key), expectedCount: 1 + 1 + levels.Count + 4); // params, rewind, masks, ticket weights

        // It is the structured strategy that ran: the last ticket's mask removes whole hidden units.
        var last = x.LoadLevel(key, TicketSeries.Ticket, 3)!;
        var mask = last.Mask;
        using var model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 }.Create(CPU, 0);
        var kept = Compaction.KeptUnits(model, mask);
        Assert.InRange(kept["fc1"].Length, 1, 31);
        Assert.InRange(kept["fc2"].Length, 1, 15);
    }

    [Fact]
    public async Task SparseSweepsInTwoProcessesStoreTheSameKeysAndTheSameResults()
    {
        using var folder = new TempFolder();
        var clock = Stopwatch.StartNew();
        var (a, b) = await TwoWorkers("--sparse-sweeps", folder);
        output.WriteLine($"an OMP recovery sweep and an ℓ1 phase diagram in two processes: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(a.Lines, b.Lines);
        Assert.Equal(2, a.Keys.Count);

        var x = new RunStore(a.Store);
        var y = new RunStore(b.Store);
        AssertSameRuns(x, y, a.Keys);
        foreach (var key in a.Keys)
        {
            var (typeX, jsonX) = StoredResult(a.Store, key);
            var (typeY, jsonY) = StoredResult(b.Store, key);
            Assert.Equal(typeX, typeY);
            Assert.Equal(Normalised(jsonX), Normalised(jsonY)); // the stored text, number for number, but the wall time
            AssertSameFiles(x.RunFolder(key), y.RunFolder(key), expectedCount: 1);
        }
    }

    /// <summary>The sweeps with a thread-count setting (<c>MaxDegreeOfParallelism</c>), each small, as (name, run at n threads).</summary>
    public static readonly IReadOnlyList<(string Name, Func<int, object> Run)> ThreadedSweeps =
    [
        ("phase diagram, ℓ1",
            n => new PhaseDiagramSweep([0.3, 0.6], [0.2, 0.5, 0.8], N: 40, Trials: 4, Seed: 9, Method: PhaseDiagramMethod.L1,
                MaxDegreeOfParallelism: n).Run()),
        ("phase diagram, OMP",
            n => new PhaseDiagramSweep([0.3, 0.6], [0.2, 0.5, 0.8], N: 40, Trials: 4, Seed: 9, Method: PhaseDiagramMethod.Omp,
                MaxDegreeOfParallelism: n).Run()),
        ("OMP recovery",
            n => new OmpRecoverySweep(M: 30, N: 60, SharedWeights: [0, 0.5], Sparsities: [2, 5, 10], SnrsDb: [double.PositiveInfinity, 20],
            Trials: 4, Seed: 9, MaxDegreeOfParallelism: n).Run()),
        ("OMP in a network's dictionary",
            n => new NetworkDictionarySweep(new DenseNetworks(RunStoreTests.Tiny(), RunStoreTests.Data, [3, 4]), LeNetLayer.Fc2, Inputs: 20,
                Sparsities: [1, 2, 3], SnrsDb: [double.PositiveInfinity, 10], Trials: 6, Seed: 5, MaxDegreeOfParallelism: n).Run()),
        ("teacher recovery",
            n => new TeacherRecoverySweep(N: 30, K: 3, Samples: [6, 12, 18, 30], Trials: 4, Seed: 9, MaxDegreeOfParallelism: n).Run()),
        ("network teacher", n => NetworkTeacherTests.Tiny(n).Run()),
        ("design comparison",
            n => new DesignComparisonSweep(Rows: 12, Columns: 3, SubsetSizes: [3, 5, 8], Trials: 4, Seed: 9, MaxDegreeOfParallelism: n,
                RandomDraws: 3).Run()),
        ("unit selection",
            n => new UnitSelectionSweep(new DenseNetworks(new LotteryHparams
            {
                Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 12 }, Training = new TrainingHparams { Epochs = 1, EvalEvery = 5 },
            }, RunStoreTests.Data, [1]), LeNetLayer.Fc2, [3, 5], Components: 3, RandomDraws: 4, Seed: 9, MaxDegreeOfParallelism: n,
                RefitDraws: 2).Run()),
    ];

    public static TheoryData<string> ThreadedSweepNames() => [.. ThreadedSweeps.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ThreadedSweepNames))]
    public void EveryParallelSweepGivesTheSameBitsAtOneAndTwoThreads(string name)
    {
        var run = ThreadedSweeps.Single(s => s.Name == name).Run;
        var clock = Stopwatch.StartNew();
        string one = Normalised(JsonSerializer.Serialize(run(1), ResultJson));
        string two = Normalised(JsonSerializer.Serialize(run(2), ResultJson));
        output.WriteLine($"{name} at 1 and 2 threads: {clock.Elapsed.TotalSeconds:F2} s, {one.Length} characters of JSON");
        Assert.Equal(one, two);
    }

    // As the run store writes results (System.Text.Json writes each double in its shortest round-trip form, so equal
    // text is equal bits, NaN and ±∞ included).
    private static readonly JsonSerializerOptions ResultJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The JSON text with the wall time and the thread count (execution, not result) taken out, at any depth.</summary>
    private static string Normalised(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                o.Remove("ElapsedSeconds");
                o.Remove("MaxDegreeOfParallelism");
                foreach (var (_, child) in o) Strip(child);
            }
            else if (n is JsonArray a)
                foreach (var child in a) Strip(child);
        }
    }

    internal static string WithoutWallTime(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("wall_seconds");
        return node.ToJsonString();
    }

    /// <summary>Both stores hold exactly <paramref name="keys"/>, complete, with the same rows (but the times).</summary>
    private static void AssertSameRuns(RunStore x, RunStore y, IReadOnlyList<string> keys)
    {
        Assert.Equal(keys.Order(), x.Runs().Select(r => r.Key).Order());
        Assert.Equal(keys.Order(), y.Runs().Select(r => r.Key).Order());
        foreach (var key in keys)
        {
            var (rx, ry) = (x.FindRun(key)!, y.FindRun(key)!);
            Assert.Equal("complete", rx.Status);
            Assert.Equal((rx.Kind, rx.ParametersJson, rx.LibraryVersion, rx.Seed, rx.Status),
                (ry.Kind, ry.ParametersJson, ry.LibraryVersion, ry.Seed, ry.Status));
        }
    }

    /// <summary>The same files (but the lock file) in both run folders, byte for byte.</summary>
    private static void AssertSameFiles(string x, string y, int expectedCount)
    {
        List<string> Files(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Where(f => f != ".lock").Order(StringComparer.Ordinal).ToList();
        var files = Files(x);
        Assert.Equal(files, Files(y));
        Assert.Equal(expectedCount, files.Count);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(x, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(y, file))),
                $"{file} differs byte for byte between the two processes' stores");
    }

    /// <summary>A sweep's stored result row, read as the store wrote it: the result type and its JSON text.</summary>
    private static (string Type, string Json) StoredResult(string database, string key)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly,
            Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT type, value FROM results WHERE key = $k;";
        cmd.Parameters.AddWithValue("$k", key);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read(), $"no stored result for {key}");
        return (r.GetString(0), r.GetString(1));
    }

    private sealed record Worker(string Store, IReadOnlyList<string> Lines)
    {
        public IReadOnlyList<string> Keys => Lines.Where(l => l.StartsWith("key ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
    }

    /// <summary>The worker in <paramref name="mode"/> run twice at once, into two stores.</summary>
    private static async Task<(Worker A, Worker B)> TwoWorkers(string mode, TempFolder folder)
    {
        var both = await Task.WhenAll(RunWorker(mode, folder["a/runs.db"]), RunWorker(mode, folder["b/runs.db"]));
        return (both[0], both[1]);
    }

    private static async Task<Worker> RunWorker(string mode, string store)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ResumeAfterKillTests.WorkerDll());
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(store);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line) lines.Add(line);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"worker {mode} exited with {process.ExitCode}: {await stderr}");
        Assert.Equal("done", lines[^1].Split(' ')[0]);
        return new Worker(store, lines);
    }
}
