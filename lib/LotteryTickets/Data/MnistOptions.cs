namespace LotteryTickets.Data;

/// <summary>Options for <see cref="Mnist.Load"/>. The defaults give the shipped sample's 8,000 / 2,000 split, normalised.</summary>
/// <param name="TrainCount">
/// Training examples. Null: the sample's examples not used for testing (8,000 by default), or all 60,000 of full
/// MNIST's training file. Full MNIST keeps the first <c>TrainCount</c> of its file.
/// </param>
/// <param name="TestCount">
/// Test examples. Null: 2,000 from the sample, or all 10,000 of full MNIST's t10k file (of which full MNIST keeps the
/// first <c>TestCount</c>).
/// </param>
/// <param name="SplitSeed">Seed of the permutation that splits the sample into train and test (unused for full MNIST).</param>
/// <param name="Normalize">
/// True: pixels become (x/255 − <see cref="Mnist.Mean"/>) / <see cref="Mnist.Std"/>, as in open_lth. False: x/255 in [0, 1].
/// </param>
/// <param name="DataDirectory">
/// The folder that holds mnist-sample/ and, optionally, mnist/. Null: the environment variable LOTTERY_DATA, else the
/// first data/ folder with mnist-sample/ (or mnist/) found walking up from the current directory and from the
/// library's location.
/// </param>
/// <param name="Kind">Full MNIST if present, else the sample (<see cref="MnistKind.Auto"/>); or force one of them.</param>
public sealed record MnistOptions(
    [property: Positive] int? TrainCount = null,
    [property: Positive] int? TestCount = null,
    int SplitSeed = 0,
    bool Normalize = true,
    [property: NotEmpty] string? DataDirectory = null,
    MnistKind Kind = MnistKind.Auto) : IValidated;
