using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Data;

/// <summary>
/// Seeded synthetic data shaped like MNIST — Gaussian blobs, one centre per class — for tests, benchmarks and quick
/// experiments that need no download. Class centres are drawn from N(0, 1) with <c>centreSeed</c> (shared by the
/// splits of one problem); an example is its class centre × <c>separation</c> + N(0, 1) noise.
/// </summary>
public static class SyntheticBlobs
{
    /// <summary><paramref name="count"/> examples [count, 1, 28, 28] of <paramref name="classes"/> classes, on the CPU.</summary>
    public static TensorDataset Create(int count, long seed, double separation = 0.3, int classes = 10, long centreSeed = 12345)
    {
        Check.Positive(count);
        Check.NonNegative(separation);
        Check.InRange(classes, 2, 784);
        using var scope = torch.NewDisposeScope();
        using var centreGen = new Generator(unchecked((ulong)centreSeed));
        using var gen = new Generator(unchecked((ulong)seed));
        var centres = torch.randn([classes, 784], generator: centreGen);
        var labels = torch.randint(0, classes, [count], generator: gen, dtype: ScalarType.Int64);
        var noise = torch.randn([count, 784], generator: gen);
        var inputs = (centres.index_select(0, labels) * separation + noise).reshape(count, 1, 28, 28);
        return new TensorDataset(inputs.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }
}
