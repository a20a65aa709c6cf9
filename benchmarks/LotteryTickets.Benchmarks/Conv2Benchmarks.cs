using BenchmarkDotNet.Attributes;
using LotteryTickets.Data;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;
using static TorchSharp.torch;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// (c) One training step of the library's Conv-2 at narrow widths (32 filters per 3×3 convolution, 64 units per hidden
/// FC layer; the paper's Conv-2 has 64 / 256) on a batch of 60 MNIST-shaped images, Adam 1.2e-3. 2 threads is the
/// brief's setting; 1 thread is shown for contrast. The compacted step is the same network after structured pruning
/// removed half the filters and neurons of every layer (<see cref="Compaction"/>): a physically smaller dense model
/// (goal: ≤ 0.6× the dense step).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class Conv2Benchmarks
{
    private TensorDataset _train = null!;
    private PrunableModel _model = null!, _compact = null!;
    private StepOptimizer _optimizer = null!, _compactOptimizer = null!;
    private Tensor _batchX = null!, _batchY = null!;

    [Params(2, 1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Workload.Threads(Threads);
        _train = Workload.Blobs(Workload.BatchSize * 4, 1);
        _model = Workload.Conv2();
        _optimizer = Workload.Adam(_model);
        var mask = new StructuredMagnitudePruning(_model.UnitGroups).Prune(Mask.Dense(_model), WeightSnapshot.FromTensors(_model.PrunableTensors()),
            new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.5 });
        _compact = Compaction.Compact(_model, mask);
        _compactOptimizer = Workload.Adam(_compact);
        _batchX = _train.Inputs.narrow(0, 0, Workload.BatchSize);
        _batchY = _train.Labels.narrow(0, 0, Workload.BatchSize);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _compactOptimizer.Dispose();
        _model.Dispose();
        _compact.Dispose();
        _train.Dispose();
    }

    [Benchmark(Baseline = true, Description = "conv2_32_64_train_step")]
    public void TrainStep() => Workload.Step(_model, _optimizer, _batchX, _batchY);

    [Benchmark(Description = "conv2_32_64_train_step_compacted_half_units")]
    public void CompactedTrainStep() => Workload.Step(_compact, _compactOptimizer, _batchX, _batchY);
}
