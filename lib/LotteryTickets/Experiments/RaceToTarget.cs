using LotteryTickets.Hardware;
using LotteryTickets.Lottery;
using System.Globalization;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 2's race to a target accuracy, from measurements only: for the dense network and each ticket, the steps to
/// reach the target validation accuracy (read from its training curves, <see cref="TicketExperimentResult.StepsToTarget"/>)
/// times the measured seconds per training step of the way it runs (<see cref="SpeedSweep"/>, at the training batch
/// size and the ticket's sparsity) — unstructured tickets on the dense kernel and on the sparse kernel, structured
/// tickets compacted. Each entry also splits its time ratio to dense into the cost model's factors, steps ratio × FLOP
/// fraction × η_dense ÷ η (<see cref="TimeToTrain.SparseOverDense"/>); with η measured from the same step times the
/// product equals the measured ratio, so the factors say <i>why</i> a ticket wins or loses. And each entry counts what
/// finding the ticket cost: IMP trained every earlier level for its whole schedule before this one
/// (<see cref="RaceEntry.SearchSteps"/>, <see cref="RaceEntry.TimeRatioWithSearch"/>).
/// </summary>
/// <param name="Target">The target validation accuracy in [0, 1].</param>
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
        var dense = Entry(speed, SpeedVariants.Dense, points[0], speed.Dense(batch), null, 0);
        var entries = new List<RaceEntry>();
        var tickets = points.Skip(1).ToList();
        string[] unstructuredWays = [.. new[] { SpeedVariants.Masked, SpeedVariants.SparseKernel }.Where(v => speed.Of(v, batch).Count > 0)];
        var unstructuredSearch = Search(speed, batch, unstructured, points, unstructuredWays);
        foreach (var variant in unstructuredWays)
            entries.AddRange(tickets.Select(p => Entry(speed, variant, p, Row(speed, variant, batch, p), dense, unstructuredSearch[p.Level])));
        if (structured is not null && speed.Of(SpeedVariants.Compacted, batch).Count > 0)
        {
            var structuredPoints = structured.StepsToTarget(target);
            var structuredSearch = Search(speed, batch, structured, structuredPoints, [SpeedVariants.Compacted]);
            entries.AddRange(structuredPoints.Skip(1).Select(p =>
                Entry(speed, SpeedVariants.Compacted, p, Row(speed, SpeedVariants.Compacted, batch, p), dense, structuredSearch[p.Level])));
        }
        return new RaceToTarget(target, batch, speed.PeakFlopsPerSecond, dense, entries);
    }

    // IMP's search before each level of a run, in dense-step equivalents: level 0 trains T steps as the dense network does,
    // each later level T − RewindStep steps (its whole schedule: IMP trains it to the end before pruning), each at the
    // fastest measured way to run that level (its step time ÷ the dense step timed beside it). Index = level.
    private static double[] Search(SpeedResult speed, int batch, TicketExperimentResult run, IReadOnlyList<StepsToTargetPoint> points,
        IReadOnlyList<string> ways)
    {
        var dense = run.Trainings.Where(t => t.Series == TicketSeries.Ticket && t.Level == 0 && t.Evaluations.Count > 0).ToList();
        double schedule = dense.Count == 0 ? double.NaN : dense.Average(t => t.Evaluations.Max(e => e.Iteration));
        var search = new double[points.Count == 0 ? 0 : points.Max(p => p.Level) + 1];
        double sum = 0;
        foreach (var p in points.OrderBy(p => p.Level))
        {
            search[p.Level] = sum;
            double ratio = p.Level == 0 ? 1 : ways.Min(v =>
            {
                var row = Row(speed, v, batch, p);
                return row.Train.Median / row.DenseTrain.Median;
            });
            sum += (p.Level == 0 ? schedule : schedule - run.Hparams.RewindStep) * ratio;
        }
        return search;
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
    private static RaceEntry Entry(SpeedResult speed, string variant, StepsToTargetPoint p, SpeedRow row, RaceEntry? dense, double searchSteps)
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
        double withSearch = dense is null ? 1
            : p.AllReached && dense.Reached ? (searchSteps + p.MeanSteps * row.Train.Median / row.DenseTrain.Median) / dense.Steps : double.NaN;
        return new RaceEntry(variant, p.Level, p.PercentRemaining, p.MeanSteps, p.StdSteps, p.AllReached, row.Train.Median, flopFraction, eta,
            etaDense, seconds, stepRatio, timeRatio) { SearchSteps = searchSteps, TimeRatioWithSearch = withSearch };
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
    double SecondsPerStep, double FlopFraction, double Eta, double DenseEta, double SecondsToTarget, double StepRatio, double TimeRatio)
{
    /// <summary>
    /// What finding this ticket cost before its own training, in dense-step equivalents: IMP's L earlier trainings (the
    /// dense network, then levels 1 … L − 1), each for its whole schedule, each step at the fastest measured way to run
    /// that level ÷ the dense step timed beside it (0 for the dense network). With the ticket's own training, the
    /// search is IMP's L + 1 trainings.
    /// </summary>
    public double SearchSteps { get; init; }

    /// <summary>(<see cref="SearchSteps"/> + this runner's steps in dense-step equivalents) ÷ the dense network's steps: the race
    /// with the search counted (NaN where <see cref="TimeRatio"/> is).</summary>
    public double TimeRatioWithSearch { get; init; } = double.NaN;
}
