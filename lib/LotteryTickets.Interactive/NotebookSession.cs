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
