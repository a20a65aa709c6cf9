using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// Conv-2 (Frankle &amp; Carbin 2019): two 3×3 convolutions (padding 1) with ReLU, 2×2 max-pool, then fully connected
/// layers of <c>fcWidth</c>, <c>fcWidth</c> and the classes. The paper's widths are 64 filters and 256 units; pass
/// smaller ones for quick CPU runs.
/// </summary>
public sealed class Conv2 : PrunableModel
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    /// <summary>Builds the layers with PyTorch's default initialisation (seed the global generator first for reproducibility).</summary>
    /// <param name="convWidth">Filters in each convolution (paper: 64).</param>
    /// <param name="fcWidth">Units in each hidden fully connected layer (paper: 256).</param>
    /// <param name="inputChannels">Channels of the input images (1 for MNIST).</param>
    /// <param name="imageSize">Height = width of the input images (28 for MNIST); must be even.</param>
    /// <param name="classes">Number of classes.</param>
    public Conv2(int convWidth = 64, int fcWidth = 256, int inputChannels = 1, int imageSize = 28, int classes = 10) : base("conv2")
    {
        Check.Positive(convWidth);
        Check.Positive(fcWidth);
        Check.Positive(inputChannels);
        Check.InRange(imageSize, 2, 4096);
        Check.That(imageSize % 2 == 0, $"imageSize must be even (2×2 max-pool); got {imageSize}.", nameof(imageSize));
        Check.InRange(classes, 2, 1_000_000);
        conv1 = nn.Conv2d(inputChannels, convWidth, 3, padding: 1);
        conv2 = nn.Conv2d(convWidth, convWidth, 3, padding: 1);
        int half = imageSize / 2;
        fc1 = nn.Linear((long)convWidth * half * half, fcWidth);
        fc2 = nn.Linear(fcWidth, fcWidth);
        fc3 = nn.Linear(fcWidth, classes);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> PrunableParameters { get; } =
        ["conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight", "fc3.weight"];

    /// <inheritdoc />
    public override string OutputParameter => "fc3.weight";

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(conv1.call(input));
        x = nn.functional.relu(conv2.call(x));
        x = nn.functional.max_pool2d(x, 2).flatten(1);
        x = nn.functional.relu(fc1.call(x));
        x = nn.functional.relu(fc2.call(x));
        return fc3.call(x);
    }
}
