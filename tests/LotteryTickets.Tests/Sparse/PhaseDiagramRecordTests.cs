using System.Text.Json;
using LotteryTickets.Experiments;
using LotteryTickets.Sparse;

namespace LotteryTickets.Tests.Sparse;

public class PhaseDiagramRecordTests
{
    [Fact]
    public void RecordRoundTripsThroughJsonAndBackToTheSameGrid()
    {
        var r = PhaseDiagram.Run(new PhaseDiagramOptions([0.3, 0.6], [0.1, 0.5, 0.9], N: 30, Trials: 3, Seed: 7, Method: PhaseDiagramMethod.Omp));
        var json = JsonSerializer.Serialize(r.ToRecord());
        var back = PhaseDiagramResult.FromRecord(JsonSerializer.Deserialize<PhaseDiagramRecord>(json)!);
        Assert.Equal(r.SuccessFractions(), back.SuccessFractions());
        Assert.Equal(r.Measurements, back.Measurements);
        Assert.Equal(r.Options.Deltas, back.Options.Deltas);
        Assert.Equal(PhaseDiagramMethod.Omp, back.Options.Method);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(r.Sparsity(i, j), back.Sparsity(i, j));
    }

    [Fact]
    public void RecordOfTheWrongShapeIsRefused()
    {
        var o = new PhaseDiagramOptions([0.5], [0.1, 0.2], N: 10, Trials: 1, Seed: 1);
        var bad = new PhaseDiagramRecord(o, [5], [[0, 1]], [[1.0]], 0);
        Assert.Equal("Success", Assert.ThrowsAny<ArgumentException>(() => PhaseDiagramResult.FromRecord(bad)).ParamName);
        Assert.Equal("Measurements", Assert.ThrowsAny<ArgumentException>(() => PhaseDiagramResult.FromRecord(bad with { Measurements = [] })).ParamName);
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(5, 50)]
    [InlineData(10, 100)]
    [InlineData(20, 200)]
    [InlineData(50, 50)]
    public void MinimumSamplesIsTheFirstRecoverableMByBruteForce(int k, int n)
    {
        int brute = Enumerable.Range(Math.Max(k, 1), n - Math.Max(k, 1) + 1).FirstOrDefault(m => PhaseTransition.Predict(k, m, n).Recoverable, n);
        Assert.Equal(brute, PhaseTransition.MinimumSamples(k, n));
        Assert.Equal("k", Assert.ThrowsAny<ArgumentException>(() => PhaseTransition.MinimumSamples(n + 1, n)).ParamName);
    }

    [Fact]
    public void PresetsAreValidAndFollowTheBudget()
    {
        var quick = RecoveryPresets.PhaseGrid(Budget.Quick);
        var full = RecoveryPresets.PhaseGrid(Budget.Full);
        Assert.Equal((9, 9, 50), (quick.Deltas.Count, quick.Rhos.Count, quick.N));
        Assert.Equal((19, 9, 100), (full.Deltas.Count, full.Rhos.Count, full.N));
        var teacher = RecoveryPresets.Teacher(Budget.Full);
        Assert.Equal((200, 20, 200), (teacher.N, teacher.K, teacher.Samples[^1]));
    }
}
