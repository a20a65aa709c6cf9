namespace LotteryNotebooks.Reproduce;

/// <summary>
/// The order and overlap of a reproduce run. Up to <c>jobs</c> notebooks run at once, each in its own kernel (they share
/// the run store, which serialises two kernels asking for one run), under two rules:
/// <list type="bullet">
/// <item>a solutions notebook starts after its section's notebook has finished, so it finds that notebook's runs in
/// the store, as a reader meets them;</item>
/// <item>a timed notebook runs alone: it starts when nothing else runs, and nothing starts beside it. Timed notebooks
/// come first, so that no lane idles while the others drain before one.</item>
/// </list>
/// Otherwise notebooks start in the collection's order (sections, then solutions).
/// </summary>
public sealed class CollectionSchedule
{
    readonly List<ScheduledNotebook> pending;
    readonly HashSet<string> selected;
    readonly HashSet<string> finished = new(StringComparer.Ordinal);
    readonly List<ScheduledNotebook> running = [];

    /// <param name="notebooks">The selected notebooks in the collection's order.</param>
    /// <param name="jobs">How many notebooks may run at once (≥ 1).</param>
    public CollectionSchedule(IReadOnlyList<ScheduledNotebook> notebooks, int jobs)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        if (jobs < 1) throw new ArgumentOutOfRangeException(nameof(jobs), jobs, $"jobs must be ≥ 1; got {jobs}.");
        Jobs = jobs;
        pending = [.. notebooks.Where(n => n.Timed), .. notebooks.Where(n => !n.Timed)];
        selected = notebooks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>How many notebooks may run at once.</summary>
    public int Jobs { get; }

    /// <summary>True when every notebook has been started and has finished.</summary>
    public bool Done => pending.Count == 0 && running.Count == 0;

    /// <summary>The notebooks running now.</summary>
    public IReadOnlyList<ScheduledNotebook> Running => running;

    /// <summary>The next notebook to start now, or null when none may start until a running one finishes.</summary>
    public ScheduledNotebook? Next()
    {
        if (running.Count >= Jobs || running.Any(r => r.Timed)) return null;
        foreach (var n in pending)
        {
            if (n.IsSolution && selected.Contains(n.MainName) && !finished.Contains(n.MainName)) continue; // its section has not finished
            if (n.Timed && running.Count > 0) return null; // the first ready one is timed: let the others drain
            pending.Remove(n);
            running.Add(n);
            return n;
        }
        return null;
    }

    /// <summary>Records that <paramref name="notebook"/> has finished (succeeded or not).</summary>
    public void Finished(ScheduledNotebook notebook)
    {
        if (!running.Remove(notebook))
            throw new InvalidOperationException($"{notebook.Name} is not running.");
        finished.Add(notebook.Name);
    }

    /// <summary>How many notebooks to run at once by default: one per core (the notebooks train on one libtorch thread),
    /// at most <see cref="MaxDefaultJobs"/>.</summary>
    public static int DefaultJobs => Math.Clamp(Environment.ProcessorCount, 1, MaxDefaultJobs);

    /// <summary>The cap on <see cref="DefaultJobs"/>.</summary>
    public const int MaxDefaultJobs = 4;
}
