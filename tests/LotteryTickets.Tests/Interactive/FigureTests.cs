using Plotly.NET;
using System.Globalization;

namespace LotteryTickets.Tests.Interactive;

public class FigureTests
{
    static LineFigure Sample() => new("acc", "Accuracy", "weights remaining (%)", "test accuracy (%)",
    [
        new FigureSeries("ticket", [100, 51.2], [98.1, 98.4], [0.1, 0.2]),
        new FigureSeries("random, \"re-init\"", [51.2], [97.0]),
    ]) { LogX = true, ReverseX = true };

    [Fact]
    public void CsvIsTidyOneRowPerPointWithQuotedNames()
    {
        var lines = Sample().ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal("figure,series,x,y,y_error,x_title,y_title", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("acc,ticket,100,98.1,0.1,weights remaining (%),test accuracy (%)", lines[1]);
        Assert.Equal("acc,\"random, \"\"re-init\"\"\",51.2,97,,weights remaining (%),test accuracy (%)", lines[3]);
    }

    [Fact]
    public void CsvUsesInvariantCultureWhateverTheThreadCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Contains(",98.1,", Sample().ToCsv());
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void ChartCarriesSeriesErrorBarsAndAxes()
    {
        string json = GenericChart.toFigureJson(Sample().ToChart());
        Assert.Contains("\"name\":\"ticket\"", json);
        Assert.Contains("\"error_y\":{\"type\":\"data\",\"array\":[0.1,0.2],\"visible\":true}", json);
        Assert.Contains("\"type\":\"log\"", json);
        Assert.Contains("\"autorange\":\"reversed\"", json);
        Assert.Contains("weights remaining (%)", json);
    }

    [Fact]
    public void MismatchedSeriesAndBadNamesAreRejected()
    {
        var bad = new LineFigure("f", "t", "x", "y", [new FigureSeries("s", [1, 2], [1])]);
        Assert.Equal("Y", Assert.Throws<ArgumentException>(() => bad.ToCsv()).ParamName);
        var badErr = new LineFigure("f", "t", "x", "y", [new FigureSeries("s", [1, 2], [1, 2], [0.1])]);
        Assert.Equal("YError", Assert.Throws<ArgumentException>(() => badErr.ToChart()).ParamName);
        var badName = new LineFigure("../f", "t", "x", "y", [new FigureSeries("s", [1], [1])]);
        Assert.Equal("Name", Assert.Throws<ArgumentException>(() => badName.ToChart()).ParamName);
    }

    [Fact]
    public void OfflineHtmlCarriesPlotlyJsOnceAndNoCdn()
    {
        OfflinePlotly.ResetScript();
        var chart = Sample().ToChart();
        string first = OfflinePlotly.ToHtml(chart);
        string second = OfflinePlotly.ToHtml(chart);
        Assert.Contains("plotly.js v" + OfflinePlotly.PlotlyJsVersion, first);
        Assert.DoesNotContain("plotly.js v", second);
        Assert.Contains("window.Plotly.newPlot", second);
        Assert.DoesNotContain("require.config", first);
        Assert.DoesNotContain("cdn.plot.ly/plotly", first);
        Assert.DoesNotContain("<script src", first);
        Assert.True(first.Length > 3_000_000);
    }

    [Fact]
    public void ShownFigureLinksItsCsvForDownload()
    {
        var fig = Sample();
        string html = new ShownFigure(fig, fig.ToChart(), "/tmp/acc.csv").ToHtml();
        var m = System.Text.RegularExpressions.Regex.Match(html, "download=\"acc.csv\" href=\"data:text/csv;base64,([A-Za-z0-9+/=]+)\"");
        Assert.True(m.Success);
        Assert.Equal(fig.ToCsv(), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));
    }
    static IReadOnlyList<(string Name, string Colour, string Mode, string Dash)> Traces(LineFigure f)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(GenericChart.toFigureJson(f.ToChart()));
        return doc.RootElement.GetProperty("data").EnumerateArray().Select(t => (
            t.GetProperty("name").GetString()!, t.GetProperty("line").GetProperty("color").GetString()!,
            t.GetProperty("mode").GetString()!, t.GetProperty("line").GetProperty("dash").GetString()!)).ToList();
    }

    [Fact]
    public void ASeriesOfFewPointsShowsItsMarkersEvenWhenTheFigureDrawsLinesOnly()
    {
        var f = new LineFigure("gap", "Gap", "outer iteration", "gap", [
            new FigureSeries("ISTA", Enumerable.Range(1, 40).Select(i => (double)i).ToList(), Enumerable.Range(1, 40).Select(i => 1.0 / i).ToList()),
            new FigureSeries("proximal Newton", [1.0], [1e-12]),
        ]) { Markers = false, LogY = true };
        var traces = Traces(f);
        Assert.Equal("lines", traces[0].Mode);
        Assert.Equal("lines+markers", traces[1].Mode); // one point: without a marker it would not be seen at all
    }

    [Fact]
    public void TheSameConceptHasTheSameColourInEveryFigureAndNoTwoSeriesOfAFigureShareOne()
    {
        var ticketFigure = Traces(new LineFigure("a", "A", "x", "y", [
            new FigureSeries("winning ticket (rewound)", [1.0, 2.0], [1.0, 2.0]),
            new FigureSeries("same mask, random re-init", [1.0, 2.0], [1.0, 2.0]),
            new FigureSeries("random mask, same sparsity", [1.0, 2.0], [1.0, 2.0]),
        ]));
        var otherOrder = Traces(new LineFigure("b", "B", "x", "y", [
            new FigureSeries("break-even (= dense)", [1.0, 2.0], [1.0, 1.0]),
            new FigureSeries("unstructured, random re-init", [1.0, 2.0], [1.0, 2.0]),
            new FigureSeries("unstructured ticket (global magnitude)", [1.0, 2.0], [1.0, 2.0]),
            new FigureSeries("structured ticket (whole neurons)", [1.0, 2.0], [1.0, 2.0]),
        ]));
        Assert.Equal(ticketFigure[0].Colour, otherOrder[2].Colour); // tickets: one colour, whatever the order
        Assert.Equal(ticketFigure[1].Colour, otherOrder[1].Colour); // re-inits: another
        Assert.Equal("dash", otherOrder[0].Dash);                   // a reference line is dashed
        Assert.Equal("solid", otherOrder[1].Dash);
        Assert.Equal(otherOrder.Count, otherOrder.Select(t => t.Colour).Distinct().Count()); // a second ticket gets its own
        Assert.Equal(3, ticketFigure.Select(t => t.Colour).Distinct().Count());
    }
    [Fact]
    public void LogAxesReadAsPlainNumbersOverOrdinaryRangesAndAsPowersOfTenBeyond()
    {
        static System.Text.Json.JsonElement XAxis(LineFigure f)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(GenericChart.toFigureJson(f.ToChart()));
            return doc.RootElement.GetProperty("layout").GetProperty("xaxis").Clone();
        }
        var percent = XAxis(new LineFigure("p", "P", "weights remaining (%)", "y",
            [new FigureSeries("ticket", [100.0, 51.2, 6.9], [1.0, 2.0, 3.0])]) { LogX = true });
        Assert.Equal("log", percent.GetProperty("type").GetString());
        Assert.Equal("none", percent.GetProperty("exponentformat").GetString());   // 100, 50, 10 — not 10²
        var gap = XAxis(new LineFigure("g", "G", "gap", "y", [new FigureSeries("FISTA", [1.0, 1e-6, 1e-15], [1.0, 2.0, 3.0])]) { LogX = true });
        Assert.Equal("power", gap.GetProperty("exponentformat").GetString());      // 10⁻⁶ — not plotly's "1µ"
    }
}
