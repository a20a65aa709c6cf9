using Plotly.NET;

namespace LotteryTickets.Tests.Interactive;

public class HeatmapAndFormatterTests
{
    static HeatmapFigure Sample() => new("phase", "t", "δ", "ρ", "success", [0.1, 0.5], [0.2, 0.4, 0.6],
        [[1.0, 1.0], [0.5, 1.0], [0.0, 0.25]]) { Overlays = [new FigureSeries("theory", [0.1, 0.5], [0.19, 0.39])], ZRange = (0, 1) };

    [Fact]
    public void HeatmapCsvHasOneRowPerCellThenTheOverlay()
    {
        var lines = Sample().ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal("figure,series,x,y,z,x_title,y_title,z_title", lines[0]);
        Assert.Equal(1 + 6 + 2, lines.Length);
        Assert.Equal("phase,heatmap,0.5,0.4,1,δ,ρ,success", lines[4]);   // row y = 0.4, column x = 0.5
        Assert.Equal("phase,theory,0.5,0.39,,δ,ρ,success", lines[8]);
    }

    [Fact]
    public void HeatmapChartHasTheGridTheRangeAndTheOverlay()
    {
        string json = GenericChart.toFigureJson(Sample().ToChart());
        Assert.Contains("\"type\":\"heatmap\"", json);
        Assert.Contains("\"zmin\":0", json);
        Assert.Contains("\"name\":\"theory\"", json);
    }

    [Fact]
    public void RaggedHeatmapsAreRejected()
    {
        var bad = Sample() with { Z = [[1.0, 1.0], [0.5], [0.0, 0.25]] };
        Assert.Equal("Z", Assert.Throws<ArgumentException>(() => bad.ToCsv()).ParamName);
    }

    [Fact]
    public void PhaseDiagramSummaryFindsTheHalfCrossingAndTheTheory()
    {
        var options = new PhaseDiagramSweep([0.5], [0.1, 0.3, 0.5, 0.7], N: 40, Trials: 4, Seed: 1, Method: PhaseDiagramMethod.L1);
        var result = options.Run();
        var t = Assert.Single(PhaseFigures.Transitions(result));
        Assert.Equal(PhaseTransition.WeakThreshold(0.5), t.TheoreticalRho, 12);
        // The crossing, if any, lies between two grid rows where success goes from ≥ ½ to < ½.
        if (t.EmpiricalRho is { } rho) Assert.InRange(rho, 0.1, 0.7);
        string html = HtmlFormatters.ToHtml(result);
        Assert.Contains("theory ρ(δ)", html);
        Assert.Contains(PhaseTransition.WeakThreshold(0.5).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), html);
        var figure = PhaseFigures.Diagram(result);
        Assert.Equal(4, figure.Z.Count);
        Assert.All(figure.Overlays[0].Y, y => Assert.InRange(y, 0, 1));
    }

    [Fact]
    public void SparsityTableShowsEveryLayerAndTheTotal()
    {
        var report = new SparsityReport([new SparsityRow("fc1.weight", 10, 100), new SparsityRow("fc2.weight", 5, 10)]);
        string html = HtmlFormatters.ToHtml(report);
        Assert.Contains("fc2.weight", html);
        Assert.Contains("15", html);
        Assert.Contains("13.64 %", html);   // 15 of 110
    }

    [Fact]
    public void ParameterTableFlattensNestedRecords()
    {
        string html = HtmlFormatters.ParameterTable("h", WinningTickets.Hparams(Budget.Quick));
        Assert.Contains("Training.LearningRate", html);
        Assert.Contains("0.0012", html);
        Assert.Contains("Pruning.OutputFraction", html);
        // LeNet's table shows LeNet's widths, not Conv-2's or the Transformer's.
        Assert.Contains("Model.Hidden1", html);
        Assert.DoesNotContain("Model.ConvWidth", html);
        Assert.DoesNotContain("Model.Heads", html);
        string conv = HtmlFormatters.ParameterTable("h", ModelHparams.Conv2(8, 16));
        Assert.Contains("ConvWidth", conv);
        Assert.DoesNotContain("Hidden1", conv);
    }
}
