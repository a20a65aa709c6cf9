namespace LotteryNotebooks.Reproduce;

/// <summary>Where things are in a checkout: found by walking up to the folder holding LotteryNotebooks.sln.</summary>
public sealed record RepoLayout(string Root)
{
    public string NotebooksDirectory => Path.Combine(Root, "notebooks");
    public string SolutionsDirectory => Path.Combine(Root, "notebooks", "solutions");
    public string DefaultOutput => Path.Combine(Root, "out");
    public string PayloadProject => Path.Combine(Root, "lib", "LotteryTickets.Interactive", "LotteryTickets.Interactive.csproj");

    /// <summary>Finds the checkout that contains <paramref name="start"/> (default: the current directory, then this program).</summary>
    public static RepoLayout Find(string? start = null)
    {
        foreach (var from in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (from is null) continue;
            for (var dir = new DirectoryInfo(Path.GetFullPath(from)); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LotteryNotebooks.sln")))
                    return new RepoLayout(dir.FullName);
        }
        throw new DirectoryNotFoundException("LotteryNotebooks.sln not found above the current directory: run from inside the repository.");
    }

    /// <summary>A worked-solutions notebook is named after the section it solves: <c>NN-name-solutions</c>.</summary>
    public static bool IsSolution(string notebookName) => notebookName.EndsWith(SolutionSuffix, StringComparison.Ordinal);

    /// <summary>The section a solutions notebook solves; a section's own name for a section's notebook.</summary>
    public static string MainName(string notebookName) =>
        IsSolution(notebookName) ? notebookName[..^SolutionSuffix.Length] : notebookName;

    const string SolutionSuffix = "-solutions";

    /// <summary>The collection's notebooks in order: notebooks/*.ipynb, then notebooks/solutions/*.ipynb.</summary>
    public IReadOnlyList<string> Notebooks() =>
        new[] { NotebooksDirectory, SolutionsDirectory }.Where(Directory.Exists)
            .SelectMany(dir => Directory.GetFiles(dir, "*.ipynb").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)).ToList();
}
