namespace LotteryTickets.Tests.Interactive;

/// <summary>
/// The findings' sentences, pinned character for character on small hand-built results: the text moved from the
/// result records to the notebook layer unchanged (these strings are what the records printed before the move).
/// </summary>
public class FindingsTests
{
    private static readonly LotteryHparams Tiny = new()
    {
        Model = new LeNetHparams { Hidden1 = 12, Hidden2 = 8, ImageSize = 4, Classes = 4 },
        Training = new TrainingHparams { BatchSize = 6, Epochs = 1, EvalEvery = 0 },
    };

    private static TicketExperimentResult Result()
    {
        var point = new TicketCurvePoint(0, 100, 90, 0, 10, 0, 1);
        var ticket = new TicketCurve(TicketSeries.Ticket, [point, new TicketCurvePoint(1, 80, 91, 0, 10, 0, 1)]);
        var control = new TicketCurve(TicketSeries.RandomReinit, [new TicketCurvePoint(1, 80, 85, 0, 10, 0, 1)]);
        return new TicketExperimentResult(Tiny, [1], ticket, control, control, [new SparsityReport([new SparsityRow("fc1.weight", 320, 320)])], 1.0);
    }

    private static readonly TimingSummary Timing = new(0.01, 0.01, 0.01, 3);

    private static string Text(IReadOnlyList<string> lines) => string.Join("\n", lines);

    [Fact]
    public void TicketExperiment() => Assert.Equal("""
        Dense LeNet: 90.00 % test accuracy at its early-stop iteration (mean of 1 seed(s)).
        The ticket stays within 0.5 point of dense accuracy (or above it) down to 80.0 % of weights remaining (91.00 %).
        At 80.0 % remaining: ticket 91.00 %, random re-init 85.00 % (ticket − re-init = +6.00 points), random mask 85.00 %.
        Best pruned ticket: 91.00 % at 80.0 % remaining; early stop moved from iteration 10 (dense) to 10 (sparsest).
        Wall time: 1 s for 1 seed(s) × (2 IMP levels + 2 control(s)).
        """, Text(Result().Findings()));

    [Fact]
    public void Comparisons()
    {
        Assert.Equal(Text([
            "Dense network: 90.00 % (structured run's level 0: 90.00 %), mean of 1 seed(s).",
            "Within 1 point of dense down to: unstructured ticket 80.0 %, unstructured re-init not even the first level, structured ticket 80.0 %, " +
                "structured re-init not even the first level of the weights.",
            "At 80.0 % of the weights (the sparsest structured level): unstructured ticket 91.00 %, structured ticket 91.00 %, structured re-init " +
                "85.00 %.",
            "Ticket − re-init, mean over levels: structured +6.00 points (largest +6.00), unstructured +6.00 points (largest +6.00). Liu et al. " +
                "predict ≈ 0 for the structured architecture; the unstructured gap is Frankle & Carbin's.",
            "Unstructured − structured ticket at equal weights, mean over 1 levels: +0.00 points (at the sparsest: +0.00).",
            ]), Text(new StructuredComparison(Result(), Result()).Findings()));
    }

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
