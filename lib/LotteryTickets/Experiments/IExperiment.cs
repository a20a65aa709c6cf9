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

/// <summary>How an experiment runs: where results are kept, whether to ignore them, the budget that is part of their
/// name, where progress goes, and cancellation. The default runs without a store, at <see cref="Budget.Current"/>.</summary>
public sealed record ExperimentContext : IValidated
{
    /// <summary>The run store (null: compute, keep nothing).</summary>
    public RunStore? Store { get; init; }

    /// <summary>Compute afresh even where the store has the result (and replace it).</summary>
    public bool Recompute { get; init; }

    /// <summary>The budget (not null); its name is part of every run key.</summary>
    public Budget Budget { get; init; } = Budget.Current;

    /// <summary>Where progress goes (reports may come from worker threads).</summary>
    public IProgress<ExperimentProgress>? Progress { get; init; }

    /// <summary>Stops the run between units of work.</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>
/// The one progress report of every experiment, as data: <paramref name="Completed"/> of <paramref name="Total"/>
/// units of work (cells, trials, training iterations …) and, where there is one, what is running now — the stage of a
/// composite experiment, the training of one level, the timing just measured. The notebook layer words it.
/// </summary>
/// <param name="Completed">Units finished.</param>
/// <param name="Total">Units in the whole experiment.</param>
/// <param name="Unit">What a unit is, e.g. "cells" (plural).</param>
public readonly record struct ExperimentProgress(int Completed, int Total, string Unit)
{
    /// <summary>Share of the work done, 0–1.</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Completed / Total, 0, 1);

    /// <summary>The part of a composite experiment that runs now, e.g. "teacher" or "students distilled" (null: the
    /// experiment has one part).</summary>
    public string? Stage { get; init; }

    /// <summary>The level being trained, or just loaded from the run store (null: the unit of work is no training).</summary>
    public TrainingStatus? Training { get; init; }

    /// <summary>The measurement a timing sweep just made (null: none).</summary>
    public TimingStatus? Timing { get; init; }
}

/// <summary>The kinds of experiment the run store knows, one constant each (they name stored runs: never rename one).</summary>
public static class ExperimentKinds
{
    /// <summary><see cref="TicketExperiment"/>: IMP with its controls, one run per seed.</summary>
    public const string TicketExperiment = "ticket_experiment";

    /// <summary><see cref="Experiments.OmpRecoverySweep"/>.</summary>
    public const string OmpRecovery = "omp_recovery";

    /// <summary><see cref="Experiments.L1ConvergenceSweep"/>.</summary>
    public const string L1Convergence = "l1_convergence";

    /// <summary><see cref="Experiments.L1PathSweep"/>.</summary>
    public const string L1Path = "l1_path";

    /// <summary><see cref="Experiments.PhaseDiagramSweep"/>.</summary>
    public const string PhaseDiagram = "phase_diagram";

    /// <summary><see cref="Experiments.TeacherRecoverySweep"/>.</summary>
    public const string TeacherRecovery = "teacher_recovery";

    /// <summary><see cref="Experiments.DesignComparisonSweep"/>.</summary>
    public const string DesignComparison = "design_comparison";

    /// <summary><see cref="Experiments.LayerDesignSweep"/>.</summary>
    public const string LayerDesign = "layer_design";

    /// <summary><see cref="Experiments.SpeedSweep"/>.</summary>
    public const string Speed = "speed";

    /// <summary><see cref="Experiments.DistillationExperiment"/> (its runs are stored as ticket experiments: teacher, students, baselines).</summary>
    public const string Distillation = "distillation";
}
