using Plotly.NET;

namespace LotteryTickets.Tests.Interactive;

public class SparseFigureTests
{
    [Fact]
    public void RecoveryVsSparsityDrawsTheGuaranteeAsAVerticalLinePerCoherence()
    {
        var o = new OmpRecoverySweep(M: 30, N: 40, SharedWeights: [0, 0.5], Sparsities: [1, 2, 4], SnrsDb: [double.PositiveInfinity], Trials: 2,
            Seed: 1);
        var r = o.Run();
        var f = OmpFigures.RecoveryVsSparsity(r, 0);
        Assert.Equal("omp-recovery-vs-k-noiseless", f.Name);
        Assert.Equal(4, f.Series.Count);
        var line = f.Series[2];
        Assert.Equal([r.GuaranteeBound(0), r.GuaranteeBound(0)], line.X);
        Assert.Equal([0.0, 100.0], line.Y);
        var map = OmpFigures.CoherenceMap(r, 0);
        Assert.Equal(3, map.Z.Count);
        Assert.Contains("guarantee", map.ToCsv());
        Assert.Empty(OmpFigures.RecoveryVsSnr(r).Series[0].X);   // only finite SNRs are drawn
    }

    [Fact]
    public void ConvergenceFiguresUseLogAxes()
    {
        var r = new L1ConvergenceSweep(M: 20, N: 40, K: 3, SnrDb: 20, LambdaRatio: 0.2, Problems: 1, Seed: 2).Run();
        var f = L1Figures.GapByIteration(r);
        Assert.True(f.LogY);
        Assert.Equal(3, f.Series.Count);
        string json = GenericChart.toFigureJson(L1Figures.GapBySeconds(r).ToChart());
        // Decades as powers of ten (10⁻⁶), not plotly's SI prefixes ("1µ").
        Assert.Contains("\"yaxis\":{\"title\":{\"text\":\"relative objective gap (F − F*) / " +
            "F*\"},\"type\":\"log\",\"exponentformat\":\"power\",\"showexponent\":\"all\"}", json);
    }
}
