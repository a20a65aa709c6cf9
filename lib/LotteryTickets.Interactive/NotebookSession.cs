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
    /// <summary>Environment variable naming the output folder (set by the reproduce command; default: the checkout's out/).</summary>
    public const string OutputVariable = "LOTTERY_OUT";

    /// <summary>Folder of this notebook's figure CSVs: <c>&lt;out&gt;/figures/&lt;notebook&gt;</c>.</summary>
    public string FiguresDirectory => Path.Combine(OutputDirectory, "figures", Name);

    /// <summary>Writes the figure's tidy CSV (atomically) and returns the chart, with a link to download that CSV, for display.</summary>
    public ShownFigure Show(IFigure figure)
    {
        Check.NotNull(figure);
        var chart = figure.ToChart();
        Directory.CreateDirectory(FiguresDirectory);
        string path = Path.Combine(FiguresDirectory, figure.Name + ".csv");
        string tmp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(tmp, figure.ToCsv());
        File.Move(tmp, path, overwrite: true);
        return new ShownFigure(figure, chart, path);
    }

    /// <summary>
    /// The result of an experiment, from the run store when it has been computed with the same parameters and budget,
    /// else computed now and stored (<see cref="Recompute"/> forces a fresh run). <paramref name="parameters"/> is the
    /// experiment's options record: its non-default values, the kind and the budget name the run.
    /// </summary>
    public T Cached<T>(string kind, object parameters, Func<T> compute) =>
        Store.GetOrCompute(RunKey.For(kind, parameters, ("budget", Budget.Name)), compute, Recompute);

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
