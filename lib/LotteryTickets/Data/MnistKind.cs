namespace LotteryTickets.Data;

/// <summary>Which MNIST files <see cref="Mnist.Load"/> reads.</summary>
public enum MnistKind
{
    /// <summary>The full standard set in data/mnist if all four IDX files are there, else the shipped sample.</summary>
    Auto,

    /// <summary>The 10,000-digit sample shipped in data/mnist-sample, split by a seeded permutation.</summary>
    Sample,

    /// <summary>The full standard set in data/mnist (60,000 train / 10,000 test); an error if it is not there.</summary>
    Full,
}
