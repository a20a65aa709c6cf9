using System.Text.Json;

namespace LotteryNotebooks.Reproduce;

/// <summary>One notebook of a reproduce run, as the scheduler sees it.</summary>
/// <param name="Path">The .ipynb file.</param>
/// <param name="Name">Its name without extension (<c>00-winning-tickets</c>, <c>00-winning-tickets-solutions</c>).</param>
/// <param name="Timed">It measures wall-clock time (<c>metadata.lottery.timed</c>): it runs with no other notebook
/// beside it, so that its timings are those of an otherwise idle machine.</param>
public sealed record ScheduledNotebook(string Path, string Name, bool Timed)
{
    /// <summary>A worked-solutions notebook (<c>NN-name-solutions</c>).</summary>
    public bool IsSolution => RepoLayout.IsSolution(Name);

    /// <summary>The section a solutions notebook solves (its own name for a section's notebook).</summary>
    public string MainName => RepoLayout.MainName(Name);

    /// <summary>Reads the notebook's name and its <c>metadata.lottery.timed</c> flag.</summary>
    public static ScheduledNotebook Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        bool timed = ExecutedNotebook.LotteryMetadata(doc.RootElement, "timed")?.ValueKind == JsonValueKind.True;
        return new ScheduledNotebook(path, System.IO.Path.GetFileNameWithoutExtension(path), timed);
    }
}
