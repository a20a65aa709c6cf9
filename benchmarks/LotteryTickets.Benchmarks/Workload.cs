using LotteryTickets.Data;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// The shared workload definition. benchmarks/peers/pytorch_peer.py builds the same data with the same recipe and
/// uses the same shapes and hyper-parameters; change both together.
/// </summary>
internal static class Workload
{
    public const int TrainCount = 8_000;
    public const int TestCount = 2_000;
    public const int BatchSize = 60;
    public const double LearningRate = 1.2e-3;
    public const int EvalBatchSize = 1_000;
    public const long ModelSeed = 1;
    public const long OrderSeed = 7;

    /// <summary>Conv-2 at narrow widths (the paper's are 64 filters / 256 units): a quick-CPU variant.</summary>
    public const int ConvWidth = 32, FcWidth = 64;

    /// <summary>Share of LeNet's weights the masked workload keeps (one global-magnitude prune from dense).</summary>
    public const double Remaining = 0.2;

    public static TrainingHparams OneEpoch => new() { Epochs = 1, BatchSize = BatchSize, LearningRate = LearningRate, EvalBatchSize = EvalBatchSize };

    /// <summary>IMP on LeNet with one epoch per level, 20 % pruned per level, rewinding to initialisation.</summary>
    public static LotteryHparams OneEpochImp => new()
    {
        Model = ModelHparams.LeNet300100, Training = OneEpoch, Pruning = new PruningHparams { Fraction = 0.2 },
        RewindStep = 0,
    };

    /// <summary>Seeded Gaussian blobs shaped like MNIST (the library's SyntheticBlobs; the peer builds the same).</summary>
    public static TensorDataset Blobs(int count, long seed) => SyntheticBlobs.Create(count, seed);

    public static TensorDataset Train() => Blobs(TrainCount, 1);

    /// <summary>The optimizer the library's trainer steps with (Adam at <see cref="LearningRate"/>; on CPU float32 weights
    /// its one-pass Adam).</summary>
    internal static StepOptimizer Adam(PrunableModel model) =>
        StepOptimizer.Create(model, new TrainingHparams { LearningRate = LearningRate }, null);

    /// <summary>One optimizer step on a fixed batch: zero_grad, forward, cross-entropy, backward, step.</summary>
    internal static void Step(PrunableModel model, StepOptimizer optimizer, Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var loss = nn.functional.cross_entropy(model.call(x), y);
        loss.backward();
        optimizer.Step();
    }

    public static TensorDataset Test() => Blobs(TestCount, 2);

    public static PrunableModel LeNet() => ModelHparams.LeNet300100.Create(torch.CPU, ModelSeed);

    public static PrunableModel Conv2() => ModelHparams.Conv2(ConvWidth, FcWidth).Create(torch.CPU, ModelSeed);

    /// <summary>One global-magnitude prune of the dense mask, keeping <see cref="Remaining"/> of the weights.</summary>
    public static Mask GlobalMask(PrunableModel model, double remaining)
    {
        var dense = Mask.Dense(model);
        return new GlobalMagnitudePruning().Prune(dense, WeightSnapshot.FromTensors(model.PrunableTensors()),
            new PruningHparams { Fraction = 1 - remaining });
    }

    /// <summary>Sets libtorch's intra-op threads (process-wide) and checks it took.</summary>
    public static void Threads(int n)
    {
        torch.set_num_threads(n);
        if (torch.get_num_threads() != n)
            throw new InvalidOperationException($"asked for {n} torch threads, got {torch.get_num_threads()}");
    }
}
