using LotteryNotebooks.Reproduce;
using System.Text.RegularExpressions;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>Every notebook of the collection, executed top to bottom in the stock kernel (dotnet-repl) at the quick
/// budget — the reproduce command's own run (<see cref="KernelFixture.Collection"/>): main notebooks first, each
/// solution after with its notebook's run store present, as a reader meets them.</summary>
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
        var run = await kernel.Collection();
        var r = Assert.Single(run.Report.Results, x => Path.GetRelativePath(kernel.Repo.NotebooksDirectory, x.Source) == notebook);
        Assert.True(r.Succeeded, $"{notebook}: {string.Join("\n", r.Errors)}\n{r.Failure}");
        OfflineCharts.AssertIn(r.Output!);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void IsCommittedWithoutOutputs(string notebook) =>
        Assert.False(NotebookErrors.HasOutputs(Path.Combine(kernel.Repo.NotebooksDirectory, notebook)),
            $"{notebook} carries outputs or execution counts: clear them before committing (executed copies belong in out/).");
}

/// <summary>Charts render offline: plotly.js travels inline with the first chart and nothing loads from a CDN. The
/// kernel's own bootstrap output (dotnet-interactive's JavaScript API under Jupyter, which probes the kernel's local
/// HTTP port) is kernel plumbing, not a chart, and is left out of the check.</summary>
static class OfflineCharts
{
    public static void AssertIn(string executedNotebookPath)
    {
        var html = LotteryNotebooks.Reproduce.ExecutedNotebook.Read(executedNotebookPath).Cells
            .SelectMany(c => c.Outputs).OfType<LotteryNotebooks.Reproduce.RichOutput>()
            .Select(o => o.Data.GetValueOrDefault("text/html")).OfType<string>()
            .Where(h => !LotteryNotebooks.Reproduce.Book.BookWriter.IsKernelBootstrap(h)).ToList();
        if (!html.Any(h => h.Contains("lottery-chart-"))) return;
        Assert.Contains(html, h => h.Contains("plotly.js v2.28.0"));
        foreach (var h in html)
        {
            Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase), h);
            Assert.DoesNotContain("require.config", h);
            Assert.DoesNotContain("cdn.plot.ly/plotly", h);
        }
    }
}
