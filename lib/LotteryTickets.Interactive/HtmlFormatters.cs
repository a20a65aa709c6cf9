using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Interactive;

/// <summary>HTML tables for the library's results, registered by <see cref="Notebook.Setup"/>.</summary>
public static class HtmlFormatters
{
    /// <summary>Registers the formatters (idempotent).</summary>
    public static void Register()
    {
        Formatter.Register<NotebookSession>((s, w) => w.Write(
            $"<div style=\"font-family:monospace\">{System.Net.WebUtility.HtmlEncode(s.ToString())}</div>"), HtmlFormatter.MimeType);
        Formatter.Register<ProgressLine>((p, w) => w.Write(
            $"<div style=\"font-family:monospace\">{System.Net.WebUtility.HtmlEncode(p.Text)}</div>"), HtmlFormatter.MimeType);
    }
}
