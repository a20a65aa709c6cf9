using LotteryTickets.Hardware;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Experiments;

/// <summary>
/// What pruning buys on this machine: time per training step and per inference batch (<see cref="Timing.Measure"/>:
/// median of repeated runs after untimed warm-up) of the dense model and, at each sparsity, of the same model with an
/// unstructured mask on the dense kernel (<see cref="SpeedVariants.Masked"/>), with that mask on the sparse kernel
/// (<see cref="SparseKernelModel"/>, fully connected models only) and of the physically smaller dense model with the
/// same number of weights (<see cref="SpeedVariants.Compacted"/>, every unit group shrunk alike:
/// <see cref="Compaction.UniformCounts"/>), at each batch size, at a fixed libtorch thread count, each timed
/// alternately with the dense network (<see cref="Timing.MeasureAlternating"/>) so that its speed-up does not depend on
/// the machine's drift between measurements; plus the machine's
/// peak (<see cref="PeakFlops"/>) at that thread count, the denominator of η. Every step is plain SGD (the sparse
/// kernel's update), on random inputs: timing does not depend on the values. Masks remove the same share of every
/// layer (<see cref="Mask.Random"/>). The dense row itself is timed with three times the repeats. Runs on one thread of
/// its own, in order.
/// </summary>
/// <param name="Model">The network (its widths as trained in the chapter).</param>
/// <param name="Sparsities">Shares of the prunable weights removed, each in (0, 1).</param>
/// <param name="BatchSizes">Examples per step, e.g. a small and a large one.</param>
/// <param name="Threads">libtorch CPU threads during the measurements (restored afterwards).</param>
/// <param name="Warmup">Untimed runs before each measurement.</param>
/// <param name="Repeats">Timed runs per measurement (the median is reported).</param>
/// <param name="Seed">Seeds the weights, inputs and masks.</param>
public sealed record SpeedSweep(
    ModelHparams Model,
    [property: NotEmpty, Range(0, 1, MinExclusive = true, MaxExclusive = true)] IReadOnlyList<double> Sparsities,
    [property: NotEmpty, Range(1, 65_536)] IReadOnlyList<int> BatchSizes,
    [property: Range(1, 1024)] int Threads = 1,
    [property: Range(0, 1000)] int Warmup = 3,
    [property: Range(1, 10_000)] int Repeats = 10,
    int Seed = 0) : Sweep<SpeedResult>
{
    private const double LearningRate = 0.01;

    /// <inheritdoc />
    public override string Kind => ExperimentKinds.Speed;

    /// <inheritdoc />
    protected override SpeedResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int savedThreads = get_num_threads();
        set_num_threads(Threads);
        try
        {
            using var model = Model.Create(CPU, Seed);       // the dense network, timed alternately with every row
            bool sparseKernel = SparseKernelModel.Supports(model);
            bool compacted = model.UnitGroups.Count > 0;
            var denseCost = Flops.Of(model);
            var rows = new List<SpeedRow>();
            int perBatch = 1 + Sparsities.Count * (1 + (sparseKernel ? 1 : 0) + (compacted ? 1 : 0));
            int total = BatchSizes.Count * perBatch + 1, done = 0;
            void Report(TimingStatus timing) => progress?.Report(new ExperimentProgress(++done, total, "timings") { Timing = timing });

            var peak = PeakFlops.Measure(repeats: Math.Max(3, Repeats / 2));
            Report(new TimingStatus { PeakFlopsPerSecond = peak.FlopsPerSecond });
            foreach (int batch in BatchSizes)
            {
                using var batchScope = torch.NewDisposeScope();
                using var generator = new Generator(unchecked((ulong)SplitMix64.Derive(Seed, 1, batch, 0)));
                var x = randn([batch, Model.InputChannels, Model.ImageSize, Model.ImageSize], generator: generator);
                var y = randint(Model.Classes, [batch], generator: generator);
                cancellationToken.ThrowIfCancellationRequested();
                using var dense = DenseKernelSteps.For(model, null, x, y);
                var denseTrain = Summary(Timing.Measure(dense.Train, Warmup, 3 * Repeats));
                var denseInference = Summary(Timing.Measure(dense.Inference, Warmup, 3 * Repeats));
                rows.Add(new SpeedRow(SpeedVariants.Dense, 0, batch, model.PrunableCount, denseCost.DenseMacs, denseCost.Layers[0].DenseMacs,
                    denseTrain, denseInference, denseTrain, denseInference));
                Report(new TimingStatus { Variant = SpeedVariants.Dense, Batch = batch });

                SpeedRow Row(string variant, double sparsity, long weights, long macs, long firstLayerMacs, Action train, Action inference)
                {
                    var (t, dt) = Timing.MeasureAlternating(train, dense.Train, Warmup, Repeats);
                    var (i, di) = Timing.MeasureAlternating(inference, dense.Inference, Warmup, Repeats);
                    Report(new TimingStatus { Variant = variant, Batch = batch, Sparsity = sparsity });
                    return new SpeedRow(variant, sparsity, batch, weights, macs, firstLayerMacs, Summary(t), Summary(i), Summary(dt), Summary(di));
                }

                for (int k = 0; k < Sparsities.Count; k++)
                {
                    double s = Sparsities[k];
                    cancellationToken.ThrowIfCancellationRequested();
                    // A fresh copy per sparsity: the masked steps zero its weights in place, and the sparse kernel must
                    // start from the same weights (a weight zeroed by an earlier mask would drop out of its matrices).
                    using var work = Model.Create(CPU, Seed);
                    var mask = Mask.Random(work, s, SplitMix64.Derive(Seed, 2, k, 0));
                    var cost = Flops.Of(work, mask);
                    using (var sparse = sparseKernel ? new SparseKernelModel(work, mask) : null)
                    {
                        using (var masked = DenseKernelSteps.For(work, mask, x, y))
                            rows.Add(Row(SpeedVariants.Masked, s, mask.KeptCount, cost.KeptMacs, cost.Layers[0].KeptMacs, masked.Train, masked.Inference));
                        if (sparse is not null)
                            rows.Add(Row(SpeedVariants.SparseKernel, s, sparse.NonZeros, cost.KeptMacs, cost.Layers[0].KeptMacs,
                                () => sparse.TrainStep(x, y, LearningRate), () => { using var logits = sparse.Forward(x); }));
                    }
                    if (compacted)
                    {
                        using var smaller = model.Resized(Compaction.UniformCounts(model, 1 - s));
                        var smallCost = Flops.Of(smaller);
                        using var steps = DenseKernelSteps.For(smaller, null, x, y);
                        rows.Add(Row(SpeedVariants.Compacted, s, smaller.PrunableCount, smallCost.DenseMacs, smallCost.Layers[0].DenseMacs, steps.Train, steps.Inference));
                    }
                }
            }
            return new SpeedResult(Model.Name, model.PrunableCount, denseCost.DenseMacs, Threads, MachineInfo.Current().ToString(),
                MachineInfo.Current().TheoreticalPeakFlopsPerSecond(Threads),
                peak.Rates.Select(r => new PeakRate(r.Size, r.FlopsPerSecond)).ToList(), rows, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            set_num_threads(savedThreads);
        }
    }

    // A training step on libtorch's dense kernels — forward, backward, SGD, and (masked) the mask re-applied, as
    // Trainer does — and a no-grad inference batch, on one model.
    private sealed class DenseKernelSteps : IDisposable
    {
        private readonly MaskedModel? _masked;
        private readonly optim.Optimizer _optimizer;

        private DenseKernelSteps(PrunableModel model, Mask? mask, Tensor x, Tensor y)
        {
            _masked = mask is null ? null : new MaskedModel(model, mask);
            _masked?.ApplyMask();
            _optimizer = torch.optim.SGD(model.parameters(), LearningRate);
            Train = () =>
            {
                using var scope = torch.NewDisposeScope();
                model.train();
                _optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(x), y).backward();
                _optimizer.step();
                _masked?.ApplyMask();
            };
            Inference = () =>
            {
                model.eval();
                using var _ = torch.no_grad();
                using var logits = model.call(x);
            };
        }

        public static DenseKernelSteps For(PrunableModel model, Mask? mask, Tensor x, Tensor y) => new(model, mask, x, y);

        public Action Train { get; }

        public Action Inference { get; }

        public void Dispose()
        {
            _optimizer.Dispose();
            _masked?.Dispose();
        }
    }

    private static TimingSummary Summary(TimingResult t) => new(t.MedianSeconds, t.MinSeconds, t.MaxSeconds, t.Seconds.Count);
}

/// <summary>The ways <see cref="SpeedSweep"/> runs a network.</summary>
public static class SpeedVariants
{
    /// <summary>The unpruned network.</summary>
    public const string Dense = "dense";

    /// <summary>Unstructured mask on the dense kernel: the zeros are multiplied like any weight.</summary>
    public const string Masked = "masked";

    /// <summary>Unstructured mask on the sparse (COO) kernel: only the kept weights are multiplied.</summary>
    public const string SparseKernel = "sparse_kernel";

    /// <summary>The physically smaller dense network with as many weights (structured pruning, compacted).</summary>
    public const string Compacted = "compacted";

    /// <summary>Every variant, dense first.</summary>
    public static IReadOnlyList<string> All { get; } = [Dense, Masked, SparseKernel, Compacted];

    /// <summary>The ways of running a pruned network (every variant but dense).</summary>
    public static IReadOnlyList<string> Pruned { get; } = [Masked, SparseKernel, Compacted];
}

/// <summary>The median, fastest and slowest of <paramref name="Repeats"/> timed runs, in seconds.</summary>
public sealed record TimingSummary(double Median, double Min, double Max, int Repeats);

/// <summary>One float32 matrix side of the peak measurement and the FLOP/s it reached.</summary>
public sealed record PeakRate(int Size, double FlopsPerSecond);

/// <summary>One measurement of a <see cref="SpeedSweep"/>.</summary>
/// <param name="Variant">One of <see cref="SpeedVariants"/>.</param>
/// <param name="Sparsity">Share of the weights removed (0 for dense).</param>
/// <param name="Batch">Examples per step.</param>
/// <param name="Weights">Weights the variant keeps.</param>
/// <param name="Macs">Useful multiply-adds per example (kept weights only; for a compacted model, all of its own).</param>
/// <param name="Train">One training step (forward, backward, update).</param>
/// <param name="Inference">One no-grad forward pass.</param>
/// <param name="FirstLayerMacs">The part of <paramref name="Macs"/> in the first layer (whose input gradient a step does not compute).</param>
/// <param name="DenseTrain">The dense network's training step, timed alternately with this row's (its own runs for the dense row).</param>
/// <param name="DenseInference">The dense network's inference batch, timed alternately with this row's.</param>
public sealed record SpeedRow(string Variant, double Sparsity, int Batch, long Weights, long Macs, long FirstLayerMacs, TimingSummary Train,
    TimingSummary Inference, TimingSummary DenseTrain, TimingSummary DenseInference)
{
    /// <summary>Dense median ÷ this row's median, against the dense runs timed alternately with it.</summary>
    public double Speedup(bool training = true) => training ? DenseTrain.Median / Train.Median : DenseInference.Median / Inference.Median;
}

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

    /// <summary>Measured speed-up over dense at the same batch (<see cref="SpeedRow.Speedup"/>: against the dense runs timed alternately with the row).</summary>
    public double Speedup(SpeedRow row, bool training = true) => Check.NotNull(row).Speedup(training);

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
        double? from = null;
        foreach (var r in Of(variant, batch).Reverse())
        {
            if (Speedup(r, training) < margin) break;
            from = r.Sparsity;
        }
        return from;
    }

    /// <summary>
    /// How many times faster this sweep's training steps of <paramref name="variant"/> at <paramref name="batch"/> are
    /// than <paramref name="baseline"/>'s (e.g. the same sweep at another thread count): the geometric mean of the
    /// median ratios over the sparsities both measured. NaN when they share none.
    /// </summary>
    public double SpeedupOver(SpeedResult baseline, string variant, int batch)
    {
        Check.NotNull(baseline);
        var ratios = Of(variant, batch).Join(baseline.Of(variant, batch), r => r.Sparsity, r => r.Sparsity, (mine, theirs) => theirs.Train.Median / mine.Train.Median).ToList();
        return ratios.Count == 0 ? double.NaN : Math.Exp(ratios.Average(Math.Log));
    }
}
