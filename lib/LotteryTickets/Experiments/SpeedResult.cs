using LotteryTickets.Hardware;

namespace LotteryTickets.Experiments;

/// <summary>The median, fastest and slowest of <paramref name="Repeats"/> timed runs, in seconds.</summary>
public sealed record TimingSummary(double Median, double Min, double Max, int Repeats)
{
    /// <summary>Every timed run's seconds, in order (run i of a row was timed beside run i of its dense network); empty when
    /// made by hand without them.</summary>
    public IReadOnlyList<double> Seconds { get; init; } = [];
}

/// <summary>One float32 matrix side of the peak measurement and the FLOP/s it reached.</summary>
public sealed record PeakRate(int Size, double FlopsPerSecond);

/// <summary>What a <see cref="SpeedSweep"/> measured, with the speed-ups and efficiencies derived from it.</summary>
/// <param name="Model">The network's name.</param>
/// <param name="DenseWeights">Prunable weights of the dense network.</param>
/// <param name="DenseMacs">Its multiply-adds per example.</param>
/// <param name="Threads">libtorch CPU threads during every measurement.</param>
/// <param name="Machine">The machine (<see cref="MachineInfo"/>).</param>
/// <param name="TheoreticalPeakFlopsPerSecond">The data-sheet estimate at that thread count, when it can be read.</param>
/// <param name="Peak">The measured matmul rates.</param>
/// <param name="Rows">Every measurement, dense first for each batch size.</param>
/// <param name="Seconds">Wall time of the sweep.</param>
public sealed record SpeedResult(string Model, long DenseWeights, long DenseMacs, int Threads, string Machine, double? TheoreticalPeakFlopsPerSecond,
    IReadOnlyList<PeakRate> Peak, IReadOnlyList<SpeedRow> Rows, double Seconds)
{
    /// <summary>The measured peak (best matmul rate): η's denominator.</summary>
    public double PeakFlopsPerSecond => Peak.Max(r => r.FlopsPerSecond);

    /// <summary>The batch sizes measured, in order.</summary>
    public IReadOnlyList<int> BatchSizes => Rows.Select(r => r.Batch).Distinct().ToList();

    /// <summary>The dense row at <paramref name="batch"/>.</summary>
    public SpeedRow Dense(int batch) => Rows.FirstOrDefault(r => r.Variant == SpeedVariants.Dense && r.Batch == batch)
        ?? throw new ArgumentException($"batch must be one of {string.Join(", ", BatchSizes)}; got {batch}.", nameof(batch));

    /// <summary>The rows of <paramref name="variant"/> at <paramref name="batch"/>, by sparsity.</summary>
    public IReadOnlyList<SpeedRow> Of(string variant, int batch)
    {
        Check.OneOf(variant, SpeedVariants.All);
        Check.That(BatchSizes.Contains(batch), $"batch must be one of {string.Join(", ", BatchSizes)}; got {batch}.", nameof(batch));
        return Rows.Where(r => r.Variant == variant && r.Batch == batch).OrderBy(r => r.Sparsity).ToList();
    }

    /// <summary>Measured speed-up over dense at the same batch (<see cref="SpeedRow.Speedup"/>: against the dense runs
    /// timed alternately with the row).</summary>
    public double Speedup(SpeedRow row, bool training = true) => Check.NotNull(row).Speedup(training);

    /// <summary>
    /// The row of <paramref name="variant"/> at <paramref name="batch"/> measured within half a point of
    /// <paramref name="sparsity"/>; refused when there is none.
    /// </summary>
    public SpeedRow At(string variant, int batch, double sparsity)
    {
        Check.UnitInterval(sparsity);
        var row = Of(variant, batch).MinBy(r => Math.Abs(r.Sparsity - sparsity));
        Check.That(row is not null && Math.Abs(row.Sparsity - sparsity) <= 0.005,
            $"sparsity must be one this sweep measured for {variant} at batch {batch} (within half a point); got {sparsity}.", nameof(sparsity));
        return row!;
    }

    /// <summary>
    /// Run by run, the speed-up of <paramref name="row"/> over the dense run timed beside it (dense seconds ÷ the row's,
    /// <see cref="SpeedRow.TimeRatios"/>): the replicates whose median a timing claim reads, with their spread.
    /// </summary>
    public IReadOnlyList<double> RunSpeedups(SpeedRow row, bool training = true) =>
        Check.NotNull(row).TimeRatios(training).Select(r => 1 / r).ToList();

    /// <summary>Run by run, η of <paramref name="row"/>'s training step: useful FLOPs ÷ the run's seconds ÷ the measured peak.</summary>
    public IReadOnlyList<double> RunEfficiencies(SpeedRow row)
    {
        Check.NotNull(row);
        Check.That(row.Train.Seconds.Count > 0, $"row must keep each timed run's seconds; this {row.Variant} row has none.", nameof(row));
        double flops = Flops.TrainingStep(row.Macs, row.FirstLayerMacs, row.Batch);
        return row.Train.Seconds.Select(t => TimeToTrain.Efficiency(flops, t, PeakFlopsPerSecond)).ToList();
    }

    /// <summary>
    /// Run by run, η of <paramref name="row"/>'s training step ÷ η of the dense step timed beside it: (the row's useful
    /// FLOPs ÷ the dense FLOPs) ÷ <see cref="SpeedRow.TimeRatios"/> — the peak cancels. Below 1: the row's kernel runs
    /// further from the peak than the dense one.
    /// </summary>
    public IReadOnlyList<double> EfficiencyRatios(SpeedRow row)
    {
        Check.NotNull(row);
        var dense = Dense(row.Batch);
        double flops = Flops.TrainingStep(row.Macs, row.FirstLayerMacs, row.Batch) / Flops.TrainingStep(dense.Macs, dense.FirstLayerMacs, row.Batch);
        return row.TimeRatios().Select(r => flops / r).ToList();
    }

    /// <summary>The speed-up a kernel doing only the useful work at the dense rate would give: dense MACs ÷ this row's MACs.</summary>
    public double TheoreticalSpeedup(SpeedRow row) => (double)DenseMacs / Check.NotNull(row).Macs;

    /// <summary>
    /// η: useful FLOPs per second ÷ the measured peak — a training step counted as (6·MACs − 2·first-layer MACs)·batch,
    /// inference as 2·MACs·batch (<see cref="Flops"/>), with this row's useful MACs.
    /// </summary>
    public double Efficiency(SpeedRow row, bool training = true)
    {
        Check.NotNull(row);
        double flops = training ? Flops.TrainingStep(row.Macs, row.FirstLayerMacs, row.Batch) : 2.0 * row.Macs * row.Batch;
        return TimeToTrain.Efficiency(flops, training ? row.Train.Median : row.Inference.Median, PeakFlopsPerSecond);
    }

    /// <summary>
    /// The lowest measured sparsity from which <paramref name="variant"/> is at least <paramref name="margin"/> times
    /// as fast as dense at <paramref name="batch"/> at that and every sparser point (null if it never is): the margin
    /// keeps timing noise from declaring a winner.
    /// </summary>
    public double? BreakEvenSparsity(string variant, int batch, bool training = true, double margin = 1.1)
    {
        Check.That(double.IsFinite(margin) && margin >= 1, $"margin must be ≥ 1; got {margin}.", nameof(margin));
        // From the sparsest row down while the margin holds (as `!(x < margin)`: a NaN speed-up does not end the run).
        return Of(variant, batch).Reverse().TakeWhile(r => !(Speedup(r, training) < margin)).LastOrDefault()?.Sparsity;
    }

    /// <summary>
    /// How many times faster this sweep's training steps of <paramref name="variant"/> at <paramref name="batch"/> are
    /// than <paramref name="baseline"/>'s (e.g. the same sweep at another thread count): the geometric mean of the
    /// median ratios over the sparsities both measured. NaN when they share none.
    /// </summary>
    public double SpeedupOver(SpeedResult baseline, string variant, int batch)
    {
        Check.NotNull(baseline);
        var ratios = Of(variant, batch).Join(baseline.Of(variant, batch), r => r.Sparsity, r => r.Sparsity,
            (mine, theirs) => theirs.Train.Median / mine.Train.Median).ToList();
        return ratios.Count == 0 ? double.NaN : Math.Exp(ratios.Average(Math.Log));
    }
}
