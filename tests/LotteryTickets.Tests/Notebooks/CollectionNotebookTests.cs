using System.Text.RegularExpressions;
using LotteryNotebooks.Reproduce;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>Every notebook of the collection, executed top to bottom in the stock kernel (dotnet-repl) at the quick
/// budget — the same path as the reproduce command.</summary>
[Collection(KernelCollection.Name)]
public class CollectionNotebookTests(KernelFixture kernel)
{
    public static TheoryData<string> Notebooks()
    {
        var repo = RepoLayout.Find(AppContext.BaseDirectory);
        var data = new TheoryData<string>();
        foreach (var nb in repo.Notebooks()) data.Add(Path.GetRelativePath(repo.NotebooksDirectory, nb));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task ExecutesWithoutErrorInTheStockKernel(string notebook)
    {
        string source = Path.Combine(kernel.Repo.NotebooksDirectory, notebook);
        string outDir = kernel.TempOutput();
        var r = await kernel.Runner.RunAsync(source, Path.Combine(outDir, notebook), "quick", TimeSpan.FromMinutes(15), outDir);
        Assert.True(r.Succeeded, $"{notebook}: {string.Join("\n", r.Errors)}\n{r.Failure}");

        // Charts render offline: plotly.js travels inline with the first chart and nothing loads from a CDN.
        string executed = File.ReadAllText(r.Output!);
        if (executed.Contains("lottery-chart-"))
        {
            Assert.Contains("plotly.js v2.28.0", executed);
            Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase), executed);
            Assert.DoesNotContain("require.config", executed);
            Assert.DoesNotContain("cdn.plot.ly/plotly", executed);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void IsCommittedWithoutOutputs(string notebook) =>
        Assert.False(NotebookErrors.HasOutputs(Path.Combine(kernel.Repo.NotebooksDirectory, notebook)),
            $"{notebook} carries outputs or execution counts: clear them before committing (executed copies belong in out/).");
}
