using LotteryTickets;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LotteryNotebooks.Reproduce.Book;

/// <summary>What loading one page of the book in Chromium showed.</summary>
public sealed record PageCheck(string Page, int Charts, int ChartsRendered, IReadOnlyList<string> ScriptErrors,
    IReadOnlyList<string> OutsideRequests, IReadOnlyList<string> BrokenLinks, int Links, string? Screenshot)
{
    public bool Ok => Charts == ChartsRendered && ScriptErrors.Count == 0 && OutsideRequests.Count == 0 && BrokenLinks.Count == 0;

    public override string ToString() =>
        $"{Page}: {ChartsRendered}/{Charts} charts rendered, {Links} links" +
        (ScriptErrors.Count > 0 ? $"; script errors: {string.Join(" | ", ScriptErrors)}" : "") +
        (OutsideRequests.Count > 0 ? $"; requests outside the book: {string.Join(", ", OutsideRequests)}" : "") +
        (BrokenLinks.Count > 0 ? $"; broken links: {string.Join(", ", BrokenLinks)}" : "");
}

/// <summary>Every page of a book, loaded in headless Chromium.</summary>
public sealed record BookCheckReport(string Book, IReadOnlyList<PageCheck> Pages)
{
    public bool Ok => Pages.Count > 0 && Pages.All(p => p.Ok);
    public override string ToString() => string.Join("\n", Pages.Select(p => (p.Ok ? "ok  " : "BAD ") + p));
}

/// <summary>
/// Loads every page of <c>out/book/</c> from <c>file://</c> in headless Chromium and checks what a reader depends on:
/// no script error (exceptions, console errors, failed loads), no request outside the book's folder, every chart drawn
/// by plotly (its SVG present), and every link to a file of the book resolving. Screenshots of each page — the index at
/// its top, a chapter at its first chart — go to the given folder.
/// </summary>
public static class BookCheck
{
    const string ChartCount = "document.querySelectorAll('div[id^=\"lottery-chart-\"]').length";
    const string RenderedCount = "Array.from(document.querySelectorAll('div[id^=\"lottery-chart-\"]')).filter(d => " +
        "d.querySelector('svg.main-svg')).length";
    const string AllLinks = "JSON.stringify(Array.from(document.querySelectorAll('a[href]')).map(a => a.href))";
    const string ScrollToFirstChart = "(() => { const c = document.querySelector('div[id^=\"lottery-chart-\"]'); " +
        "if (c) { c.scrollIntoView({block: 'start'}); window.scrollBy(0, -120); } return !!c; })()";

    /// <summary>Checks the book at <paramref name="bookDirectory"/> with the browser <paramref name="chromium"/>.</summary>
    public static async Task<BookCheckReport> RunAsync(string bookDirectory, string chromium, string? screenshots)
    {
        string book = Path.GetFullPath(bookDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var pages = Directory.GetFiles(book, "*.html").OrderBy(p => Path.GetFileName(p) == "index.html" ? "" : Path.GetFileName(p),
            StringComparer.Ordinal).ToList();
        if (screenshots is not null) Directory.CreateDirectory(screenshots);
        var checks = new List<PageCheck>();
        await using var browser = await DevTools.StartAsync(chromium);
        foreach (var page in pages)
        {
            string url = new Uri(page).AbsoluteUri;
            await browser.NavigateAsync(url, TimeSpan.FromSeconds(60));
            int charts = (await browser.EvaluateAsync(ChartCount))!.GetValue<int>();
            int rendered = 0;
            var clock = Stopwatch.StartNew();
            do
            {
                rendered = (await browser.EvaluateAsync(RenderedCount))!.GetValue<int>();
                if (rendered >= charts) break;
                await Task.Delay(100);
            } while (clock.Elapsed < TimeSpan.FromSeconds(30));
            await Task.Delay(200); // late errors from chart drawing

            var links = JsonSerializer.Deserialize<string[]>((await browser.EvaluateAsync(AllLinks))!.GetValue<string>()) ?? [];
            var broken = new List<string>();
            foreach (var link in links.Distinct())
            {
                var uri = new Uri(link);
                if (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) continue; // a reader's choice to follow, not a request
                if (uri.Scheme != Uri.UriSchemeFile) { broken.Add($"{link} (neither a file of the book nor a web address)"); continue; }
                string target = Uri.UnescapeDataString(uri.AbsolutePath);
                if (!Inside(book, target)) broken.Add($"{link} (outside the book)");
                else if (!File.Exists(target)) broken.Add($"{link} (no such file)");
            }

            var errors = new List<string>();
            var outside = new List<string>();
            foreach (var (method, p) in browser.Events)
            {
                switch (method)
                {
                    case "Runtime.exceptionThrown":
                        var d = p["exceptionDetails"];
                        errors.Add($"{(d?["exception"]?["description"] ?? d?["text"])} (line {(d?["lineNumber"])})");
                        break;
                    case "Runtime.consoleAPICalled" when p["type"]?.GetValue<string>() is "error" or "assert":
                        errors.Add("console: " + string.Join(" ",
                            (p["args"] as JsonArray ?? []).Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString())));
                        break;
                    case "Log.entryAdded" when p["entry"] is JsonObject entry && entry["level"]?.GetValue<string>() == "error":
                        errors.Add($"log: {entry["text"]} {entry["url"]}");
                        break;
                    case "Network.requestWillBeSent":
                        string requested = p["request"]?["url"]?.GetValue<string>() ?? "";
                        if (!Allowed(book, requested)) outside.Add(requested);
                        break;
                    case "Network.loadingFailed":
                        errors.Add($"failed to load a resource: {p["errorText"]}");
                        break;
                }
            }

            string? shot = null;
            bool hasChart = (await browser.EvaluateAsync(ScrollToFirstChart))?.GetValue<bool>() == true;
            if (screenshots is not null && (hasChart || Path.GetFileName(page) == "index.html"))
            {
                await Task.Delay(300);
                shot = Path.Combine(screenshots, Path.GetFileNameWithoutExtension(page) + ".png");
                byte[] png = await browser.ScreenshotAsync();
                AtomicFile.Write(shot, stream => stream.Write(png));
            }
            checks.Add(new PageCheck(Path.GetFileName(page), charts, rendered, errors, outside.Distinct().ToList(), broken, links.Length, shot));
        }
        return new BookCheckReport(book, checks);
    }

    static bool Inside(string book, string path) =>
        Path.GetFullPath(path).StartsWith(book + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    static bool Allowed(string book, string url) =>
        url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("about:", StringComparison.Ordinal) ||
        url.StartsWith("blob:", StringComparison.Ordinal) ||
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile && Inside(book, Uri.UnescapeDataString(uri.AbsolutePath));
}
