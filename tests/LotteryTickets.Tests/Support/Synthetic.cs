using LotteryTickets.Data;
using LotteryTickets.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Support;

/// <summary>Seeded synthetic datasets: Gaussian blobs, one centre per class, shaped like MNIST.</summary>
internal static class Synthetic
{
    static Synthetic() => torch.set_num_threads(1); // 2 shared cores: LeNet-sized work is fastest and stablest at 1 thread

    public static void EnsureInitialised() { }

    /// <summary>
    /// <paramref name="count"/> examples [count, 1, 28, 28] of <paramref name="classes"/> classes: class centres drawn
    /// from N(0, 1) with <paramref name="centreSeed"/> (shared by splits), examples = centre × separation + N(0, 1).
    /// </summary>
    public static TensorDataset Blobs(int count, long seed, double separation = 0.3, int classes = 10, long centreSeed = 12345)
    {
        EnsureInitialised();
        using var centreGen = new Generator((ulong)centreSeed);
        using var gen = new Generator((ulong)seed);
        using var centres = torch.randn([classes, 784], generator: centreGen);
        var labels = torch.randint(0, classes, [count], generator: gen, dtype: ScalarType.Int64);
        using var noise = torch.randn([count, 784], generator: gen);
        using var picked = centres.index_select(0, labels);
        var inputs = (picked * separation + noise).reshape(count, 1, 28, 28);
        return new TensorDataset(inputs, labels);
    }

    public static TrainingData Splits(int train = 600, int test = 300, double separation = 0.3, bool validation = false) =>
        new(Blobs(train, 1, separation), validation ? Blobs(test, 3, separation) : null, Blobs(test, 2, separation));
}
