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

    [Fact]
    public void TheTradeOffMapsColoursAreTheCostModelsAndItsTitleNamesTheSideWhereTheSparseNetworkWins()
    {
        // The cost model at one point above the diagonal y = x (work fraction 0.1, η ratio 0.5) and one below it
        // (0.5, 0.1): time ratio 0.1 ÷ 0.5 = 0.2 < 1 (sparse wins) and 0.5 ÷ 0.1 = 5 > 1 (dense wins).
        Assert.Equal(0.2, TimeToTrain.SparseOverDense(flopFraction: 0.1, etaSparse: 0.5 * 0.6, etaDense: 0.6), 12);
        Assert.Equal(5, TimeToTrain.SparseOverDense(flopFraction: 0.5, etaSparse: 0.1 * 0.6, etaDense: 0.6), 12);
        var race = RaceToTarget.Of(RaceToTargetTests.Speed, 0.9, 60, RaceToTargetTests.Tickets([100, 50, 10]),
            RaceToTargetTests.Tickets([100, 50, 10]));
        var map = RaceFigures.TradeOff(race, (0.60, 0.10));
        Assert.Contains("sparse wins above the break-even line", map.Title);
        Assert.DoesNotContain("below", map.Title);
        // Every cell is log₁₀ of the cost model's ratio at its (x, y) (η_dense 0.25 keeps η_sparse = y × 0.25 ≤ 1 on
        // the map's y ≤ 10^0.5): negative exactly above the diagonal.
        for (int j = 0; j < map.Y.Count; j++)
            for (int i = 0; i < map.X.Count; i++)
            {
                double ratio = TimeToTrain.SparseOverDense(map.X[i], map.Y[j] * 0.25, 0.25);
                Assert.Equal(Math.Log10(ratio), map.Z[j][i], 9);
                if (map.Y[j] > map.X[i] * 1.0001) Assert.True(map.Z[j][i] < 0, $"cell ({map.X[i]}, {map.Y[j]}) above the diagonal");
                if (map.Y[j] < map.X[i] * 0.9999) Assert.True(map.Z[j][i] > 0, $"cell ({map.X[i]}, {map.Y[j]}) below the diagonal");
            }
    }
}
