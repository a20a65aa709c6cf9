using System.Globalization;
using System.Text;

namespace LotteryTickets.Pruning;

/// <summary>Kept / total weights per prunable layer and overall, for a <see cref="Mask"/>.</summary>
public sealed class SparsityReport
{
    /// <summary>Builds a report from per-layer rows; the total row is their sum.</summary>
    public SparsityReport(IEnumerable<SparsityRow> rows)
    {
        Rows = Check.NotNull(rows).ToList().AsReadOnly();
        Total = new SparsityRow("total", Rows.Sum(r => r.Kept), Rows.Sum(r => r.Total));
    }

    /// <summary>One row per prunable layer, input to output.</summary>
    public IReadOnlyList<SparsityRow> Rows { get; }

    /// <summary>The sum over all layers.</summary>
    public SparsityRow Total { get; }

    /// <summary>A plain-text table: layer, kept, total, % kept.</summary>
    public override string ToString()
    {
        var all = Rows.Append(Total).ToList();
        int w = Math.Max(5, all.Max(r => r.Layer.Length));
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"layer".PadRight(w)}  {"kept",12}  {"total",12}  {"% kept",7}");
        foreach (var r in all)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Layer.PadRight(w)}  {r.Kept,12}  {r.Total,12}  {r.PercentKept,7:F2}");
        return sb.ToString();
    }
}
