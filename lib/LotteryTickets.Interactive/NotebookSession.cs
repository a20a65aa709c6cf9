using LotteryTickets.Experiments;
using LotteryTickets.Hardware;
using static TorchSharp.torch;

namespace LotteryTickets.Interactive;

/// <summary>What <see cref="Notebook.Setup"/> decided: the notebook's name, device, budget, library version, where
/// its figure data goes, and the run store its experiments are cached in (<see cref="Recompute"/>: ignore the cache).
/// Checked where it is used (<see cref="Show"/>, <see cref="Run{T}"/>).</summary>
/// <param name="Name">The notebook's name (names its figure folder).</param>
/// <param name="Device">The device its experiments run on.</param>
/// <param name="Budget">The budget its experiments run at.</param>
/// <param name="LibraryVersion">The library's version, as shown.</param>
/// <param name="OutputDirectory">The output folder (figures go to its figures/ folder; empty: relative to the current directory).</param>
/// <param name="Store">The run store its experiments are cached in.</param>
/// <param name="Recompute">Ignore what the store holds and compute again.</param>
public sealed record NotebookSession([property: NotEmpty] string Name, Device Device, Budget Budget, string LibraryVersion,
    string OutputDirectory, RunStore Store, bool Recompute) : IValidated
{
    /// <summary>Environment variable naming the output folder (set by the reproduce command; default: the checkout's out/).</summary>
    public const string OutputVariable = "LOTTERY_OUT";

    /// <summary>Environment variable naming the folder of the committed full-budget records (default: the checkout's
    /// notebooks/records/).</summary>
    public const string RecordsVariable = "LOTTERY_RECORDS";

    /// <summary>Environment variable naming the commit of the code that runs (set by the reproduce command).</summary>
    public const string CommitVariable = "LOTTERY_COMMIT";

    /// <summary>Folder of the committed full-budget verdict records (null outside a checkout, unless <c>LOTTERY_RECORDS</c> names one).</summary>
    public string? RecordsDirectory { get; init; } = DefaultRecordsDirectory();

    /// <summary>This notebook's verdicts as this run writes them: <c>&lt;out&gt;/verdicts/&lt;notebook&gt;.json</c>.</summary>
    public string VerdictsPath => Path.Combine(OutputDirectory, "verdicts", Name + ".json");

    /// <summary>This notebook's committed full-budget record: <c>notebooks/records/&lt;notebook&gt;.full.json</c>.</summary>
    public string? FullRecordPath => RecordsDirectory is null ? null : Path.Combine(RecordsDirectory, Name + ".full.json");

    /// <summary>
    /// Sets the chapter's claims beside what this run measured (<see cref="Claim.Against"/>): adds them to this run's
    /// verdicts file (<see cref="VerdictsPath"/>; a claim shown again replaces its row) and, at the full budget, to the
    /// full-budget record (<see cref="FullRecordPath"/>, to be committed); returns the table to show, with the full
    /// record's measurement and verdict beside each claim.
    /// </summary>
    public VerdictTable Verdicts(params ClaimResult[] claims)
    {
        Validation.Check(this);
        Check.NotNull(claims);
        Check.That(claims.Length > 0 && claims.All(c => c is not null), "claims must hold at least one claim, and no null.", nameof(claims));
        var now = new VerdictRecord(Name, Budget.Name, DateTimeOffset.Now, Hardware.MachineInfo.Current().ToString(),
            Environment.GetEnvironmentVariable(CommitVariable) is { Length: > 0 } commit ? commit : "unknown", LibraryVersion, []);
        var run = (VerdictRecord.TryRead(VerdictsPath) is { } earlier && earlier.Budget == Budget.Name ? earlier : now) with
        {
            Date = now.Date, Machine = now.Machine, Commit = now.Commit, LibraryVersion = now.LibraryVersion,
        };
        run = run.With(claims);
        run.Write(VerdictsPath);
        if (Budget.IsFull && FullRecordPath is { } record) run.Write(record);
        return new VerdictTable(Budget.Name, claims, Budget.IsFull ? run : VerdictRecord.TryRead(FullRecordPath));
    }

    /// <summary>The committed records' folder: <c>LOTTERY_RECORDS</c>, else <c>notebooks/records/</c> of the checkout around
    /// the current directory, else null.</summary>
    public static string? DefaultRecordsDirectory()
    {
        string? env = Environment.GetEnvironmentVariable(RecordsVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        return Checkout() is { } root ? Path.Combine(root, "notebooks", "records") : null;
    }

    static string? Checkout()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LotteryNotebooks.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>Folder of this notebook's figure CSVs: <c>&lt;out&gt;/figures/&lt;notebook&gt;</c>.</summary>
    public string FiguresDirectory => Path.Combine(OutputDirectory, "figures", Name);

    /// <summary>Writes the figure's tidy CSV (atomically) and returns the chart, with a link to download that CSV, for display.</summary>
    public ShownFigure Show(IFigure figure)
    {
        Validation.Check(this);
        Check.NotNull(figure);
        var chart = figure.ToChart();
        string path = Path.Combine(FiguresDirectory, figure.Name + ".csv");
        AtomicFile.WriteAllText(path, figure.ToCsv());
        return new ShownFigure(figure, chart, path);
    }

    /// <summary>
    /// Runs an experiment of the chapter — IMP with its controls, any sweep — with a live progress line titled
    /// <paramref name="title"/>, keeping its results in this notebook's run store: what the store already holds for the
    /// same settings and budget is loaded, not recomputed (<see cref="Recompute"/> forces a fresh run). The settings
    /// record that names the run is the one that runs.
    /// </summary>
    /// <example><code>var result = nb.Run(OmpFindsTheTicket.Recovery(nb.Budget), "OMP recovery");</code></example>
    public T Run<T>(IExperiment<T> experiment, string? title = null)
    {
        Validation.Check(this);
        Check.NotNull(experiment);
        var progress = new LiveProgress<ExperimentProgress>(title ?? experiment.Kind, ProgressText.Of, p => p.Fraction);
        var result = experiment.Run(new ExperimentContext { Store = Store, Recompute = Recompute, Budget = Budget, Progress = progress });
        progress.Complete();
        return result;
    }

    /// <summary>The output folder: <c>LOTTERY_OUT</c>, else <c>out/</c> of the checkout around the current directory,
    /// else a folder under the system's temporary directory.</summary>
    public static string DefaultOutputDirectory()
    {
        string? env = Environment.GetEnvironmentVariable(OutputVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        return Checkout() is { } root ? Path.Combine(root, "out") : Path.Combine(Path.GetTempPath(), "lottery-notebooks-out");
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: device {Devices.Describe(Device)}, budget {Budget.Name}, LotteryTickets {LibraryVersion}, " +
        $"runs {(Recompute ? "recomputed" : "cached")} in {Store.DatabasePath}, figures → {FiguresDirectory}";
}
