using System.Text.Json;

namespace LotteryTickets.Tests.Sparse;

public class PhaseDiagramRecordTests
{
    private static PhaseDiagramSweep Grid() =>
        new([0.3, 0.6], [0.1, 0.5, 0.9], N: 30, Trials: 3, Seed: 7, Method: PhaseDiagramMethod.Omp);

    [Fact]
    public void ResultRoundTripsThroughTheRunStoreAndBackToTheSameGrid()
    {
        using var folder = new TempFolder();
        var sweep = Grid();
        var r = sweep.Run(new ExperimentContext { Store = new RunStore(folder["runs.db"]), Budget = Budget.Quick });
        var back = new RunStore(folder["runs.db"]).LoadResult<PhaseDiagramResult>(sweep.Key(Budget.Quick))!;
        Assert.NotNull(back);
        Assert.Equal(r.SuccessFractions(), back.SuccessFractions());
        Assert.Equal(r.Measurements, back.Measurements);
        Assert.Equal(r.Options.Deltas, back.Options.Deltas);
        Assert.Equal(r.Options.Rhos, back.Options.Rhos);
        Assert.Equal(PhaseDiagramMethod.Omp, back.Options.Method);
        Assert.Equal((r.Trials, r.ElapsedSeconds), (back.Trials, back.ElapsedSeconds));
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(r.Sparsity(i, j), back.Sparsity(i, j));
        // The settings that come back name the same run.
        Assert.Equal(sweep.Key(Budget.Quick), back.Options.Key(Budget.Quick));

        // A second run with the store loads the stored grid: nothing is computed (no progress), same numbers.
        var progress = new SyncProgress<ExperimentProgress>();
        var again = sweep.Run(new ExperimentContext { Store = new RunStore(folder["runs.db"]), Budget = Budget.Quick, Progress = progress });
        Assert.Empty(progress.Reports);
        Assert.Equal(r.SuccessFractions(), again.SuccessFractions());
        Assert.Equal(r.ElapsedSeconds, again.ElapsedSeconds);
    }

    [Fact]
    public void ResultHasTheShapeOfItsGridAfterAJsonRoundTrip()
    {
        var o = new PhaseDiagramSweep([0.5, 0.8], [0.2, 0.4, 0.6], N: 10, Trials: 1, Seed: 1);
        var r = o.Run();
        var back = JsonSerializer.Deserialize<PhaseDiagramResult>(JsonSerializer.Serialize(r))!;
        foreach (var x in new[] { r, back })
        {
            // One m per δ (m = max(1, round(δn))), one k per cell (k = round(ρm)), one success fraction per cell.
            Assert.Equal([5, 8], x.Measurements);
            Assert.Equal(2, x.CellSparsity.Length);
            Assert.Equal(2, x.CellSuccess.Length);
            Assert.All(x.CellSparsity, row => Assert.Equal(3, row.Length));
            Assert.All(x.CellSuccess, row => Assert.Equal(3, row.Length));
            Assert.Equal([1, 2, 3], x.CellSparsity[0]);
            Assert.Equal([2, 3, 5], x.CellSparsity[1]);
            Assert.Equal((2, 3), (x.SuccessFractions().GetLength(0), x.SuccessFractions().GetLength(1)));
            Assert.All(x.CellSuccess.SelectMany(v => v), v => Assert.InRange(v, 0, 1));
        }
        Assert.Equal(r.SuccessFractions(), back.SuccessFractions());
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
}
