using LotteryTickets.Data;
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

    /// <summary>
    /// MNIST-shaped synthetic examples [count, 1, 28, 28] float32 with labels 0–9 (int64): Gaussian blobs, one
    /// centre per class drawn from N(0, 1) with seed 12345, example = 0.3 × centre + N(0, 1) noise (seeded per split).
    /// The same recipe as the tests' Synthetic.Blobs.
    /// </summary>
    public static TensorDataset Blobs(int count, long seed)
    {
        using var scope = torch.NewDisposeScope();
        using var centreGen = new Generator(12345UL);
        using var gen = new Generator((ulong)seed);
        var centres = torch.randn([10, 784], generator: centreGen);
        var labels = torch.randint(0, 10, [count], generator: gen, dtype: ScalarType.Int64);
        var noise = torch.randn([count, 784], generator: gen);
        var inputs = (centres.index_select(0, labels) * 0.3 + noise).reshape(count, 1, 28, 28).contiguous();
        return new TensorDataset(inputs.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    public static TensorDataset Train() => Blobs(TrainCount, 1);

    public static TensorDataset Test() => Blobs(TestCount, 2);

    public static PrunableModel LeNet() => ModelHparams.LeNet300100.Create(torch.CPU, ModelSeed);

    public static PrunableModel Conv2() => ModelHparams.Conv2(ConvWidth, FcWidth).Create(torch.CPU, ModelSeed);

    /// <summary>One global-magnitude prune of the dense mask, keeping <see cref="Remaining"/> of the weights.</summary>
    public static Mask GlobalMask(PrunableModel model, double remaining)
    {
        using var dense = Mask.Dense(model);
        return new GlobalMagnitudePruning().Prune(dense, model.PrunableTensors(), new PruningHparams { Fraction = 1 - remaining });
    }

    /// <summary>Sets libtorch's intra-op threads (process-wide) and checks it took.</summary>
    public static void Threads(int n)
    {
        torch.set_num_threads(n);
        if (torch.get_num_threads() != n)
            throw new InvalidOperationException($"asked for {n} torch threads, got {torch.get_num_threads()}");
    }
}
