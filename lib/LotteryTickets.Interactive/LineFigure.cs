using Plotly.NET;
using System.Text;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace LotteryTickets.Interactive;

/// <summary>
/// A figure of the collection: titled, with axis titles that carry units, one or more series, and the tidy data
/// behind it (<see cref="ToCsv"/>: one row per point). <see cref="NotebookSession.Show(IFigure)"/> renders it and
/// writes its CSV to <c>out/figures/&lt;notebook&gt;/&lt;name&gt;.csv</c>. Checked when drawn or written.
/// </summary>
/// <param name="Name">Names the CSV file (letters, digits, '.', '_' or '-').</param>
/// <param name="Title">The figure's title.</param>
/// <param name="XTitle">The x axis' title, with units.</param>
/// <param name="YTitle">The y axis' title, with units.</param>
/// <param name="Series">The lines, in legend order.</param>
public sealed record LineFigure(string Name, string Title, string XTitle, string YTitle, IReadOnlyList<FigureSeries> Series) : IFigure, IValidated
{
    /// <summary>Logarithmic x axis.</summary>
    public bool LogX { get; init; }

    /// <summary>Logarithmic y axis (e.g. an objective gap).</summary>
    public bool LogY { get; init; }

    /// <summary>x decreasing to the right (e.g. weights remaining: 100 % → 1 %).</summary>
    public bool ReverseX { get; init; }

    /// <summary>Draw markers on the lines (always drawn on a series of at most <see cref="FewPoints"/> points, which a
    /// line alone would hide: a solver that converged in one iteration is one point).</summary>
    public bool Markers { get; init; } = true;

    /// <summary>Series with at most this many points always show their markers.</summary>
    public const int FewPoints = 12;

    /// <inheritdoc />
    public void CheckRelations() => FigureText.CheckName(Name);

    /// <summary>The Plotly.NET chart (rendered offline by the formatter that <see cref="Notebook.Setup"/> registers).</summary>
    public GenericChart ToChart()
    {
        Validation.Check(this);
        var charts = new List<GenericChart>();
        var styles = SeriesColours.Assign(Series.Select(s => s.Name).ToList());
        foreach (var (s, style) in Series.Zip(styles))
        {
            var colour = Color.fromHex(style.Colour);
            var chart = PlotlyChart.Line<double, double, string>(x: s.X, y: s.Y, Name: s.Name,
                ShowMarkers: Markers || s.X.Count <= FewPoints, LineColor: colour, MarkerColor: colour,
                LineDash: style.Dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid);
            if (s.YError is not null)
                foreach (var trace in GenericChart.getTraces(chart))
                    trace.SetProperty("error_y", new Dictionary<string, object>
                    {
                        ["type"] = "data", ["array"] = s.YError.ToArray(), ["visible"] = true,
                    });
            charts.Add(chart);
        }
        return FigureText.WithLayout(GenericChart.combine(charts), Title, XTitle, YTitle, 760, 460, x =>
        {
            if (LogX) FigureText.Logarithmic(x, Series.SelectMany(s => s.X));
            if (ReverseX) x.SetProperty("autorange", "reversed");
        }, y =>
        {
            if (LogY) FigureText.Logarithmic(y, Series.SelectMany(s => s.Y));
        });
    }

    /// <summary>Tidy CSV: figure, series, x, y, y_error, x_title, y_title — one row per point, invariant culture.</summary>
    public string ToCsv()
    {
        Validation.Check(this);
        var sb = new StringBuilder("figure,series,x,y,y_error,x_title,y_title\n");
        foreach (var s in Series)
            for (int i = 0; i < s.X.Count; i++)
                sb.Append(FigureText.Csv(Name)).Append(',').Append(FigureText.Csv(s.Name)).Append(',')
                  .Append(FigureText.Number(s.X[i])).Append(',').Append(FigureText.Number(s.Y[i])).Append(',')
                  .Append(s.YError is null ? "" : FigureText.Number(s.YError[i])).Append(',')
                  .Append(FigureText.Csv(XTitle)).Append(',').Append(FigureText.Csv(YTitle)).Append('\n');
        return sb.ToString();
    }
}
