using Markdig;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace LotteryNotebooks.Reproduce.Book;

/// <summary>How a book was made: printed in every page's footer.</summary>
public sealed record BookProvenance(string Budget, string LibraryVersion, string Commit, DateTimeOffset Made);

/// <summary>
/// Writes <c>out/book/</c>: a static site of the executed notebooks that opens from <c>file://</c> with no network —
/// an index with the chapter's contents (title, one-line summary, run time, status), one page per notebook and
/// solution with its prose, code, tables and interactive charts, previous/next navigation, links to each figure's CSV
/// and to the solutions, and a footer saying how it was made. plotly.js is written once, beside the pages, from the
/// copy the first chart of the run carried inline; the pages reference it instead of repeating 3.6 MB each.
/// The book is built in a temporary folder and moved into place, so a reader never sees half a book.
/// </summary>
public static partial class BookWriter
{
    /// <summary>The file name of a notebook's page.</summary>
    public static string PageName(string notebookName) => notebookName + ".html";

    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Writes the book for <paramref name="report"/>'s executed notebooks into <paramref name="outRoot"/>/book
    /// and returns the path of its index.</summary>
    public static string Write(string outRoot, RunReport report, BookProvenance provenance)
    {
        string final = Path.Combine(outRoot, "book");
        string staging = Path.Combine(outRoot, $"book.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var pages = report.Results.Where(r => r.Output is not null && File.Exists(r.Output))
                .Select(r => new Page(r, ExecutedNotebook.Read(r.Output!, r.Source))).ToList();
            string? plotlyFile = null;
            foreach (var page in pages)
                plotlyFile ??= WritePlotlyJs(page.Notebook, staging);
            File.WriteAllText(Path.Combine(staging, "book.css"), Css);
            for (int i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var figures = CopyFigures(outRoot, staging, page.Name);
                string html = PageHtml(page, i > 0 ? pages[i - 1] : null, i + 1 < pages.Count ? pages[i + 1] : null,
                    pages, figures, plotlyFile, provenance);
                File.WriteAllText(Path.Combine(staging, PageName(page.Name)), html);
            }
            File.WriteAllText(Path.Combine(staging, "index.html"), IndexHtml(pages, report, provenance));
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(staging, final);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return Path.Combine(final, "index.html");
    }

    /// <summary>The provenance of a book made now from the checkout at <paramref name="repoRoot"/>.</summary>
    public static BookProvenance ProvenanceNow(string repoRoot, string budget)
    {
        string version = (typeof(BookWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?")
            .Split('+')[0];
        string commit = "unknown (not a git checkout)";
        ChildProcess.Outcome Git(params string[] args) =>
            ChildProcess.RunAsync("git", args, repoRoot, null, TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        try
        {
            var head = Git("rev-parse", "--short=12", "HEAD");
            if (head.ExitCode == 0)
            {
                commit = head.OutputTail.Trim();
                var status = Git("status", "--porcelain", "--untracked-files=no");
                if (status.ExitCode == 0 && status.OutputTail.Trim().Length > 0) commit += " (with uncommitted changes)";
            }
        }
        catch (System.ComponentModel.Win32Exception) { } // no git on PATH
        return new BookProvenance(budget, version, commit, DateTimeOffset.Now);
    }

    sealed record Page(NotebookResult Result, ExecutedNotebook Notebook)
    {
        public string Name => Result.Name;
        public bool IsSolution => RepoLayout.IsSolution(Name);
        public string MainName => RepoLayout.MainName(Name);
        public string Title => Notebook.Title ?? Name;
        public string Number => new string(Name.TakeWhile(char.IsDigit).ToArray());
    }

    /// <summary>Takes plotly.js out of the notebook's first chart output (the script element the offline formatter marks
    /// with <c>data-lottery-plotly</c>) and writes it as a file; returns the file name, or null when it has no charts.</summary>
    static string? WritePlotlyJs(ExecutedNotebook notebook, string folder)
    {
        foreach (var html in notebook.Cells.SelectMany(c => c.Outputs).OfType<RichOutput>().Select(o => o.Data.GetValueOrDefault("text/html")))
        {
            if (html is null) continue;
            var m = PlotlyScript().Match(html);
            if (!m.Success) continue;
            string name = $"plotly-{m.Groups["version"].Value}.min.js";
            File.WriteAllText(Path.Combine(folder, name), m.Groups["body"].Value);
            return name;
        }
        return null;
    }

    static IReadOnlyList<string> CopyFigures(string outRoot, string book, string notebook)
    {
        string from = Path.Combine(outRoot, "figures", notebook);
        if (!Directory.Exists(from)) return [];
        string to = Path.Combine(book, "figures", notebook);
        Directory.CreateDirectory(to);
        var names = Directory.GetFiles(from, "*.csv").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in names) File.Copy(Path.Combine(from, name), Path.Combine(to, name));
        return names;
    }

    static string PageHtml(Page page, Page? previous, Page? next, IReadOnlyList<Page> pages, IReadOnlyList<string> figures,
        string? plotlyFile, BookProvenance provenance)
    {
        var sb = new StringBuilder();
        Head(sb, page.Title, plotlyFile);
        Nav(sb, previous, next);
        sb.Append("<main>\n");
        if (!page.Result.Succeeded)
            sb.Append("<p class=\"failed\">This notebook did not run cleanly in this build: ")
              .Append(E(page.Result.FirstErrorLine())).Append("</p>\n");
        int n = 0;
        foreach (var cell in page.Notebook.Cells)
        {
            n++;
            if (cell.Kind == "markdown")
            {
                sb.Append("<section class=\"markdown\">").Append(RewriteNotebookLinks(Markdig.Markdown.ToHtml(cell.Source, Markdown),
                    pages)).Append("</section>\n");
                continue;
            }
            if (!cell.IsCode) continue;
            sb.Append("<section class=\"cell\" id=\"cell-").Append(n).Append("\">\n<pre class=\"code\"><code class=\"language-csharp\">")
              .Append(E(cell.Source)).Append("</code></pre>\n");
            foreach (var output in cell.Outputs) Output(sb, output, page.Name);
            sb.Append("</section>\n");
        }
        var related = pages.FirstOrDefault(p => p != page && p.MainName == page.MainName);
        sb.Append("<section class=\"related\">\n");
        if (related is not null)
            sb.Append("<p>").Append(page.IsSolution ? "The notebook these solve: " : "Worked solutions to this notebook's exercises: ")
              .Append("<a class=\"related-link\" href=\"").Append(PageName(related.Name)).Append("\">").Append(E(related.Title)).Append("</a></p>\n");
        if (figures.Count > 0)
        {
            sb.Append("<p>The data behind this page's figures (tidy CSV, one row per point):</p>\n<ul class=\"figures\">\n");
            foreach (var f in figures)
                sb.Append("<li><a href=\"figures/").Append(Uri.EscapeDataString(page.Name)).Append('/').Append(Uri.EscapeDataString(f)).Append("\">")
                  .Append(E(f)).Append("</a></li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append("</section>\n</main>\n");
        Nav(sb, previous, next);
        Footer(sb, provenance, page.Result);
        return sb.ToString();
    }

    static void Output(StringBuilder sb, CellOutput output, string notebook)
    {
        switch (output)
        {
            case StreamOutput s:
                sb.Append("<pre class=\"output stream ").Append(E(s.Name)).Append("\">").Append(E(s.Text)).Append("</pre>\n");
                break;
            case ErrorOutput e:
                sb.Append("<pre class=\"output error\">").Append(E($"{e.Name}: {e.Message}")).Append("</pre>\n");
                break;
            case RichOutput r when r.Data.TryGetValue("text/html", out var html) && IsKernelBootstrap(html):
                break; // the kernel's JavaScript API (Jupyter): plumbing that probes the kernel's port, not content
            case RichOutput r when r.Data.TryGetValue("text/html", out var html):
                sb.Append("<div class=\"output html\">").Append(BookHtml(html, notebook)).Append("</div>\n");
                break;
            case RichOutput r when r.Data.TryGetValue("text/markdown", out var md):
                sb.Append("<div class=\"output markdown\">").Append(Markdig.Markdown.ToHtml(md, Markdown)).Append("</div>\n");
                break;
            case RichOutput r when r.Data.TryGetValue("image/svg+xml", out var svg):
                sb.Append("<div class=\"output image\">").Append(svg).Append("</div>\n");
                break;
            case RichOutput r when r.Data.TryGetValue("image/png", out var png):
                sb.Append("<div class=\"output image\"><img alt=\"cell output\" " +
                    "src=\"data:image/png;base64,").Append(png.Trim()).Append("\"></div>\n");
                break;
            case RichOutput r when r.Data.TryGetValue("text/plain", out var text):
                sb.Append("<pre class=\"output text\">").Append(E(text)).Append("</pre>\n");
                break;
        }
    }

    /// <summary>True for the output dotnet-interactive adds under Jupyter to load its JavaScript API from the kernel's
    /// local HTTP port.</summary>
    public static bool IsKernelBootstrap(string html) => html.Contains("dotnet-interactive-this-cell-", StringComparison.Ordinal);

    /// <summary>A cell's HTML as the book shows it: without the inline plotly.js (the page loads the shared file), and
    /// with each figure's embedded CSV download replaced by a link to the CSV file beside the page.</summary>
    internal static string BookHtml(string html, string notebook)
    {
        html = PlotlyScript().Replace(html, "");
        return FigureData().Replace(html, m =>
        {
            string file = WebUtility.HtmlDecode(m.Groups["name"].Value) + ".csv";
            return $"<div class=\"figure-data\"><a href=\"figures/{Uri.EscapeDataString(notebook)}/{Uri.EscapeDataString(file)}\">figure data " +
                $"({E(file)})</a></div>";
        });
    }

    static string RewriteNotebookLinks(string html, IReadOnlyList<Page> pages) =>
        NotebookLink().Replace(html, m =>
        {
            string stem = Path.GetFileNameWithoutExtension(WebUtility.HtmlDecode(m.Groups["path"].Value));
            return pages.Any(p => p.Name == stem) ? $"href=\"{PageName(stem)}\"" : m.Value;
        });

    static string IndexHtml(IReadOnlyList<Page> pages, RunReport report, BookProvenance provenance)
    {
        var sb = new StringBuilder();
        Head(sb, "The Lottery Ticket Hypothesis — an executed chapter", plotlyFile: null);
        sb.Append("<main>\n<h1>The Lottery Ticket Hypothesis, executed</h1>\n")
          .Append("<p class=\"lead\">Every notebook of LotteryNotebooks as it ran for this book — prose, code, tables and interactive ")
          .Append("charts, computed by the library in the run (").Append(E(provenance.Budget)).Append(" budget). ")
          .Append("The pages open without a network and without a kernel; the notebooks themselves are in <code>notebooks/</code>.</p>\n")
          .Append("<table class=\"contents\">\n<thead><tr><th>§</th><th>section</th><th>what it shows</th><th>run " +
              "time</th><th>status</th><th>solutions</th></tr></thead>\n<tbody>\n");
        foreach (var page in pages.Where(p => !p.IsSolution))
        {
            var solution = pages.FirstOrDefault(p => p.IsSolution && p.MainName == page.Name);
            sb.Append("<tr><td>").Append(E(page.Number.TrimStart('0') is "" ? "0" : page.Number.TrimStart('0'))).Append("</td>")
              .Append("<td><a href=\"").Append(PageName(page.Name)).Append("\">").Append(E(TitleWithoutNumber(page.Title))).Append("</a></td>")
              .Append("<td>").Append(E(page.Notebook.Summary ?? "")).Append("</td>")
              .Append("<td class=\"num\">").Append(Seconds(page.Result.Seconds)).Append("</td>")
              .Append("<td class=\"").Append(page.Result.Status).Append("\">").Append(page.Result.Status).Append("</td>")
              .Append("<td class=\"solutions\">");
            if (solution is not null)
                sb.Append("<a href=\"").Append(PageName(solution.Name)).Append("\">solutions</a> (").Append(Seconds(solution.Result.Seconds))
                  .Append(solution.Result.Succeeded ? "" : ", failed").Append(')');
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n<p>").Append(report.Results.Count(r => r.Succeeded)).Append(" of ").Append(report.Results.Count)
          .Append(" notebooks ran without error; ").Append(Seconds(report.Results.Sum(r => r.Seconds))).Append(" in all")
          .Append(report.WallSeconds is { } wall && report.Jobs > 1 ? $" ({Seconds(wall)} on the clock, up to {report.Jobs} at a time)" : "")
          .Append(".</p>\n</main>\n");
        Footer(sb, provenance, null);
        return sb.ToString();
    }

    static string TitleWithoutNumber(string title) => TitleNumber().Replace(title, "");

    static string Seconds(double s) => s < 90 ? $"{s.ToString("0", CultureInfo.InvariantCulture)} s"
        : $"{(s / 60).ToString("0.0", CultureInfo.InvariantCulture)} min";

    static void Head(StringBuilder sb, string title, string? plotlyFile)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(title)).Append(" · LotteryNotebooks</title>\n<link rel=\"stylesheet\" href=\"book.css\">\n");
        if (plotlyFile is not null) sb.Append("<script src=\"").Append(plotlyFile).Append("\"></script>\n");
        sb.Append("</head>\n<body>\n");
    }

    static void Nav(StringBuilder sb, Page? previous, Page? next)
    {
        sb.Append("<nav class=\"book-nav\">")
          .Append(previous is null ? "<span class=\"prev\"></span>"
              : $"<a class=\"prev\" rel=\"prev\" href=\"{PageName(previous.Name)}\">← {E(previous.Title)}</a>")
          .Append("<a class=\"contents-link\" href=\"index.html\">contents</a>")
          .Append(next is null ? "<span class=\"next\"></span>"
              : $"<a class=\"next\" rel=\"next\" href=\"{PageName(next.Name)}\">{E(next.Title)} →</a>")
          .Append("</nav>\n");
    }

    static void Footer(StringBuilder sb, BookProvenance p, NotebookResult? result)
    {
        sb.Append("<footer>How this was made: executed by the reproduce command (<code>dotnet run --project environment/Reproduce</code>) ")
          .Append("in the stock .NET Interactive kernel, ").Append(E(p.Budget)).Append(" budget; LotteryTickets ").Append(E(p.LibraryVersion))
          .Append(", commit ").Append(E(p.Commit)).Append(", ").Append(p.Made.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        if (result is not null) sb.Append("; this notebook ran in ").Append(Seconds(result.Seconds)).Append(" (").Append(result.Status).Append(')');
        sb.Append(".</footer>\n</body>\n</html>\n");
    }

    static string E(string s) => WebUtility.HtmlEncode(s);

    [GeneratedRegex(@"<script[^>]*\bdata-lottery-plotly=""(?<version>[0-9.]+)""[^>]*>(?<body>.*?)</script>\n?", RegexOptions.Singleline)]
    private static partial Regex PlotlyScript();

    [GeneratedRegex(@"<div class=""lottery-figure-data"" data-figure=""(?<name>[^""]+)""[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex FigureData();

    [GeneratedRegex(@"href=""(?<path>(?!https?:)[^""#]+\.ipynb)""")]
    private static partial Regex NotebookLink();

    [GeneratedRegex(@"^\d+\s*·\s*")]
    private static partial Regex TitleNumber();

    const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1f2328;
               max-width: 1100px; margin: 0 auto; padding: 0 1.5rem 2rem; }
        h1, h2, h3 { line-height: 1.25; }
        code, pre { font-family: ui-monospace, "Cascadia Code", Menlo, Consolas, monospace; font-size: 0.88em; }
        pre.code { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.7em 0.9em; overflow-x: auto; }
        pre.output { padding: 0.4em 0.9em; border-left: 3px solid #d0d7de; overflow-x: auto; white-space: pre-wrap; }
        pre.error, p.failed { border-left: 3px solid #cf222e; color: #82071e; background: #ffebe9; }
        div.output { overflow-x: auto; margin: 0.4em 0 1em; }
        section.cell { margin: 1em 0 1.5em; }
        table { border-collapse: collapse; }
        section.markdown table td, section.markdown table th, table.contents td, table.contents th
        """ + " { border-bottom: 1px solid #d0d7de; padding: 3px 8px; text-align: left; vertical-align: top; }\n" + """
        table.contents td.num, table.contents td.solutions { white-space: nowrap; } table.contents td.num { text-align: right; }
        td.ok { color: #1a7f37; } td.failed { color: #cf222e; font-weight: bold; }
        nav.book-nav { display: flex; justify-content: space-between; gap: 1em; padding: 0.8em 0;
        """ + " border-bottom: 1px solid #d0d7de; margin-bottom: 1em; }\n" + """
        nav.book-nav:last-of-type { border-bottom: none; border-top: 1px solid #d0d7de; margin-top: 2em; }
        nav.book-nav .prev, nav.book-nav .next { flex: 1; } nav.book-nav .next { text-align: right; }
        a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
        div.figure-data { font-size: 0.85em; }
        footer { margin-top: 2em; padding-top: 0.8em; border-top: 1px solid #d0d7de; font-size: 0.85em; color: #59636e; }
        p.lead { font-size: 1.1em; }
        """;
}
