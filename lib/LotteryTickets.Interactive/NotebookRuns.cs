using LotteryTickets.Design;
using LotteryTickets.Experiments;
using LotteryTickets.Sparse;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive;

/// <summary>
/// The sweeps of the sparse-recovery and design chapters, run with a live progress line and kept in the notebook's
/// run store (<see cref="NotebookSession.Cached{T}"/>): a second run with the same options and budget loads them.
/// </summary>
public static class NotebookRuns
{
    /// <summary>An empirical phase diagram (its numbers are stored as a <see cref="PhaseDiagramRecord"/>).</summary>
    public static PhaseDiagramResult PhaseDiagram(this NotebookSession nb, PhaseDiagramOptions options, string title = "phase diagram")
    {
        Check.NotNull(nb);
        var progress = new LiveProgress<PhaseDiagramProgress>(title, p => $"{p.CompletedCells}/{p.TotalCells} cells",
            p => (double)p.CompletedCells / p.TotalCells);
        var record = nb.Cached("phase_diagram", options, () => Sparse.PhaseDiagram.Run(options, progress).ToRecord());
        progress.Complete($"{record.Options.Deltas.Count} × {record.Options.Rhos.Count} cells ({record.ElapsedSeconds:0.0} s when computed)");
        return PhaseDiagramResult.FromRecord(record);
    }

    /// <summary>The planted-teacher sweep (<see cref="Sparse.TeacherRecovery.Run"/>).</summary>
    public static TeacherRecoveryResult TeacherRecovery(this NotebookSession nb, TeacherRecoveryOptions options, string title = "planted teacher")
    {
        Check.NotNull(nb);
        var progress = new LiveProgress<TeacherRecoveryProgress>(title, p => $"{p.CompletedTrials}/{p.TotalTrials} (m, trial) pairs",
            p => (double)p.CompletedTrials / p.TotalTrials);
        var result = nb.Cached("teacher_recovery", options, () => Sparse.TeacherRecovery.Run(options, progress));
        progress.Complete($"{result.Points.Count} sample counts × {options.Trials} trials ({result.ElapsedSeconds:0.0} s when computed)");
        return result;
    }

    /// <summary>A-optimal vs row-norm on random matrices (<see cref="DesignComparison.RunRandom"/>).</summary>
    public static DesignComparisonResult DesignComparison(this NotebookSession nb, DesignComparisonOptions options, string title = "A-optimal vs row norm")
    {
        Check.NotNull(nb);
        var progress = Progress(title);
        var result = nb.Cached("design_comparison", options, () => Design.DesignComparison.RunRandom(options, progress));
        progress.Complete($"{result.Points.Count} subset sizes ({result.ElapsedSeconds:0.0} s when computed)");
        return result;
    }

    /// <summary>A-optimal vs row-norm on the units of a trained layer (<see cref="Design.LayerDesign.Run"/>); the key
    /// also names the data.</summary>
    public static DesignComparisonResult LayerDesign(this NotebookSession nb, LayerDesignOptions options, TrainingData data, string title = "trained layer")
    {
        Check.NotNull(nb);
        Check.NotNull(data);
        var progress = Progress(title);
        var key = RunKey.For("layer_design", options, ("budget", nb.Budget.Name), ("data", DataFingerprint.Describe(data, null)));
        var result = nb.Store.GetOrCompute(key, () => Design.LayerDesign.Run(options, data, progress), nb.Recompute);
        progress.Complete($"{result.Source} ({result.ElapsedSeconds:0.0} s when computed)");
        return result;
    }

    private static LiveProgress<DesignComparisonProgress> Progress(string title) =>
        new(title, p => $"{p.Stage} · {p.Completed}/{p.Total}", p => p.Total == 0 ? 0 : (double)p.Completed / p.Total);
}
