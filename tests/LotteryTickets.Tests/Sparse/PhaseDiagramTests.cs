namespace LotteryTickets.Tests.Sparse;

public class PhaseDiagramTests
{
    private static PhaseDiagramSweep Small(PhaseDiagramMethod method, int seed = 42) =>
        new([0.3, 0.6], [0.1, 0.9], N: 40, Trials: 6, Seed: seed, Method: method);

    [Theory]
    [InlineData(PhaseDiagramMethod.L1)]
    [InlineData(PhaseDiagramMethod.Omp)]
    public void SameSeedGivesTheSameGridSerialOrParallel(PhaseDiagramMethod method)
    {
        var progress = new SyncProgress<ExperimentProgress>();
        var parallel = Small(method).Run(new ExperimentContext { Progress = progress });
        var serial = (Small(method) with { MaxDegreeOfParallelism = 1 }).Run();
        Assert.Equal(parallel.SuccessFractions(), serial.SuccessFractions());
        Assert.Equal(4, progress.Reports.Count);
        Assert.Equal([12, 24], parallel.Measurements);
        // Far below the transition everything succeeds; far above nothing does.
        Assert.Equal(1.0, parallel.SuccessFraction(1, 0));
        Assert.Equal(0.0, parallel.SuccessFraction(0, 1));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void L1DiagramFollowsTheTheoreticalCurve()
    {
        var o = new PhaseDiagramSweep([0.5], [0.25, 0.55], N: 200, Trials: 20, Seed: 1);
        var r = o.Run();
        Assert.True(r.SuccessFraction(0, 0) >= 0.9);
        Assert.True(r.SuccessFraction(0, 1) <= 0.1);
    }
}
