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

    // Results stored before every run's seconds were kept carry no spread to decide a claim from: they are not found again.
    /// <inheritdoc />
    protected override IEnumerable<(string Name, object? Value)> KeyExtras() => [("timings", "every run")];

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
                using var dense = new DenseKernelSteps(model, null, x, y);
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
                        using (var masked = new DenseKernelSteps(work, mask, x, y))
                            rows.Add(Row(SpeedVariants.Masked, s, mask.KeptCount, cost.KeptMacs, cost.Layers[0].KeptMacs, masked.Train,
                                masked.Inference));
                        if (sparse is not null)
                            rows.Add(Row(SpeedVariants.SparseKernel, s, sparse.NonZeros, cost.KeptMacs, cost.Layers[0].KeptMacs,
                                () => sparse.TrainStep(x, y, LearningRate), () => { using var logits = sparse.Forward(x); }));
                    }
                    if (compacted)
                    {
                        using var smaller = model.Resized(Compaction.UniformCounts(model, 1 - s));
                        var smallCost = Flops.Of(smaller);
                        using var steps = new DenseKernelSteps(smaller, null, x, y);
                        rows.Add(Row(SpeedVariants.Compacted, s, smaller.PrunableCount, smallCost.DenseMacs, smallCost.Layers[0].DenseMacs,
                            steps.Train, steps.Inference));
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

        public DenseKernelSteps(PrunableModel model, Mask? mask, Tensor x, Tensor y)
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

        public Action Train { get; }

        public Action Inference { get; }

        public void Dispose()
        {
            _optimizer.Dispose();
            _masked?.Dispose();
        }
    }

    private static TimingSummary Summary(TimingResult t) =>
        new(t.MedianSeconds, t.MinSeconds, t.MaxSeconds, t.Seconds.Count) { Seconds = t.Seconds.ToList() };
}
