using LotteryTickets.Experiments;
using LotteryTickets.Hardware;
using Plotly.NET;
using static TorchSharp.torch;

namespace LotteryTickets.Interactive;

/// <summary>What <see cref="Notebook.Setup"/> decided: the notebook's name, device, budget, library version, where
/// its figure data goes, and the run store its experiments are cached in (<see cref="Recompute"/>: ignore the cache).</summary>
public sealed record NotebookSession(string Name, Device Device, Budget Budget, string LibraryVersion, string OutputDirectory,
    RunStore Store, bool Recompute)
{
    // Checked at construction: FiguresDirectory, Show and ToString read these.
    private readonly string _name = Check.NotBlank(Name);

    /// <summary>The notebook's name (names its figure folder).</summary>
    public string Name { get => _name; init => _name = Check.NotBlank(value, nameof(Name)); }

    private readonly Device _device = Check.NotNull(Device);

    /// <summary>The device its experiments run on.</summary>
    public Device Device { get => _device; init => _device = Check.NotNull(value, nameof(Device)); }

    private readonly Budget _budget = Check.NotNull(Budget);

    /// <summary>The budget its experiments run at.</summary>
    public Budget Budget { get => _budget; init => _budget = Check.NotNull(value, nameof(Budget)); }

    private readonly string _outputDirectory = Check.NotNull(OutputDirectory);

    /// <summary>The output folder (figures go to its figures/ folder; empty: relative to the current directory).</summary>
    public string OutputDirectory { get => _outputDirectory; init => _outputDirectory = Check.NotNull(value, nameof(OutputDirectory)); }

    private readonly RunStore _store = Check.NotNull(Store);

    /// <summary>The run store its experiments are cached in.</summary>
    public RunStore Store { get => _store; init => _store = Check.NotNull(value, nameof(Store)); }

    /// <summary>Environment variable naming the output folder (set by the reproduce command; default: the checkout's out/).</summary>
    public const string OutputVariable = "LOTTERY_OUT";

    /// <summary>Folder of this notebook's figure CSVs: <c>&lt;out&gt;/figures/&lt;notebook&gt;</c>.</summary>
    public string FiguresDirectory => Path.Combine(OutputDirectory, "figures", Name);

    /// <summary>Writes the figure's tidy CSV (atomically) and returns the chart, with a link to download that CSV, for display.</summary>
    public ShownFigure Show(IFigure figure)
    {
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
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LotteryNotebooks.sln")))
                return Path.Combine(dir.FullName, "out");
        return Path.Combine(Path.GetTempPath(), "lottery-notebooks-out");
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: device {Devices.Describe(Device)}, budget {Budget.Name}, LotteryTickets {LibraryVersion}, " +
        $"runs {(Recompute ? "recomputed" : "cached")} in {Store.DatabasePath}, figures → {FiguresDirectory}";
}
