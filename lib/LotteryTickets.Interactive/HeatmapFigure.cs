using Plotly.NET;
using System.Text;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace LotteryTickets.Interactive;

/// <summary>
/// A heat map — e.g. a phase diagram: success probability over a δ × ρ grid — with optional curves drawn over it
/// (e.g. the Donoho–Tanner threshold). <see cref="Z"/> is indexed [y][x]. Tidy CSV: one row per cell, then one per
/// overlay point. Checked when drawn or written.
/// </summary>
/// <param name="Name">Names the CSV file (letters, digits, '.', '_' or '-').</param>
/// <param name="Title">The figure's title.</param>
/// <param name="XTitle">The x axis' title, with units.</param>
/// <param name="YTitle">The y axis' title, with units.</param>
/// <param name="ZTitle">The colour bar's title, with units.</param>
/// <param name="X">The x values (columns of <see cref="Z"/>).</param>
/// <param name="Y">The y values (rows of <see cref="Z"/>).</param>
/// <param name="Z">The cell values, indexed [y][x].</param>
public sealed record HeatmapFigure(string Name, string Title, string XTitle, string YTitle, string ZTitle,
    IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<IReadOnlyList<double>> Z) : IFigure, IValidated
{
    /// <summary>Curves drawn over the heat map (empty by default).</summary>
    public IReadOnlyList<FigureSeries> Overlays { get; init; } = [];

    /// <summary>Points drawn as markers over the heat map (e.g. measured runs placed on a model's map).</summary>
    public IReadOnlyList<FigureSeries> Points { get; init; } = [];

    /// <summary>Logarithmic x and y axes (X and Y then hold positive values).</summary>
    public bool LogAxes { get; init; }

    /// <summary>Colour range; null: from the data.</summary>
    public (double Min, double Max)? ZRange { get; init; }

    /// <inheritdoc />
    public void CheckRelations()
    {
        FigureText.CheckName(Name);
        Check.That(Z.Count == Y.Count, $"Z has {Z.Count} rows but Y has {Y.Count} values (Z is indexed [y][x]).", nameof(Z));
        for (int i = 0; i < Z.Count; i++)
            Check.That(Z[i].Count == X.Count, $"Z row {i} has {Z[i].Count} values but X has {X.Count}.", nameof(Z));
        Check.That(!LogAxes || X.Concat(Y).All(v => v > 0), "X and Y must be positive on logarithmic axes.", nameof(LogAxes));
    }

    /// <inheritdoc />
    public GenericChart ToChart()
    {
        Validation.Check(this);
        var heat = PlotlyChart.Heatmap<double, double, double, string>(zData: Z, X: new(X, true), Y: new(Y, true), Name: ZTitle);
        foreach (var trace in GenericChart.getTraces(heat))
        {
            trace.SetProperty("colorbar", new Dictionary<string, object> { ["title"] = FigureText.Title(ZTitle) });
            if (ZRange is { } r) { trace.SetProperty("zmin", r.Min); trace.SetProperty("zmax", r.Max); }
        }
        var charts = new List<GenericChart> { heat };
        charts.AddRange(Overlays.Select(o => PlotlyChart.Line<double, double, string>(x: o.X, y: o.Y, Name: o.Name, ShowMarkers: false)));
        charts.AddRange(Points.Select(p => PlotlyChart.Point<double, double, string>(x: p.X, y: p.Y, Name: p.Name)));
        if (!LogAxes) return FigureText.WithLayout(GenericChart.combine(charts), Title, XTitle, YTitle, 700, 560);
        return FigureText.WithLayout(GenericChart.combine(charts), Title, XTitle, YTitle, 700, 560,
            ax => FigureText.Logarithmic(ax, X), ay => FigureText.Logarithmic(ay, Y));
    }

    /// <inheritdoc />
    public string ToCsv()
    {
        Validation.Check(this);
        var sb = new StringBuilder("figure,series,x,y,z,x_title,y_title,z_title\n");
        string titles = $"{FigureText.Csv(XTitle)},{FigureText.Csv(YTitle)},{FigureText.Csv(ZTitle)}\n";
        for (int i = 0; i < Y.Count; i++)
            for (int j = 0; j < X.Count; j++)
                sb.Append(FigureText.Csv(Name)).Append(",heatmap,").Append(FigureText.Number(X[j])).Append(',')
                  .Append(FigureText.Number(Y[i])).Append(',').Append(FigureText.Number(Z[i][j])).Append(',').Append(titles);
        foreach (var o in Overlays.Concat(Points))
            for (int k = 0; k < o.X.Count; k++)
                sb.Append(FigureText.Csv(Name)).Append(',').Append(FigureText.Csv(o.Name)).Append(',').Append(FigureText.Number(o.X[k]))
                  .Append(',').Append(FigureText.Number(o.Y[k])).Append(",,").Append(titles);
        return sb.ToString();
    }
}
