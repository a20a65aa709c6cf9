using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using System.Diagnostics;

namespace LotteryTickets.Interactive;

/// <summary>
/// One progress line that updates in place in a notebook (level, epoch, accuracy, elapsed, ETA) instead of a wall of
/// printed lines. Outside a kernel it writes to the console. When the reproduce command runs the notebook it also
/// appends each line to the file named by <c>LOTTERY_PROGRESS_FILE</c>, which the command shows in the terminal.
/// Reports from any thread are accepted; updates are throttled to a few per second.
/// </summary>
public sealed class LiveProgress<T> : IProgress<T>
{
    /// <summary>Environment variable naming the file the reproduce command reads progress from.</summary>
    public const string ProgressFileVariable = "LOTTERY_PROGRESS_FILE";

    readonly Func<T, string> describe;
    readonly Func<T, double>? fractionDone;
    readonly string title;
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly KernelInvocationContext? context;
    DisplayedValue? line;
    readonly string? progressFile;
    readonly object gate = new();
    long lastUpdateMs = -1000, lastFileMs = -10_000;
    string last = "";

    /// <summary>Starts a progress line.</summary>
    /// <param name="title">What is running, e.g. "IMP (ticket)".</param>
    /// <param name="describe">Text for one report, e.g. <c>p =&gt; $"level {p.Level} epoch {p.Epoch}"</c>.</param>
    /// <param name="fractionDone">Optional share of the work done (0–1) for an ETA.</param>
    public LiveProgress(string title, Func<T, string> describe, Func<T, double>? fractionDone = null)
    {
        this.describe = Check.NotNull(describe);
        this.title = title;
        this.fractionDone = fractionDone;
        progressFile = Environment.GetEnvironmentVariable(ProgressFileVariable);
        context = KernelInvocationContext.Current;
        // Under the reproduce command the terminal shows progress; the saved notebook keeps only the final line.
        if (progressFile is null)
            line = context?.Display(Html($"{title}: starting…"), HtmlFormatter.MimeType);
    }

    /// <inheritdoc />
    public void Report(T value)
    {
        string text = describe(value);
        double? done = fractionDone?.Invoke(value);
        lock (gate)
        {
            long now = clock.ElapsedMilliseconds;
            last = text;
            if (done is not >= 1.0 && now - lastUpdateMs < 250) return;
            lastUpdateMs = now;
            Write(Format(text, done));
        }
    }

    /// <summary>Writes the final line ("done in …").</summary>
    public void Complete(string? summary = null)
    {
        lock (gate)
            Write($"{title}: {summary ?? (last == "" ? "loaded from the run store" : last)} — done in {Seconds(clock.Elapsed.TotalSeconds)}",
                final: true);
    }

    string Format(string text, double? done)
    {
        string eta = done is > 0 and < 1 ? $", ETA {Seconds(clock.Elapsed.TotalSeconds * (1 - done.Value) / done.Value)}" : "";
        string pct = done is { } d ? $" [{d:P0}]" : "";
        return $"{title}{pct}: {text} — {Seconds(clock.Elapsed.TotalSeconds)} elapsed{eta}";
    }

    // The final line is shown even where the updates were not (under the reproduce command) and always reaches the file.
    void Write(string text, bool final = false)
    {
        if (line is not null) line.Update(Html(text));
        else if (context is not null && final) line = context.Display(Html(text), HtmlFormatter.MimeType);
        else if (context is null) Console.WriteLine(text);
        // The terminal gets a line every few seconds, not every update.
        long now = clock.ElapsedMilliseconds;
        if (progressFile is not null && (final || now - lastFileMs >= 3000))
        {
            lastFileMs = now;
            try { File.AppendAllText(progressFile, text + Environment.NewLine); }
            catch (IOException) { /* progress is best effort; the run itself must not fail on it */ }
        }
    }

    static string Seconds(double s) => s < 90 ? $"{s:0.0} s" : $"{s / 60:0.0} min";

    static ProgressLine Html(string text) => new(text);
}
