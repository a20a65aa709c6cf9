using System.Diagnostics;
using System.Text.Json.Nodes;
using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Tests.Support;
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
        string resumed = folder["resumed/runs.db"], fresh = folder["fresh/runs.db"];

        // 1. Kill the writer after at least two levels are stored.
        var clock = Stopwatch.StartNew();
        var first = await RunWorker(resumed, killAfterSaved: 2);
        output.WriteLine($"killed after {first.Saved} saved levels ({clock.Elapsed.TotalSeconds:F1} s)");
        Assert.True(first.Done is null, "the worker finished before the test could kill it: make its levels longer");
        var afterKill = new RunStore(resumed);
        string key = Assert.Single(afterKill.Runs()).Key;
        Assert.Equal("running", afterKill.FindRun(key)!.Status);
        var storedAfterKill = afterKill.StoredLevels(key);
        Assert.InRange(storedAfterKill.Count, 2, AllLevels - 1);

        // 2. Every file a kill can leave behind is either complete or a temporary file that no row names.
        var named = storedAfterKill.Select(l => afterKill.LoadLevel(key, l.Series, l.Level)!).ToList();
        named.ForEach(l => l.Mask.Dispose());
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(resumed)!, "*", SearchOption.AllDirectories))
        {
            if (file.Contains(".tmp-")) continue;
            if (file.EndsWith(".mask")) Mask.Load(file).Dispose();
            else if (file.EndsWith(".weights")) WeightSnapshot.Load(file).Dispose();
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
            using (x.Mask)
            using (y.Mask)
            {
                Assert.True(x.Mask.ContentEquals(y.Mask), $"{series} level {level}: masks differ");
                RunStoreTests.AssertSameLevel(x, y, sameWallTime: false);
                Assert.Equal(WithoutWallTime(a.MetricsJson(key, series, level)!), WithoutWallTime(b.MetricsJson(key, series, level)!));
            }
            using var wx = a.LoadTrainedWeights(key, series, level);
            using var wy = b.LoadTrainedWeights(key, series, level);
            Assert.Equal(series == TicketSeries.Ticket, wx is not null);
            if (wx is not null) Assert.True(wx.ContentEquals(wy), $"{series} level {level}: trained weights differ");
        }
    }

    private sealed record WorkerRun(int ExitCode, int Saved, string? Done);

    private async Task<WorkerRun> RunWorker(string store, int? killAfterSaved = null)
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
            if (killAfterSaved is { } k && saved >= k)
            {
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
                var store = new RunStore(path);
                foreach (var run in store.Runs())
                    foreach (var (series, level) in store.StoredLevels(run.Key))
                    {
                        var l = store.LoadLevel(run.Key, series, level)!;
                        using (l.Mask) Assert.Equal(l.Sparsity.Total.Kept, l.Mask.KeptCount);
                        JsonNode.Parse(store.MetricsJson(run.Key, series, level)!);
                    }
                passes++;
            }
            Thread.Sleep(20);
        }
        return passes;
    }

    private static string WithoutWallTime(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("wall_seconds");
        return node.ToJsonString();
    }

    /// <summary>The worker's build output beside this test assembly's (same configuration).</summary>
    private static string WorkerDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // …/LotteryTickets.Tests/bin/<config>/<tfm>
        string tfm = bin.Name, config = bin.Parent!.Name;
        var tests = bin.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "LotteryTickets.ResumeWorker", "bin", config, tfm, "LotteryTickets.ResumeWorker.dll");
        Assert.True(File.Exists(dll), $"build tests/LotteryTickets.ResumeWorker first: {dll} is missing");
        return dll;
    }
}
