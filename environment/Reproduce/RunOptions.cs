using System.Globalization;

namespace LotteryNotebooks.Reproduce;

/// <summary>What to run: the budget, the output folder, which notebooks, and the per-notebook time limit.</summary>
public sealed record RunOptions
{
    public string Budget { get; init; } = "quick";
    public string? OutputDirectory { get; init; }
    public IReadOnlyList<string> Filters { get; init; } = Array.Empty<string>();
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);
    public bool Build { get; init; } = true;
    public NotebookKernel Kernel { get; init; } = NotebookKernel.Repl;
    public bool Book { get; init; } = true;
    public bool CheckBook { get; init; }

    /// <summary>How many notebooks run at once, each in its own kernel (timed notebooks always run alone); default
    /// <see cref="CollectionSchedule.DefaultJobs"/>.</summary>
    public int Jobs { get; init; } = CollectionSchedule.DefaultJobs;

    /// <summary>Parses the command line: <c>[--budget quick|full] [--out DIR] [--timeout-minutes N] [--jobs N] [--no-build]
    /// [--kernel repl|jupyter] [--no-book] [--check-book] [NAME…]</c>.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var o = new RunOptions();
        var filters = new List<string>();
        bool timeoutGiven = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{a} needs a value.");
            switch (a)
            {
                case "--budget":
                    string b = Next().ToLowerInvariant();
                    if (b is not ("quick" or "full")) throw new ArgumentException($"--budget must be quick or full; got '{b}'.");
                    o = o with { Budget = b };
                    break;
                case "--out": o = o with { OutputDirectory = Next() }; break;
                case "--timeout-minutes":
                    if (!double.TryParse(Next(), CultureInfo.InvariantCulture, out double m) || m <= 0)
                        throw new ArgumentException("--timeout-minutes must be a positive number.");
                    o = o with { Timeout = TimeSpan.FromMinutes(m) };
                    timeoutGiven = true;
                    break;
                case "--jobs":
                    string j = Next();
                    if (!int.TryParse(j, NumberStyles.None, CultureInfo.InvariantCulture, out int jobs) || jobs < 1 || jobs > MaxJobs)
                        throw new ArgumentException($"--jobs must be a whole number from 1 to {MaxJobs}; got '{j}'.");
                    o = o with { Jobs = jobs };
                    break;
                case "--no-build": o = o with { Build = false }; break;
                case "--kernel":
                    string k = Next().ToLowerInvariant();
                    o = o with { Kernel = k switch
                    {
                        "repl" or "dotnet-repl" => NotebookKernel.Repl,
                        "jupyter" => NotebookKernel.Jupyter,
                        _ => throw new ArgumentException($"--kernel must be repl or jupyter; got '{k}'."),
                    } };
                    break;
                case "--no-book": o = o with { Book = false }; break;
                case "--check-book": o = o with { CheckBook = true }; break;
                case "-h" or "--help": throw new HelpRequested();
                default:
                    if (a.StartsWith('-')) throw new ArgumentException($"unknown option {a}.");
                    filters.Add(a);
                    break;
            }
        }
        if (!timeoutGiven && o.Budget == "full") o = o with { Timeout = TimeSpan.FromHours(6) };
        return o with { Filters = filters };
    }

    /// <summary>The most notebooks <c>--jobs</c> lets run at once.</summary>
    public const int MaxJobs = 64;

    public const string Usage =
        "usage: dotnet run --project environment/Reproduce [-- [--budget quick|full] [--out DIR] [--timeout-minutes N] [--jobs N] [--no-build]\n" +
        "                                                      [--kernel repl|jupyter] [--no-book] [--check-book] [NOTEBOOK…]]\n" +
        "  Executes every notebook (or those whose name starts with NOTEBOOK) in a stock .NET Interactive kernel\n" +
        "  (dotnet-repl by default; --kernel jupyter runs Jupyter's nbconvert with the .NET (C#) kernel) and writes the\n" +
        "  executed notebooks, report.md, report.json and the HTML book (book/index.html; --no-book skips it) to out/\n" +
        "  (or DIR). --check-book then loads every page of the book in headless Chromium (/usr/bin/chromium or\n" +
        "  $LOTTERY_CHROMIUM) and writes screenshots to book-check/. --jobs N runs up to N notebooks at once, each in its own\n" +
        "  kernel (default: one per core, at most 4); a solutions notebook starts after its section's, and the notebooks\n" +
        "  that measure time (metadata lottery.timed) run alone.";
}
