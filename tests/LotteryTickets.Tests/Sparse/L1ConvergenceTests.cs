namespace LotteryTickets.Tests.Sparse;

public class L1ConvergenceTests
{
    private static L1ConvergenceSweep Small() => new(M: 30, N: 60, K: 4, SnrDb: 20, LambdaRatio: 0.1, Problems: 2, Seed: 5, MaxIterations: 20_000);

    [Fact]
    public void AllSolversReachTheSameOptimum()
    {
        var progress = new SyncProgress<ExperimentProgress>();
        var r = Small().Run(new ExperimentContext { Progress = progress });
        Assert.Equal(6, r.Traces.Length);
        Assert.Equal(2, progress.Reports.Count); // one report per problem (the three solvers of a problem are one unit)
        Assert.Equal(new ExperimentProgress(2, 2, "problems"), progress.Reports[^1]);
        foreach (var t in r.Traces)
        {
            Assert.True(t.Converged, $"{t.Algorithm} on problem {t.Problem}");
            Assert.True(r.RelativeGaps(t)[^1] <= 1e-7, $"{t.Algorithm}: {r.RelativeGaps(t)[^1]}");
            Assert.Equal(t.Objective.Length, t.Seconds.Length);
        }
        for (int p = 0; p < 2; p++)
            Assert.Equal(r.Traces.Where(t => t.Problem == p).Min(t => t.Objective.Min()), r.BestObjective[p]);
        // ISTA with step 1/L is a descent method: its objective never goes up.
        foreach (var t in r.TracesOf(L1Algorithm.Ista))
            for (int i = 1; i < t.Objective.Length; i++) Assert.True(t.Objective[i] <= t.Objective[i - 1] + 1e-12);
        var (its, gaps) = r.MedianGapByIteration(L1Algorithm.Ista);
        Assert.Equal(r.TracesOf(L1Algorithm.Ista).Max(t => t.Objective.Length), its.Length);
        Assert.All(gaps, g => Assert.True(g >= L1ConvergenceResult.GapFloor));
        var (secs, _) = r.MedianGapBySeconds(L1Algorithm.Fista, 20);
        Assert.Equal(20, secs.Length);
        Assert.True(r.MedianIterationsTo(L1Algorithm.ProximalNewton, 1e-6) <= r.MedianIterationsTo(L1Algorithm.Ista, 1e-6));
    }

    [Fact]
    public void RelativeGapIsMeasuredAgainstTheBestObjective()
    {
        var trace = new L1ConvergenceTrace(L1Algorithm.Ista, 0, [0, 1, 2], [3, 2.5, 2], true, 1);
        var r = new L1ConvergenceResult(Small(), [2.0], [trace], 0);
        Assert.Equal([0.5, 0.25, L1ConvergenceResult.GapFloor], r.RelativeGaps(trace));
        Assert.Equal(1, r.MedianIterationsTo(L1Algorithm.Ista, 0.3));
        Assert.Null(r.MedianIterationsTo(L1Algorithm.Ista, 1e-20));
    }

    [Fact]
    public void ObjectivesAreDeterministicAndRoundTripThroughTheRunStore()
    {
        using var folder = new TempFolder();
        var o = Small() with { Problems = 1 };
        var key = o.Key(Budget.Quick);
        Assert.Equal(RunKey.For(ExperimentKinds.L1Convergence, o, ("budget", "quick")), key);
        var first = o.Run(new ExperimentContext { Store = new RunStore(folder["runs.db"]), Budget = Budget.Quick });
        var loaded = new RunStore(folder["runs.db"]).LoadResult<L1ConvergenceResult>(key)!;
        var again = o.Run();
        for (int i = 0; i < first.Traces.Length; i++)
        {
            Assert.Equal(first.Traces[i].Objective, again.Traces[i].Objective);
            Assert.Equal(first.Traces[i].Objective, loaded.Traces[i].Objective);
            Assert.Equal(first.Traces[i].Algorithm, loaded.Traces[i].Algorithm);
        }
    }

    [Fact]
    public void KAboveNThrowsNamingK() =>
        Assert.Equal("K", Assert.ThrowsAny<ArgumentException>(() => (Small() with { K = 61 }).Run()).ParamName);
}
