using LotteryTickets;
using System.Text;
using System.Text.Json;

namespace LotteryNotebooks.Reproduce;

/// <summary>The outcome of a reproduce run: per notebook ok/failed and seconds; written as report.md and report.json.</summary>
public sealed record RunReport(string Budget, DateTimeOffset Finished, IReadOnlyList<NotebookResult> Results)
{
    /// <summary>Wall-clock seconds from the first notebook's start to the last one's end (less than the sum of the
    /// notebooks' seconds when several ran at once); null when not measured.</summary>
    public double? WallSeconds { get; init; }

    /// <summary>How many notebooks could run at once.</summary>
    public int Jobs { get; init; } = 1;

    public bool Succeeded => Results.All(r => r.Succeeded);

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# LotteryNotebooks — reproduce report").AppendLine();
        sb.AppendLine($"Budget: **{Budget}** · finished {Finished:yyyy-MM-dd HH:mm:ss zzz} · " +
                      $"{Results.Count(r => r.Succeeded)}/{Results.Count} notebooks ok · {Results.Sum(r => r.Seconds):0} s in all" +
                      (WallSeconds is { } wall ? $" · {wall:0} s wall clock, up to {Jobs} at a time" : "")).AppendLine();
        sb.AppendLine("| notebook | status | seconds | first error |").AppendLine("|---|---|---:|---|");
        foreach (var r in Results)
            sb.AppendLine($"| {r.Name} | {r.Status} | {r.Seconds:0.0} | {r.FirstErrorLine().Replace("|", "\\|")} |");
        return sb.ToString();
    }

    public void Write(string directory)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, "report.md"), ToMarkdown());
        AtomicFile.WriteAllText(Path.Combine(directory, "report.json"), JsonSerializer.Serialize(this, Indented));
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
