using LotteryNotebooks.Reproduce;
using LotteryNotebooks.Reproduce.Book;
using System.Text.Json;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>The offline HTML book: its structure from a small hand-made run (fast), then in a real browser — the
/// hand-made book, a page that must fail the check, and the whole collection's book as the reproduce command writes it.</summary>
[Collection(KernelCollection.Name)]
public class BookTests(KernelFixture kernel)
{
    static readonly BookProvenance Made = new("quick", "9.9.9", "abc123", DateTimeOffset.UnixEpoch);

    /// <summary>An executed notebook with a title, a markdown table, a code cell that drew a real chart (plotly.js inline,
    /// as the offline formatter writes the first chart of a kernel) with its figure-data link, and a text output.</summary>
    static string ExecutedNotebook(string title, string figure)
    {
        FSharpCoreBinding.Install();
        OfflinePlotly.ResetScript();
        var line = new LineFigure(figure, "A test figure", "x", "y",
            [new FigureSeries("ticket", [1.0, 10.0, 100.0], [0.5, 0.7, 0.9])]) { LogX = true };
        var shown = new ShownFigure(line, line.ToChart(), "/tmp/somewhere.csv");
        var cells = new object[]
        {
            new { cell_type = "markdown", metadata = new { }, source = new[] { $"# {title}\n", "\n", "| a | b |\n", "|---|---|\n", "| 1 | 2 |\n" } },
            new
            {
                cell_type = "code", execution_count = 1, metadata = new { }, source = new[] { "nb.Show(figure);" },
                outputs = new object[]
                {
                    new { output_type = "display_data", metadata = new { }, data = new Dictionary<string,
                        object> { ["text/html"] = new[] { shown.ToHtml() } } },
                    new { output_type = "execute_result", execution_count = 1, metadata = new { }, data = new Dictionary<string,
                        object> { ["text/plain"] = "42 < 43" } },
                },
            },
        };
        return JsonSerializer.Serialize(new { cells, metadata = new { lottery = new { summary = "A one-line summary." } }, nbformat = 4,
            nbformat_minor = 2 });
    }

    /// <summary>Lays out an out/ folder with two executed notebooks (a main one and its solutions) and their figure CSVs.</summary>
    static RunReport HandMadeRun(TempFolder root)
    {
        var results = new List<NotebookResult>();
        foreach (var (name, title, ok) in new[] { ("01-first", "1 · The first", true), ("01-first-solutions", "Solutions to the first", false) })
        {
            string path = root[name + ".ipynb"];
            File.WriteAllText(path, ExecutedNotebook(title, name + "-fig"));
            Directory.CreateDirectory(root[Path.Combine("figures", name)]);
            File.WriteAllText(root[Path.Combine("figures", name, name + "-fig.csv")], "series,x,y\nticket,1,0.5\n");
            results.Add(new NotebookResult(name, path, path, ok, ok ? 12.0 : 95.0, ok ? [] : [new CellError(1, "nb.Show(figure);", "Error", "boom")],
                null));
        }
        return new RunReport("quick", DateTimeOffset.UnixEpoch, results);
    }

    [Fact]
    public void WritesAnIndexAndAPagePerNotebookWithOnePlotlyFileAndCsvLinks()
    {
        using var root = new TempFolder("lottery-book");
        string index = BookWriter.Write(root.Path, HandMadeRun(root), Made);
        string book = root["book"];
        Assert.Equal(Path.Combine(book, "index.html"), index);
        Assert.Equal(["01-first-solutions.html", "01-first.html", "index.html"],
            Directory.GetFiles(book, "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetDirectories(root.Path, "book.partial-*"));

        // plotly.js once, as a file; no page carries it inline.
        string plotly = Path.Combine(book, $"plotly-{OfflinePlotly.PlotlyJsVersion}.min.js");
        Assert.Contains("plotly.js v" + OfflinePlotly.PlotlyJsVersion, File.ReadAllText(plotly));
        string page = File.ReadAllText(Path.Combine(book, "01-first.html"));
        Assert.DoesNotContain("plotly.js v", page);
        Assert.Contains($"<script src=\"plotly-{OfflinePlotly.PlotlyJsVersion}.min.js\"></script>", page);
        Assert.True(new FileInfo(Path.Combine(book, "01-first.html")).Length < 100_000);

        // Markdown by Markdig (a pipe table), code escaped, the figure's CSV as a file beside the page.
        Assert.Contains("<table>", page);
        Assert.Contains("<td>1</td>", page);
        Assert.Contains("42 &lt; 43", page);
        Assert.Contains("href=\"figures/01-first/01-first-fig.csv\"", page);
        Assert.DoesNotContain("data:text/csv", page);
        Assert.DoesNotContain("/tmp/somewhere.csv", page);
        Assert.True(File.Exists(Path.Combine(book, "figures", "01-first", "01-first-fig.csv")));

        // Navigation, solutions, footer.
        Assert.Contains("rel=\"next\" href=\"01-first-solutions.html\"", page);
        Assert.Contains("href=\"01-first-solutions.html\">Solutions to the first</a>", page);
        Assert.Contains("LotteryTickets 9.9.9, commit abc123", page);
        string solution = File.ReadAllText(Path.Combine(book, "01-first-solutions.html"));
        Assert.Contains("rel=\"prev\" href=\"01-first.html\"", solution);
        Assert.Contains("did not run cleanly", solution);

        // The index: the chapter's contents with summary, run time and status.
        string contents = File.ReadAllText(index);
        Assert.Contains("<a href=\"01-first.html\">The first</a>", contents);
        Assert.Contains("A one-line summary.", contents);
        Assert.Contains("12 s", contents);
        Assert.Contains("1.6 min, failed", contents);
        Assert.Contains("1 of 2 notebooks ran without error", contents);
    }

    [Fact]
    public void ReplacesAnOlderBookWhole()
    {
        using var root = new TempFolder("lottery-book");
        Directory.CreateDirectory(root["book"]);
        File.WriteAllText(root[Path.Combine("book", "stale.html")], "old");
        BookWriter.Write(root.Path, HandMadeRun(root), Made);
        Assert.False(File.Exists(root[Path.Combine("book", "stale.html")]));
    }

    [ChromiumFact]
    public async Task AHandMadeBookLoadsCleanInChromium()
    {
        using var root = new TempFolder("lottery-book");
        BookWriter.Write(root.Path, HandMadeRun(root), Made);
        var check = await BookCheck.RunAsync(root["book"], DevTools.FindBrowser()!, root["shots"]);
        Assert.True(check.Ok, check.ToString());
        Assert.Equal(3, check.Pages.Count);
        var first = Assert.Single(check.Pages, p => p.Page == "01-first.html");
        Assert.Equal((1, 1), (first.Charts, first.ChartsRendered));
        Assert.True(new FileInfo(root[Path.Combine("shots", "index.png")]).Length > 1000);
    }

    [ChromiumFact]
    public async Task TheCheckCatchesScriptErrorsRequestsOutsideTheBookBlankChartsAndBrokenLinks()
    {
        using var root = new TempFolder("lottery-book");
        Directory.CreateDirectory(root["book"]);
        File.WriteAllText(root[Path.Combine("book", "bad.html")],
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" +
            "<div id=\"lottery-chart-1\"></div>" +                        // never drawn: no plotly in this page
            "<img src=\"https://example.invalid/logo.png\">" +           // a request to the network
            "<a href=\"missing.html\">next</a>" +                        // a link that does not resolve
            "<script>throw new Error('deliberate');</script></body></html>");
        var check = await BookCheck.RunAsync(root["book"], DevTools.FindBrowser()!, null);
        var bad = Assert.Single(check.Pages);
        Assert.False(check.Ok);
        Assert.Equal((1, 0), (bad.Charts, bad.ChartsRendered));
        Assert.Contains(bad.ScriptErrors, e => e.Contains("deliberate"));
        Assert.Contains(bad.OutsideRequests, r => r.StartsWith("https://example.invalid/", StringComparison.Ordinal));
        Assert.Contains(bad.BrokenLinks, l => l.Contains("missing.html"));
    }

    /// <summary>The acceptance check: the book the reproduce command wrote for the whole collection — every page loads in
    /// Chromium from file:// with no script error and no request outside the book, every chart drawn, every link
    /// resolving. Screenshots go to the run's book-check/ folder (and to $LOTTERY_BOOK_SCREENSHOTS when set).</summary>
    [ChromiumFact]
    public async Task TheCollectionsBookLoadsCleanInChromium()
    {
        var run = await kernel.Collection();
        Assert.True(File.Exists(Path.Combine(run.Book, "index.html")));
        string shots = Environment.GetEnvironmentVariable("LOTTERY_BOOK_SCREENSHOTS") is { Length: > 0 } s ? s
            : Path.Combine(run.OutputDirectory, "book-check");
        var check = await BookCheck.RunAsync(run.Book, DevTools.FindBrowser()!, shots);
        Assert.True(check.Ok, check.ToString());
        Assert.Equal(run.Report.Results.Count + 1, check.Pages.Count);
        Assert.True(check.Pages.Sum(p => p.ChartsRendered) >= run.Report.Results.Count, "the book should show the run's charts");
        Assert.True(File.Exists(Path.Combine(shots, "index.png")));
    }
}
