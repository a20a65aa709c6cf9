using BenchmarkDotNet.Attributes;
using LotteryTickets.Data;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;
using static TorchSharp.torch;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// LeNet-300-100 on 8,000 synthetic MNIST-shaped examples, Adam 1.2e-3, batch 60, 1 torch thread (the setting the
/// library's tests and notebooks use for LeNet on this 2-core machine).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class LeNetBenchmarks
{
    private TensorDataset _train = null!, _test = null!;
    private PrunableModel _model = null!;
    private Mask _mask = null!;
    private MaskedModel _masked = null!;
    private StepOptimizer _optimizer = null!;
    private Tensor _batchX = null!, _batchY = null!;
    private long _seed;
    private LotteryHparams _imp = null!;
    private LevelOutcome _level0 = null!;

    [GlobalSetup]
    public void Setup()
    {
        Workload.Threads(1);
        _train = Workload.Train();
        _test = Workload.Test();
        _model = Workload.LeNet();
        _mask = Workload.GlobalMask(_model, Workload.Remaining);
        _masked = new MaskedModel(_model, _mask);
        _optimizer = Workload.Adam(_model);
        _batchX = _train.Inputs.narrow(0, 0, Workload.BatchSize);
        _batchY = _train.Labels.narrow(0, 0, Workload.BatchSize);
        _seed = Workload.OrderSeed;
        _imp = Workload.OneEpochImp;
        _level0 = IterativeMagnitudePruning.TrainLevel(_imp, Workload.ModelSeed, 0, null, null, new TrainingData(_train, null, _test));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _masked.Dispose();
        _model.Dispose();
        _train.Dispose();
        _test.Dispose();
    }

    /// <summary>(a) One epoch of Trainer.Train, dense: 134 steps, then the end-of-epoch evaluation on 2,000 images.</summary>
    [Benchmark(Description = "lenet_epoch_dense")]
    public double EpochDense() =>
        Trainer.Train(_model, null, _train, null, _test, Workload.OneEpoch, _seed++).FinalTestAccuracy;

    /// <summary>(b) The same with a 20 %-remaining global-magnitude mask re-applied after every optimizer step.</summary>
    [Benchmark(Description = "lenet_epoch_masked20")]
    public double EpochMasked() =>
        Trainer.Train(_model, _mask, _train, null, _test, Workload.OneEpoch, _seed++).FinalTestAccuracy;

    /// <summary>
    /// (e) One IMP level end to end, through the library's own calls: prune 20 % of level 0's trained weights
    /// (<see cref="IterativeMagnitudePruning.PruneNext"/>), then <see cref="IterativeMagnitudePruning.TrainLevel"/> —
    /// a fresh model, the rewind weights loaded, the mask applied, one epoch of masked training with its evaluation,
    /// the trained weights captured. No run store (the peer has none).
    /// </summary>
    [Benchmark(Description = "lenet_imp_level")]
    public double ImpLevel()
    {
        var mask = IterativeMagnitudePruning.PruneNext(_imp, _level0.Result.Mask, _level0.TrainedWeights);
        var outcome = IterativeMagnitudePruning.TrainLevel(_imp, Workload.ModelSeed, 1, mask, _level0.RewindWeights,
            new TrainingData(_train, null, _test));
        return outcome.Result.Training.FinalTestAccuracy;
    }

    /// <summary>One optimizer step on a fixed batch of 60: zero_grad, forward, cross-entropy, backward, Adam step (the trainer's
    /// optimizer, <see cref="StepOptimizer"/>).</summary>
    [Benchmark(Description = "lenet_train_step")]
    public void TrainStep() => Workload.Step(_model, _optimizer, _batchX, _batchY);

    /// <summary>What the mask adds to each step: MaskedModel.ApplyMask (three in-place multiplies under no_grad).</summary>
    [Benchmark(Description = "lenet_apply_mask20")]
    public void ApplyMask() => _masked.ApplyMask();

    /// <summary>Trainer.Evaluate on the 2,000 test images (no_grad, batches of 1,000, one host read).</summary>
    [Benchmark(Description = "lenet_eval_2000")]
    public double Evaluate() => Trainer.Evaluate(_model, _test, Workload.EvalBatchSize);
}
