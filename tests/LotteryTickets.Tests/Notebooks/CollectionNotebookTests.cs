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

    /// <summary>The notebooks with a committed full-budget record (notebooks/records/&lt;notebook&gt;.full.json).</summary>
    public static TheoryData<string> Recorded()
    {
        var data = new TheoryData<string>();
        string records = Path.Combine(RepoLayout.Find(AppContext.BaseDirectory).NotebooksDirectory, "records");
        foreach (var f in Directory.GetFiles(records, "*.full.json").Order())
            data.Add(Path.GetFileName(f)[..^".full.json".Length]);
        return data;
    }

    /// <summary>
    /// The quick budget teaches what the full budget does: each claim this (quick) run decided is in the notebook's
    /// committed full record and the record's claims are all still shown (else the record is stale: run the full budget
    /// again), and no quick verdict is the opposite of the full one (holds against does not hold).
    /// </summary>
    [Theory]
    [MemberData(nameof(Recorded))]
    public async Task QuickVerdictsNeverContradictTheFullRecord(string notebook)
    {
        var run = await kernel.Collection();
        var full = VerdictRecord.Read(Path.Combine(kernel.Repo.NotebooksDirectory, "records", notebook + ".full.json"));
        Assert.Equal("full", full.Budget);
        string path = Path.Combine(run.OutputDirectory, "verdicts", notebook + ".json");
        Assert.True(File.Exists(path), $"{notebook} has a full-budget record but its quick run wrote no verdicts ({path}).");
        var quick = VerdictRecord.Read(path);
        Assert.Equal(full.Claims.Select(c => c.Id).Order(), quick.Claims.Select(c => c.Id).Order());
        // A time belongs to its machine: timed claims are compared only where the quick run ran on the record's machine.
        bool sameMachine = quick.Machine == full.Machine;
        var opposite = quick.Claims.Select(q => (Quick: q, Full: full.Find(q.Id)!))
            .Where(p => sameMachine || !(p.Quick.Timed || p.Full.Timed))
            .Where(p => LotteryTickets.Statistics.VerdictRule.Contradicts(p.Quick.Verdict, p.Full.Verdict))
            .Select(p => $"{p.Quick.Id}: quick {VerdictTable.Show(p.Quick.Measured, p.Quick.Format)} {SerialNames.Of(p.Quick.Verdict)}, " +
                $"full {VerdictTable.Show(p.Full.Measured, p.Full.Format)} {SerialNames.Of(p.Full.Verdict)}").ToList();
        Assert.True(opposite.Count == 0, $"{notebook}: the quick budget teaches the opposite of the full budget:\n" + string.Join("\n", opposite));
    }

    /// <summary>
    /// Every section ends with its claims against the run: every notebook (and its solutions) writes
    /// out/verdicts/&lt;notebook&gt;.json with at least one claim and shows the table in the book, and across the main
    /// notebooks most claims resolve at the quick budget (holds or does not hold) — a rule or a design that leaves most
    /// of them within noise teaches nothing.
    /// </summary>
    [Fact]
    public async Task EverySectionWritesItsVerdictsAndMostResolve()
    {
        var run = await kernel.Collection();
        var names = kernel.Repo.Notebooks().Select(Path.GetFileNameWithoutExtension).Where(n => Regex.IsMatch(n!, "^0[0-9]-")).ToList();
        Assert.Equal(20, names.Count);
        var records = names.ToDictionary(n => n!, n =>
        {
            string path = Path.Combine(run.OutputDirectory, "verdicts", n + ".json");
            Assert.True(File.Exists(path), $"{n} wrote no verdicts ({path}).");
            var record = VerdictRecord.Read(path);
            Assert.Equal("quick", record.Budget);
            Assert.NotEmpty(record.Claims);
            string page = Path.Combine(run.Book, n + ".html");
            Assert.True(File.Exists(page) && File.ReadAllText(page).Contains("Claims against this run"),
                $"the book's page for {n} ({page}) does not show its verdict table.");
            return record;
        });
        var main = records.Where(r => !r.Key.EndsWith("-solutions")).SelectMany(r => r.Value.Claims).ToList();
        var noisy = main.Where(c => c.Verdict == LotteryTickets.Statistics.Verdict.WithinNoise).Select(c => c.Id).ToList();
        Assert.True(2 * noisy.Count < main.Count, $"{noisy.Count} of {main.Count} claims stay within noise: {string.Join(", ", noisy)}");
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
