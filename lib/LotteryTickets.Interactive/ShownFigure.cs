using Plotly.NET;

namespace LotteryTickets.Interactive;

/// <summary>A figure as a notebook shows it: the chart, followed by a link that downloads the figure's tidy CSV
/// (embedded in the page, so it works offline) and the path it was saved to.</summary>
/// <param name="Figure">The figure shown.</param>
/// <param name="Chart">Its chart.</param>
/// <param name="CsvPath">Where its CSV was saved.</param>
public sealed record ShownFigure(IFigure Figure, GenericChart Chart, string CsvPath)
{
    /// <summary>The HTML the notebook formatter writes.</summary>
    public string ToHtml()
    {
        string csv = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Figure.ToCsv()));
        string file = System.Net.WebUtility.HtmlEncode(Figure.Name + ".csv");
        return OfflinePlotly.ToHtml(Chart) +
               $"<div class=\"lottery-figure-data\" data-figure=\"{file[..^4]}\" style=\"font-size:0.85em\"><a download=\"{file}\" " +
                   $"href=\"data:text/csv;base64,{csv}\">⬇ figure data ({file})</a>" +
               $" · saved to <code>{System.Net.WebUtility.HtmlEncode(CsvPath)}</code></div>";
    }
}
