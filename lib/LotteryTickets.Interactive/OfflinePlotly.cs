using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using System.Text;

namespace LotteryTickets.Interactive;

/// <summary>
/// Renders Plotly.NET charts with no network: the first chart of a kernel carries plotly.js inline (the copy
/// embedded in Plotly.NET.dll, loaded with AMD <c>define</c> hidden so require.js pages take it as a global), and
/// every chart draws itself once <c>window.Plotly</c> exists. No CDN, no require.js.
/// </summary>
public static class OfflinePlotly
{
    const string Resource = "Plotly.NET.plotly-2.28.0.min.js";
    static readonly Lazy<string> PlotlyJs = new(LoadPlotlyJs);
    static int scriptWritten;

    /// <summary>The plotly.js version that is embedded.</summary>
    public const string PlotlyJsVersion = "2.28.0";

    /// <summary>Registers the HTML formatter for <see cref="GenericChart"/> (idempotent; replaces Plotly.NET.Interactive's).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart)), HtmlFormatter.MimeType);
    }

    /// <summary>Makes the next chart carry plotly.js again (for a page that was reloaded without the first output).</summary>
    public static void ResetScript() => Interlocked.Exchange(ref scriptWritten, 0);

    /// <summary>HTML for one chart: the plotly.js script (first chart only, or always when asked) and the chart itself.</summary>
    public static string ToHtml(GenericChart chart, bool includeScript = false)
    {
        Check.NotNull(chart);
        var html = new StringBuilder();
        if (includeScript | Interlocked.Exchange(ref scriptWritten, 1) == 0)
            html.Append(ScriptTag());
        string id = "lottery-chart-" + Guid.NewGuid().ToString("N");
        string figure = GenericChart.toFigureJson(chart);
        html.Append("<div id=\"").Append(id).Append("\"></div>\n<script type=\"text/javascript\">\n")
            .Append("(function () {\n  var figure = ").Append(figure).Append(";\n")
            .Append("  var tries = 0;\n")
            .Append("  function draw() {\n")
            .Append("    if (window.Plotly) { window.Plotly.newPlot('").Append(id).Append("', figure.data, figure.layout, {responsive: true, " +
                "displaylogo: false}); return; }\n")
            .Append("    if (++tries < 200) { setTimeout(draw, 50); return; }\n")
            .Append("    document.getElementById('").Append(id).Append("').innerText = 'plotly.js is not loaded in this page: re-run the " +
                "notebook\\'s first chart cell, or call OfflinePlotly.ResetScript() and show the chart again.';\n")
            .Append("  }\n  draw();\n})();\n</script>\n");
        return html.ToString();
    }

    /// <summary>The inline plotly.js script element, marked <c>data-lottery-plotly</c> so that the book can take it out
    /// and load one shared copy instead.</summary>
    public static string ScriptTag() =>
        $"<script type=\"text/javascript\" data-lottery-plotly=\"{PlotlyJsVersion}\">\n(function () {{\n  if (window.Plotly) return;\n" +
        "  var amdDefine = window.define; window.define = undefined;\n  try {\n" + PlotlyJs.Value +
        "\n  } finally { window.define = amdDefine; }\n})();\n</script>\n";

    static string LoadPlotlyJs()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Plotly.NET.dll has no embedded resource '{Resource}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
