using LotteryTickets.Hardware;
using System.Globalization;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 2's race to a target accuracy, from measurements only: for the dense network and each ticket, the steps to
/// reach the target (read from its training curves, <see cref="TicketExperimentResult.StepsToTarget"/>) times the
/// measured seconds per training step of the way it runs (<see cref="SpeedSweep"/>, at the training batch size and the
/// ticket's sparsity) — unstructured tickets on the dense kernel and on the sparse kernel, structured tickets
/// compacted. Each entry also splits its time ratio to dense into the cost model's factors, steps ratio × FLOP
/// fraction × η_dense ÷ η (<see cref="TimeToTrain.SparseOverDense"/>); with η measured from the same step times the
/// product equals the measured ratio, so the factors say <i>why</i> a ticket wins or loses.
/// </summary>
/// <param name="Target">The target test accuracy in [0, 1].</param>
/// <param name="Batch">The training batch size the steps were timed at.</param>
/// <param name="PeakFlopsPerSecond">The measured peak η refers to.</param>
/// <param name="Dense">The dense network's entry.</param>
/// <param name="Entries">The tickets' entries, by variant then level.</param>
public sealed record RaceToTarget(double Target, int Batch, double PeakFlopsPerSecond, RaceEntry Dense, IReadOnlyList<RaceEntry> Entries)
{
    private const double SparsityTolerance = 0.005;

    /// <summary>
    /// The race for the levels of <paramref name="unstructured"/> (global-magnitude tickets: masked and sparse kernel)
    /// and of <paramref name="structured"/> (structured tickets: compacted; optional), timed by <paramref name="speed"/>
    /// at <paramref name="batch"/>, which must hold a measurement within half a point of every level's sparsity
    /// (run it with <see cref="SparsitiesOf"/>).
    /// </summary>
    public static RaceToTarget Of(SpeedResult speed, double target, int batch, TicketExperimentResult unstructured,
        TicketExperimentResult? structured = null)
    {
        Check.NotNull(speed);
        Check.NotNull(unstructured);
        Check.UnitInterval(target);
        Check.That(speed.BatchSizes.Contains(batch),
            $"batch must be one the speed sweep measured ({string.Join(", ", speed.BatchSizes)}); got {batch}.", nameof(batch));
        var points = unstructured.StepsToTarget(target);
        var dense = Entry(speed, SpeedVariants.Dense, points[0], speed.Dense(batch), null);
        var entries = new List<RaceEntry>();
        var tickets = points.Skip(1).ToList();
        foreach (var variant in new[] { SpeedVariants.Masked, SpeedVariants.SparseKernel })
            if (speed.Of(variant, batch).Count > 0)
                entries.AddRange(tickets.Select(p => Entry(speed, variant, p, Row(speed, variant, batch, p), dense)));
        if (structured is not null && speed.Of(SpeedVariants.Compacted, batch).Count > 0)
            entries.AddRange(structured.StepsToTarget(target).Skip(1).Select(p =>
                Entry(speed, SpeedVariants.Compacted, p, Row(speed, SpeedVariants.Compacted, batch, p), dense)));
        return new RaceToTarget(target, batch, speed.PeakFlopsPerSecond, dense, entries);
    }

    /// <summary>The sparsities (shares removed) of every pruned level of the given runs, for the <see cref="SpeedSweep"/> that times them.</summary>
    public static IReadOnlyList<double> SparsitiesOf(params TicketExperimentResult[] runs) =>
        Check.NoNulls(runs).SelectMany(r => r.Ticket.Points.Skip(1)).Select(p => Math.Round(1 - p.PercentRemaining / 100, 4))
            .Where(s => s > 0 && s < 1).Distinct().Order().ToList();

    private static SpeedRow Row(SpeedResult speed, string variant, int batch, StepsToTargetPoint p)
    {
        double s = 1 - p.PercentRemaining / 100;
        var row = speed.Of(variant, batch).MinBy(r => Math.Abs(r.Sparsity - s));
        Check.That(row is not null && Math.Abs(row.Sparsity - s) <= SparsityTolerance,
            string.Format(CultureInfo.InvariantCulture,
                "the speed sweep has no {0} measurement within half a point of {1:0.##} % sparsity (level {2}); run it at " +
                    "RaceToTarget.SparsitiesOf(…) of these tickets.",
                variant, 100 * s, p.Level), nameof(speed));
        return row!;
    }

    // The time ratio divides by the dense steps timed alternately with this row (SpeedRow.DenseTrain), so drift of the
    // machine between measurements cancels; η_dense in the factors is that of those same dense steps.
    private static RaceEntry Entry(SpeedResult speed, string variant, StepsToTargetPoint p, SpeedRow row, RaceEntry? dense)
    {
        double eta = speed.Efficiency(row);
        var denseRow = speed.Dense(row.Batch);
        double etaDense = TimeToTrain.Efficiency(Flops.TrainingStep(denseRow.Macs, denseRow.FirstLayerMacs, row.Batch), row.DenseTrain.Median,
            speed.PeakFlopsPerSecond);
        double flopFraction = (double)row.Macs / speed.DenseMacs;
        double seconds = p.AllReached ? p.MeanSteps * row.Train.Median : double.NaN;
        double stepRatio = dense is null ? 1 : p.MeanSteps / dense.Steps;
        double timeRatio = dense is null ? 1 : p.AllReached && dense.Reached ? TimeToTrain.SparseOverDense(flopFraction, eta, etaDense, stepRatio)
            : double.NaN;
        return new RaceEntry(variant, p.Level, p.PercentRemaining, p.MeanSteps, p.StdSteps, p.AllReached, row.Train.Median, flopFraction, eta,
            etaDense, seconds, stepRatio, timeRatio);
    }

    /// <summary>The entries of <paramref name="variant"/>, by level.</summary>
    public IReadOnlyList<RaceEntry> Of(string variant)
    {
        Check.OneOf(variant, SpeedVariants.All);
        return Entries.Where(e => e.Variant == variant).OrderBy(e => e.Level).ToList();
    }

    /// <summary>The fastest entry to the target (the dense one when no ticket beats it).</summary>
    public RaceEntry Winner => Entries.Where(e => e.Reached && e.TimeRatio < 1).MinBy(e => e.TimeRatio) ?? Dense;
}

/// <summary>One runner of a <see cref="RaceToTarget"/>.</summary>
/// <param name="Variant">How it runs (<see cref="SpeedVariants"/>).</param>
/// <param name="Level">Its IMP level (0 = dense).</param>
/// <param name="PercentRemaining">Weights remaining (%).</param>
/// <param name="Steps">Mean steps to the target over the seeds that reached it (NaN if none).</param>
/// <param name="StepsStd">Their standard deviation.</param>
/// <param name="Reached">Whether every seed reached the target.</param>
/// <param name="SecondsPerStep">Measured median seconds per training step.</param>
/// <param name="FlopFraction">Useful FLOPs per step ÷ the dense network's.</param>
/// <param name="Eta">η: useful FLOP/s ÷ measured peak.</param>
/// <param name="DenseEta">η of the dense steps timed alternately with this runner's (the dense side of its time ratio).</param>
/// <param name="SecondsToTarget">Steps × seconds per step (NaN if not reached by every seed).</param>
/// <param name="StepRatio">Steps ÷ the dense network's steps.</param>
/// <param name="TimeRatio">Time to target ÷ the dense network's (below 1: the ticket wins); NaN if either did not reach it.</param>
public sealed record RaceEntry(string Variant, int Level, double PercentRemaining, double Steps, double StepsStd, bool Reached,
    double SecondsPerStep, double FlopFraction, double Eta, double DenseEta, double SecondsToTarget, double StepRatio, double TimeRatio);
