using TorchSharp;

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
        return SyntheticBlobs.Create(count, seed, separation, classes, centreSeed);
    }

    /// <summary>A tiny LeNet (16 → <paramref name="hidden1"/> → 8 → 4) for 4×4 inputs, seed 7.</summary>
    public static LeNet300100 TinyLeNet(int hidden1 = 12)
    {
        EnsureInitialised();
        return (LeNet300100)new LeNetHparams { Hidden1 = hidden1, Hidden2 = 8, ImageSize = 4, Classes = 4 }.Create(torch.CPU, 7);
    }

    public static TrainingData Splits(int train = 600, int test = 300, double separation = 0.3, bool validation = false) =>
        new(Blobs(train, 1, separation), validation ? Blobs(test, 3, separation) : null, Blobs(test, 2, separation));
}
