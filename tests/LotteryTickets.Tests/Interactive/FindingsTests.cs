namespace LotteryTickets.Tests.Interactive;

/// <summary>
/// The findings' sentences that notebooks still print (speed, race, the sparse-recovery sweeps), pinned character for
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

    [Fact]
    public void SparseRecovery()
    {
        var omp = new OmpRecoveryResult(new OmpRecoverySweep(4, 8, [0.0], [1], [20.0], 1, 1, SignalKind.Signed, null),
            [0.3], [0.4], [[[1.0]]], [[[1.0]]], [[1]], [[0]], 0.1);
        Assert.Equal("""
            4×8 dictionaries, 1 trials per cell, 0.1 s.
            s = 0.00: μ = 0.300 (max 0.400), guarantee k < 2.17; ≥ 90 % exact recovery up to 20 dB → k ≤ 1; 1 guaranteed trials, 0 failed.
            """, Text(omp.Findings()));
        double[] two = [1.0, 0.5];
        var path = new L1PathSweepResult(new L1PathSweep(10, 20, 2, 20, 10, 0.1, 1, 1, 0.2, L1Algorithm.Fista, 1e-8, 5000),
            two, two, two, two, two, two, two, two, two, two, [20, 16], two, 0.1);
        Assert.Equal("""
            1 problems, A 10×20, ticket k = 2, SNR 20 dB; 10 λ from λ_max to 0.1·λ_max; 0.1 s.
            Support grows from 1 to 0.5 atoms along the path.
            Iterative magnitude pruning (refit, drop 20 %, repeat) keeps 50 % of the ticket at 16 atoms (level 1).
            Warm starts: 2 iterations / 1.50 s for the whole path, against 2 / 1.50 s from 0 (mean per problem).
            """, Text(path.Findings()));
    }
}
