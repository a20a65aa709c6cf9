namespace LotteryTickets.Tests.Interactive;

/// <summary>
/// The findings' sentences that notebooks still print (speed, race), pinned character for
/// character on small hand-built results. The ticket experiments' sentences gave way to the verdict tables.
/// </summary>
public class FindingsTests
{
    private static readonly TimingSummary Timing = new(0.01, 0.01, 0.01, 3);

    private static string Text(IReadOnlyList<string> lines) => string.Join("\n", lines);

    [Fact]
    public void SpeedAndRace()
    {
        var speed = new SpeedResult("lenet_300_100", 100, 100, 1, "cpu", null, [new PeakRate(64, 1e9)],
            [new SpeedRow(SpeedVariants.Dense, 0, 8, 100, 100, 10, Timing, Timing, Timing, Timing)], 1.0);
        Assert.Equal("""
            Machine: cpu; libtorch on 1 thread(s); measured peak 1.0 GFLOP/s (float32 matmul).
            Batch 8: dense training step 10.000 ms (η = 0.00), inference 10.000 ms.
            """, Text(speed.Findings()));
        var entry = new RaceEntry(SpeedVariants.Dense, 0, 100, 0, 100, true, 10, 0.01, 1, 1, 1, 1, 1);
        Assert.Equal("""
            Target 90.0 % validation accuracy. Dense: 0 steps × 10000.000 ms = 1.00 s of training steps (η = 1.00).
            Winner of the race on this machine: the dense network.
            """, Text(new RaceToTarget(0.9, 8, 1e9, entry, [entry]).Findings()));
    }
}
