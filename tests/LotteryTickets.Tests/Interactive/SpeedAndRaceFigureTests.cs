using LotteryTickets.Tests.Experiments;
using Plotly.NET;

namespace LotteryTickets.Tests.Interactive;

public class SpeedAndRaceFigureTests
{
    [Fact]
    public void SpeedFiguresPlotEveryVariantBesideTheoryAndTheBreakEvenLine()
    {
        var speed = RaceToTargetTests.Speed;
        var figure = SpeedFigures.Speedup(speed, 60);
        Assert.Equal(["unstructured, dense kernel (masked)", "unstructured, sparse kernel (COO)", "structured, compacted",
            "theoretical (dense MACs ÷ useful MACs)", "break-even (= dense)"], figure.Series.Select(s => s.Name));
        Assert.Equal([50.0, 10.0], figure.Series[0].X.Select(x => Math.Round(x, 9)));     // weights remaining (%)
        Assert.Equal([0.010 / 0.008, 1.0], figure.Series[0].Y.Select(y => Math.Round(y, 12)));
        Assert.Equal([2.0, 10.0], figure.Series[3].Y);
        Assert.Contains("\"type\":\"log\"", GenericChart.toFigureJson(figure.ToChart()));
        var eta = SpeedFigures.Efficiency(speed, 60);
        Assert.Equal("dense", eta.Series[0].Name);
        Assert.Equal(0.03, eta.Series[0].Y[0], 12);
    }

    [Fact]
    public void RaceFiguresLeaveOutWhatNeverReachedTheTargetAndPlaceTheRunnersOnTheMap()
    {
        var race = RaceToTarget.Of(RaceToTargetTests.Speed, 0.9, 60, RaceToTargetTests.Tickets([100, 50, 10]),
            RaceToTargetTests.Tickets([100, 50, 10]));
        var steps = RaceFigures.StepsToTarget(race);
        Assert.Equal(["dense", "unstructured ticket", "structured ticket"], steps.Series.Select(s => s.Name));
        Assert.Equal([50.0], steps.Series[1].X);                                      // level 2 (10 %): one seed missed
        var map = RaceFigures.TradeOff(race, (0.60, 0.10));
        string csv = map.ToCsv();
        Assert.Contains("chapter's example", csv);
        Assert.Contains("structured, compacted", csv);
        // Below the diagonal (work fraction > efficiency ratio) the sparse network loses: log10 ratio > 0.
        Assert.True(map.Z[0][^1] > 0 && map.Z[^1][0] < 0);
        Assert.Contains("\"type\":\"log\"", GenericChart.toFigureJson(map.ToChart()));
        Assert.All(RaceFigures.TimeRatio(race).Series.SelectMany(s => s.Y), y => Assert.True(double.IsFinite(y)));
    }
}
