using LotteryTickets.Experiments;
using LotteryTickets.Hardware;
using static TorchSharp.torch;

namespace LotteryTickets.Interactive;

/// <summary>
/// The first cell of every notebook: <c>var nb = Notebook.Setup("00-winning-tickets");</c>. Binds FSharp.Core for
/// Plotly.NET, registers the offline chart formatter and the library's HTML formatters, makes TorchSharp's natives
/// loadable where the C++ runtime is old (<see cref="TorchNatives"/>), chooses the device (CUDA when
/// available; <c>forceCpu</c> or <c>LOTTERY_DEVICE=cpu</c> for CPU) and reads the budget.
/// </summary>
public static class Notebook
{
    /// <summary>Environment variable that makes every notebook recompute instead of loading stored runs.</summary>
    public const string RecomputeVariable = "LOTTERY_RECOMPUTE";

    /// <summary>Sets up the kernel for a notebook and returns what the notebook needs.</summary>
    /// <param name="name">The notebook's name (names its figure folder).</param>
    /// <param name="forceCpu">Run on the CPU even where CUDA is available.</param>
    /// <param name="threads">CPU threads for libtorch (null: leave libtorch's default).</param>
    /// <param name="recompute">Ignore results already in the run store and compute them afresh (also
    /// <c>LOTTERY_RECOMPUTE=1</c>).</param>
    public static NotebookSession Setup(string name, bool forceCpu = false, int? threads = null, bool recompute = false)
    {
        Check.That(!string.IsNullOrWhiteSpace(name),
            $"name must name the notebook, e.g. \"00-winning-tickets\"; got {Quoted(name)}.", nameof(name));
        if (threads is not null) Check.InRange(threads.Value, 1, Environment.ProcessorCount * 4, nameof(threads));
        FSharpCoreBinding.Install();
        RegisterFormatters();
        TorchNatives.EnsureLoadable(); // before any torch call: older Linux C++ runtimes, package users
        return Start(name, forceCpu, threads, recompute);
    }

    static string Quoted(string? text) => text is null ? "null" : $"\"{text}\"";

    // Kept apart so that no torch type is touched before TorchNatives has run.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static NotebookSession Start(string name, bool forceCpu, int? threads, bool recompute)
    {
        if (threads is { } t) set_num_threads(t);
        var device = Devices.Choose(forceCpu);
        string output = NotebookSession.DefaultOutputDirectory();
        var store = new RunStore(Path.Combine(output, "runs", "runs.db"));
        recompute |= Environment.GetEnvironmentVariable(RecomputeVariable) is "1" or "true" or "TRUE" or "True";
        var session = new NotebookSession(name, device, Budget.Current, LibraryVersion, output, store, recompute);
        if (File.Exists(session.VerdictsPath)) File.Delete(session.VerdictsPath); // this run's verdicts start empty
        return session;
    }

    /// <summary>The library's informational version.</summary>
    public static string LibraryVersion => LibraryInfo.Version;

    /// <summary>Registers every formatter of the library (idempotent).</summary>
    public static void RegisterFormatters()
    {
        OfflinePlotly.ResetScript();
        RegisterChartFormatter();
        HtmlFormatters.Register();
    }

    // Kept apart so that FSharp.Core binding is installed before any Plotly.NET type is touched.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static void RegisterChartFormatter() => OfflinePlotly.Register();
}
