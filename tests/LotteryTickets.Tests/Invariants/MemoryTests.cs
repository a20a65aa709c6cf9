using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// Resident memory of long runs, measured in a child process (tests/LotteryTickets.ResumeWorker's --rss modes) so that
/// nothing else in the test host counts: after the first level (or batch) has warmed every allocator, the resident set
/// may not grow beyond a stated bound however many more levels (batches) follow. Tensors that escaped their
/// DisposeScope would grow it by the size of the weights per step.
/// </summary>
public class MemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// Growth allowed after level 1 over a 20-level IMP run of LeNet-300-100: measured 9 MB on 2026-12-02 (187 → 198 MB;
    /// without the trainer's per-batch DisposeScope the same readings were 196 → 214 MB, a forced collection before each
    /// reading hiding most of it); 11–15 MB in later runs of that day with the trainer's fused Adam, 9–10 MB with
    /// TorchSharp's Adam on the same machine — over 60 levels both climb alike (179 → 215 and 180 → 215 MB, ~0.5 MB a
    /// level: what the run keeps per level, its mask and report, plus allocator drift), so the bound is 20 MB. Leaking
    /// one copy of the weights (1.07 MB) per level would add ~20 MB to that and fail.
    /// </summary>
    public const long ImpBoundBytes = 20L << 20;

    /// <summary>
    /// Growth allowed after the first of ten batches of 1,000 OMP signals (A 64×256, k = 8): measured 12 MB
    /// (158 → 170 MB). Keeping each batch's results (~2.5 MB) alive would add ~22 MB and fail.
    /// </summary>
    public const long OmpBoundBytes = 24L << 20;

    [Fact]
    public async Task ATwentyLevelImpRunDoesNotGrowResidentMemoryAfterItsFirstLevel()
    {
        var rss = await Measure("--rss-imp", 20);
        Assert.Equal(21, rss.Count); // levels 0 … 20
        AssertBounded(rss, from: 1, ImpBoundBytes, "IMP level");
    }

    [Fact]
    public async Task ThousandSignalOmpBatchesDoNotGrowResidentMemoryAfterTheFirst()
    {
        var rss = await Measure("--rss-omp", 10);
        Assert.Equal(10, rss.Count);
        AssertBounded(rss, from: 0, OmpBoundBytes, "OMP batch");
    }

    private void AssertBounded(IReadOnlyList<long> rss, int from, long bound, string what)
    {
        output.WriteLine(string.Join(", ", rss.Select((b, i) => $"{what} {i}: {b / (1 << 20)} MB")));
        long growth = rss.Skip(from).Max() - rss[from];
        output.WriteLine($"growth after {what} {from}: {growth / 1024.0 / 1024.0:F1} MB (bound {bound >> 20} MB)");
        Assert.True(growth <= bound, $"resident memory grew by {growth / 1024.0 / 1024.0:F1} MB after {what} {from} (bound {bound >> 20} MB): " +
            string.Join(", ", rss.Select(b => $"{b / (1 << 20)} MB")));
    }

    private static async Task<List<long>> Measure(string mode, int count)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Experiments.ResumeAfterKillTests.WorkerDll());
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var rss = new List<long>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("rss ", StringComparison.Ordinal)) rss.Add(long.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        return rss;
    }
}
