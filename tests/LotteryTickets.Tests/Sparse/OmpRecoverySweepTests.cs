namespace LotteryTickets.Tests.Sparse;

public class OmpRecoverySweepTests
{
    private static OmpRecoverySweep Small(int seed = 3) =>
        new(M: 40, N: 60, SharedWeights: [0, 0.5], Sparsities: [1, 3, 12], SnrsDb: [double.PositiveInfinity, 10], Trials: 6, Seed: seed);

    [Theory]
    [InlineData(1.0 / 3, 2.0, 1)]   // (1 + 3)/2 = 2: k = 1 only (strict inequality)
    [InlineData(0.2, 3.0, 2)]
    [InlineData(0.15, 23.0 / 6, 3)]
    public void GuaranteeIsTheClosedForm(double mu, double bound, int maxK)
    {
        Assert.Equal(bound, CoherenceGuarantee.SparsityBound(mu), 12);
        Assert.Equal(maxK, CoherenceGuarantee.MaxGuaranteedSparsity(mu));
        Assert.True(CoherenceGuarantee.Covers(maxK, mu));
        Assert.False(CoherenceGuarantee.Covers(maxK + 1, mu));
        Assert.Equal("mu", Assert.ThrowsAny<ArgumentException>(() => CoherenceGuarantee.SparsityBound(1.5)).ParamName);
    }

    [Fact]
    public void NoiselessTicketsBelowTheCoherenceGuaranteeAreAlwaysRecovered()
    {
        // Tall dictionaries have μ ≈ 0.3–0.4, so the guarantee covers k = 1 and often k = 2: every such noiseless trial must succeed.
        var o = new OmpRecoverySweep(M: 200, N: 220, SharedWeights: [0, 0.05], Sparsities: [1, 2, 3], SnrsDb: [double.PositiveInfinity],
            Trials: 8, Seed: 11);
        var r = o.Run();
        for (int w = 0; w < 2; w++)
        {
            Assert.True(r.MaxCoherence[w] < 0.5, $"μ = {r.MaxCoherence[w]}");
            Assert.True(r.GuaranteedTrials[w][0] > o.Trials);   // k = 1 in every trial, k = 2 in most
            Assert.Equal(0, r.GuaranteedFailures[w][0]);
            Assert.Equal(1.0, r.ExactRecovery[w][0][0]);
            Assert.Equal(1.0, r.ExactRecovery[w][1][0]);
        }
    }

    [Fact]
    public void CoherenceRisesWithTheSharedWeightAndMatchesADirectComputation()
    {
        var o = Small() with { Trials = 1, SharedWeights = [0, 0.5, 0.9] };
        var r = o.Run();
        Assert.True(r.MeanCoherence[0] < r.MeanCoherence[1] && r.MeanCoherence[1] < r.MeanCoherence[2]);
        // Brute force: the trial's dictionary rebuilt from the documented seed, its coherence by all pairs.
        var a = Dictionaries.Correlated(40, 60, 0.9, SplitMix64.Derive(o.Seed, 0, -1, 0));
        double mu = 0;
        for (int i = 0; i < 60; i++)
            for (int j = i + 1; j < 60; j++)
                mu = Math.Max(mu, Math.Abs(a.Column(i).DotProduct(a.Column(j))));
        Assert.Equal(mu, r.MeanCoherence[2], 10);
    }

    [Fact]
    public void SameSeedGivesTheSameSweepSerialOrParallel()
    {
        var progress = new SyncProgress<ExperimentProgress>();
        var serial = (Small() with { MaxDegreeOfParallelism = 1 }).Run(new ExperimentContext { Progress = progress });
        var parallel = Small().Run();
        Assert.Equal(serial.ExactRecovery, parallel.ExactRecovery);
        Assert.Equal(serial.AtomsFound, parallel.AtomsFound);
        Assert.Equal(serial.MeanCoherence, parallel.MeanCoherence);
        Assert.Equal(12, progress.Reports.Count);
        Assert.Equal(new ExperimentProgress(12, 12, "dictionaries"), progress.Reports[^1]);
        Assert.Equal(Enumerable.Range(1, 12), progress.Reports.Select(p => p.Completed)); // serial: in order, one per unit
        // k = 1 noiseless is always exact (μ < 1); 12 atoms in 40 rows at 10 dB is not.
        Assert.Equal(1.0, serial.ExactRecovery[0][0][0]);
        Assert.True(serial.ExactRecovery[0][2][1] < 1.0);
        Assert.NotEqual(serial.MeanCoherence, Small(seed: 4).Run().MeanCoherence);
    }

    [Fact]
    public void SparsityAboveMThrowsNamingSparsities() =>
        Assert.Equal("Sparsities", Assert.ThrowsAny<ArgumentException>(() => (Small() with { Sparsities = [41] }).Run()).ParamName);

    [Fact]
    public void ResultRoundTripsThroughTheRunStore()
    {
        using var folder = new TempFolder();
        var o = Small();
        var key = o.Key(Budget.Quick);
        Assert.Equal(RunKey.For(ExperimentKinds.OmpRecovery, o, ("budget", "quick")), key);
        var first = o.Run(new ExperimentContext { Store = new RunStore(folder["runs.db"]), Budget = Budget.Quick });
        var loaded = new RunStore(folder["runs.db"]).LoadResult<OmpRecoveryResult>(key)!;
        Assert.Equal(first.ExactRecovery, loaded.ExactRecovery);
        Assert.Equal(first.GuaranteedFailures, loaded.GuaranteedFailures);
        Assert.Equal(double.PositiveInfinity, loaded.Options.SnrsDb[0]);
        Assert.Equal(first.AtomsFound, loaded.AtomsFound);
    }
}
