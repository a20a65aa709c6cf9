using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Experiments;

/// <summary>
/// The run store across processes: tests/LotteryTickets.ResumeWorker runs a tiny TicketExperiment (4 levels: 13 stored
/// levels) into a store; it is killed mid-run, restarted, and compared with an uninterrupted run.
/// </summary>
public class ResumeAfterKillTests(ITestOutputHelper output)
{
    private const int Levels = 4, AllLevels = 3 * Levels + 1;

    [Fact]
    public async Task AKilledRunResumesToTheUninterruptedResultWhileAReaderReadsConcurrently()
    {
        using var folder = new TempFolder();
        string fresh = folder["fresh/runs.db"];

        // 1. Kill the writer after at least two levels are stored. On a loaded machine the worker can store every level
        // before the kill lands (its lines wait in the pipe while this process is starved): such a try kills nothing, so
        // it is repeated on a fresh store, five tries at most.
        var clock = Stopwatch.StartNew();
        string resumed;
        WorkerRun first;
        RunStore afterKill;
        string key;
        int tries = 0;
        do
        {
            resumed = folder[$"resumed-{tries++}/runs.db"];
            first = await RunWorker(resumed, killAfterSaved: 2);
            afterKill = new RunStore(resumed);
            key = Assert.Single(afterKill.Runs()).Key;
        }
        while (afterKill.FindRun(key)!.Status == "complete" && tries < 5);
        output.WriteLine($"killed after {first.Saved} saved levels ({clock.Elapsed.TotalSeconds:F1} s, try {tries})");
        Assert.True(first.Done is null, "the worker finished before the test could kill it: make its levels longer");
        Assert.Equal("running", afterKill.FindRun(key)!.Status);
        var storedAfterKill = afterKill.StoredLevels(key);
        Assert.InRange(storedAfterKill.Count, 2, AllLevels - 1);

        // 2. Every file a kill can leave behind is either complete or a temporary file that no row names.
        var named = storedAfterKill.Select(l => afterKill.LoadLevel(key, l.Series, l.Level)!).ToList();
        Assert.All(named, l => Assert.Equal(l.Sparsity.Total.Kept, l.Mask.KeptCount));
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(resumed)!, "*", SearchOption.AllDirectories))
        {
            if (file.Contains(".tmp-")) continue;
            if (file.EndsWith(".mask")) Mask.Load(file);
            else if (file.EndsWith(".weights")) WeightSnapshot.Load(file);
        }

        // 3. Restart: only the missing levels are trained.
        var second = await RunWorker(resumed);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(AllLevels - storedAfterKill.Count, second.Saved);
        Assert.Equal("complete", afterKill.FindRun(key)!.Status);

        // 4. An uninterrupted run into a fresh store, with a reader polling it from this process meanwhile.
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() => ReadInALoop(fresh, stop.Token));
        var third = await RunWorker(fresh);
        stop.Cancel();
        int reads = await reader;
        output.WriteLine($"reader: {reads} passes over the store without an error; total {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(0, third.ExitCode);
        Assert.Equal(AllLevels, third.Saved);
        Assert.True(reads > 0);

        // 5. Identical masks, trained weights and metrics (all but the wall time).
        Assert.Equal(third.Done, second.Done);
        var a = new RunStore(resumed);
        var b = new RunStore(fresh);
        Assert.Equal(key, Assert.Single(b.Runs()).Key);
        var levels = b.StoredLevels(key);
        Assert.Equal(AllLevels, levels.Count);
        Assert.Equal(levels, a.StoredLevels(key));
        foreach (var (series, level) in levels)
        {
            var x = a.LoadLevel(key, series, level)!;
            var y = b.LoadLevel(key, series, level)!;
            Assert.True(x.Mask.ContentEquals(y.Mask), $"{series} level {level}: masks differ");
            RunStoreTests.AssertSameLevel(x, y, sameWallTime: false);
            Assert.Equal(WithoutWallTime(a.MetricsJson(key, series, level)!), WithoutWallTime(b.MetricsJson(key, series, level)!));
            var wx = a.LoadTrainedWeights(key, series, level);
            var wy = b.LoadTrainedWeights(key, series, level);
            Assert.Equal(series == TicketSeries.Ticket, wx is not null);
            if (wx is not null) Assert.True(wx.ContentEquals(wy), $"{series} level {level}: trained weights differ");
        }
    }

    /// <summary>Kills survived per CI run by <see cref="ManyKillsAtSeededPointsAllResumeToTheUninterruptedResult"/>.</summary>
    public const int Kills = 20;

    [Fact]
    public async Task ManyKillsAtSeededPointsAllResumeToTheUninterruptedResult()
    {
        // The kill points come from a seed (LOTTERY_KILL_SEED replays a failing schedule; the test prints it).
        int seed = int.TryParse(Environment.GetEnvironmentVariable("LOTTERY_KILL_SEED"), out var s) ? s : Environment.TickCount & 0xFFFF;
        output.WriteLine($"kill schedule: LOTTERY_KILL_SEED={seed}");
        var random = new Random(seed);
        using var folder = new TempFolder();
        string reference = folder["reference/runs.db"];
        var uninterrupted = await RunWorker(reference);
        Assert.Equal(0, uninterrupted.ExitCode);

        int kills = 0, stores = 0;
        while (kills < Kills)
        {
            string path = folder[$"killed-{stores++}/runs.db"];
            int restarts = 0;
            while (true)
            {
                // Kill after 0–2 more levels are saved plus 0–250 ms: during training, during a save, or at a start.
                var run = await RunWorker(path, killAfterSaved: random.Next(0, 3), extraDelayMs: random.Next(0, 250));
                if (run.Done is not null) { Assert.Equal(0, run.ExitCode); break; }
                kills++;
                Assert.True(++restarts < 4 * AllLevels, $"store {stores}: no progress after {restarts} kills (seed {seed})");
                if (File.Exists(path)) ReadEveryLevel(new RunStore(path), weights: true); // nothing half-written
            }
            AssertSameStoredFiles(reference, path, $"store {stores} after {restarts} kills (seed {seed})");
        }
        output.WriteLine($"{kills} kills over {stores} stores, every one resumed to the uninterrupted result");
    }

    /// <summary>Trials of two processes asking for one run at once, per CI run.</summary>
    public const int ConcurrentTrials = 3;

    [Fact]
    public async Task TwoProcessesAskingForTheSameRunAtOnceBothGetTheResultAndItIsStoredOnce()
    {
        using var folder = new TempFolder();
        string reference = folder["reference/runs.db"];
        var uninterrupted = await RunWorker(reference);
        for (int trial = 0; trial < ConcurrentTrials; trial++)
        {
            string shared = folder[$"shared-{trial}/runs.db"];
            var both = await Task.WhenAll(RunWorker(shared), RunWorker(shared));
            Assert.All(both, r => Assert.Equal(0, r.ExitCode));
            Assert.All(both, r => Assert.Equal(uninterrupted.Done, r.Done));
            Assert.Equal(AllLevels, both.Sum(r => r.Saved)); // one trained and stored every level, the other loaded them
            AssertSameStoredFiles(reference, shared, $"concurrent trial {trial}");
        }
    }

    /// <summary>Every level a row names loads (its mask, metrics and, with <paramref name="weights"/>, its trained weights).</summary>
    private static void ReadEveryLevel(RunStore store, bool weights)
    {
        foreach (var run in store.Runs())
            foreach (var (series, level) in store.StoredLevels(run.Key))
            {
                var l = store.LoadLevel(run.Key, series, level)!;
                Assert.Equal(l.Sparsity.Total.Kept, l.Mask.KeptCount);
                JsonNode.Parse(store.MetricsJson(run.Key, series, level)!);
                if (weights) store.LoadTrainedWeights(run.Key, series, level);
            }
    }

    /// <summary>The same levels with byte-identical mask and weight files and the same metrics but the wall time.</summary>
    private static void AssertSameStoredFiles(string expectedPath, string actualPath, string what)
    {
        var expected = new RunStore(expectedPath);
        var actual = new RunStore(actualPath);
        string key = Assert.Single(expected.Runs()).Key;
        Assert.Equal(key, Assert.Single(actual.Runs()).Key);
        Assert.Equal("complete", actual.FindRun(key)!.Status);
        Assert.Equal(expected.StoredLevels(key), actual.StoredLevels(key));
        foreach (var (series, level) in expected.StoredLevels(key))
            Assert.Equal(WithoutWallTime(expected.MetricsJson(key, series, level)!), WithoutWallTime(actual.MetricsJson(key, series, level)!));
        var files = Directory.EnumerateFiles(expected.RunFolder(key), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".mask", StringComparison.Ordinal) || f.EndsWith(".weights", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(expected.RunFolder(key), f)).Order().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(expected.RunFolder(key), file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(actual.RunFolder(key), file))), $"{what}: {file} differs byte for byte");
    }

    private sealed record WorkerRun(int ExitCode, int Saved, string? Done);

    private async Task<WorkerRun> RunWorker(string store, int? killAfterSaved = null, int extraDelayMs = 0)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WorkerDll());
        start.ArgumentList.Add(store);
        start.ArgumentList.Add(Levels.ToString());
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        int saved = 0;
        string? done = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("saved ")) saved++;
            if (line.StartsWith("done ")) done = line;
            if (killAfterSaved is { } k && saved >= k && line.StartsWith("saved ", StringComparison.Ordinal) || killAfterSaved == 0 &&
                line == "started")
            {
                if (extraDelayMs > 0) await Task.Delay(extraDelayMs);
                process.Kill(entireProcessTree: true);
                break;
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        if (killAfterSaved is null && process.ExitCode != 0) output.WriteLine(await stderr);
        return new WorkerRun(process.ExitCode, saved, done);
    }

    /// <summary>Reads every stored level (row, metrics, mask file) over and over; any exception fails the test.</summary>
    private static int ReadInALoop(string path, CancellationToken stop)
    {
        int passes = 0;
        while (!stop.IsCancellationRequested)
        {
            if (File.Exists(path))
            {
                ReadEveryLevel(new RunStore(path), weights: false);
                passes++;
            }
            Thread.Sleep(20);
        }
        return passes;
    }

    private static string WithoutWallTime(string json) => DeterminismTests.WithoutWallTime(json);

    /// <summary>The worker's build output beside this test assembly's (same configuration).</summary>
    internal static string WorkerDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // …/LotteryTickets.Tests/bin/<config>/<tfm>
        string tfm = bin.Name, config = bin.Parent!.Name;
        var tests = bin.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "LotteryTickets.ResumeWorker", "bin", config, tfm, "LotteryTickets.ResumeWorker.dll");
        Assert.True(File.Exists(dll), $"build tests/LotteryTickets.ResumeWorker first: {dll} is missing");
        return dll;
    }
}
