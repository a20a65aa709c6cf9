namespace LotteryTickets.Experiments;

/// <summary>
/// An experiment of the chapter: a record whose values name its run and are what runs (open_lth's hparams). Every
/// experiment — IMP with its controls, each sweep of the sparse-recovery and design chapters — runs through
/// <see cref="Run"/>, which keeps its results in the <see cref="ExperimentContext.Store"/> and loads them from there
/// when they are already stored. Notebooks call it as <c>nb.Run(experiment, "title")</c>.
/// </summary>
/// <typeparam name="TResult">What the experiment measured: plain numbers, no tensors.</typeparam>
public interface IExperiment<out TResult>
{
    /// <summary>The run store's name for this kind of experiment (one of <see cref="ExperimentKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Validates the settings, then loads the result from the store or computes (and stores) it.</summary>
    TResult Run(ExperimentContext? context = null);
}
