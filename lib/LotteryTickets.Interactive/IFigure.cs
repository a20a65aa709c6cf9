using Plotly.NET;

namespace LotteryTickets.Interactive;

/// <summary>A figure of the collection: a name (its CSV file), a chart, and the tidy data behind it.</summary>
public interface IFigure
{
    /// <summary>Names the figure's CSV file: letters, digits, '.', '_' or '-'.</summary>
    string Name { get; }

    /// <summary>The Plotly.NET chart.</summary>
    GenericChart ToChart();

    /// <summary>Tidy CSV: one row per point, with series and axis titles.</summary>
    string ToCsv();
}
