using System.Net;
using System.Text;

namespace LotteryTickets.Interactive;

/// <summary>A small HTML table writer shared by the formatters: a caption, a header row, rows; numbers right-aligned.</summary>
public static class HtmlTable
{
    /// <summary>Renders a table. Cells are HTML-encoded; cells that parse as numbers are right-aligned.</summary>
    public static string Render(string? caption, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int? emphasiseRow = null)
    {
        Check.NotNull(header);
        Check.NotNull(rows);
        var sb = new StringBuilder("<table style=\"border-collapse:collapse;font-size:0.9em\">");
        if (caption is not null) sb.Append("<caption " +
            "style=\"text-align:left;font-weight:bold\">").Append(WebUtility.HtmlEncode(caption)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (var h in header) sb.Append("<th style=\"padding:2px 8px;border-bottom:1px solid " +
            "#888\">").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        int i = 0;
        foreach (var row in rows)
        {
            string weight = emphasiseRow == i ? "font-weight:bold;" : "";
            sb.Append("<tr>");
            Check.That(row is not null, $"rows must not hold null; row {i} is null.", nameof(rows));
            foreach (var cell in row!)
            {
                Check.That(cell is not null, $"rows must not hold null cells; row {i} has one.", nameof(rows));
                bool numeric = double.TryParse(cell!.Replace("%", "").Replace("±", "").Split(' ')[0], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out _);
                sb.Append("<td style=\"padding:2px 8px;").Append(weight).Append(numeric ? "text-align:right" : "text-align:left").Append("\">")
                  .Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }
            sb.Append("</tr>");
            i++;
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
