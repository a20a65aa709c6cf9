using Plotly.NET;

namespace LotteryTickets.Tests.Interactive;

public class RecoveryAndDesignFigureTests
{
    [Fact]
    public void TeacherFigureHasThreeLearnersAndThePredictedStep()
    {
        var o = new TeacherRecoverySweep(N: 40, K: 4, Samples: [10, 20], Trials: 2, Seed: 1);
        var r = new TeacherRecoveryResult(o, [new(10, 0.25, 0.5, 0, 0, -0.1), new(20, 0.5, 1, 0.5, 1, 0.2)], 15, 0.1);
        var fig = RecoveryFigures.Teacher(r);
        Assert.Equal(4, fig.Series.Count);
        Assert.Equal([0.0, 1.0], fig.Series[3].Y);
        var lines = fig.ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 8, lines.Length);
        Assert.StartsWith("teacher-recovery,ℓ1,10,0.5,", lines[1]);
        Assert.Contains("\"type\":\"scatter\"", GenericChart.toFigureJson(fig.ToChart()));
    }

    [Fact]
    public void DesignFiguresPlotAgainstTheShareOfRowsKept()
    {
        var r = new DesignComparisonResult("demo", 40, 5, [new(10, 3, 0.4, 0.8, 0.6, 0, 1.5, "exchange"), new(40, 3, 1, 1, 1, 0, 1, "exact")], 0);
        var overlap = DesignFigures.Overlap("overlap", r);
        var efficiency = DesignFigures.Efficiency("efficiency", r);
        Assert.Equal([0.25, 1.0], overlap.Series[0].X);
        Assert.Equal([0.4, 1.0], overlap.Series[0].Y);
        Assert.Equal([0.8, 1.0], efficiency.Series[0].Y);
        Assert.Equal("results", Assert.ThrowsAny<ArgumentException>(() => DesignFigures.Overlap("x")).ParamName);
    }
}
