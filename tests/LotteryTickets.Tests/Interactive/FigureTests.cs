using System.Globalization;
using LotteryTickets.Interactive;
using Plotly.NET;

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
}
