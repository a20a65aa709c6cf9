using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// Conv-2 (Frankle &amp; Carbin 2019): two 3×3 convolutions (padding 1) with ReLU, 2×2 max-pool, then fully connected
/// layers of <c>fcWidth</c>, <c>fcWidth</c> and the classes. The paper's widths are 64 filters and 256 units; pass
/// smaller ones for quick CPU runs. Each layer may have its own width (a structurally pruned, compacted Conv-2).
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
    /// <param name="conv2Width">Filters of the second convolution (default: <paramref name="convWidth"/>).</param>
    /// <param name="fc2Width">Units of the second hidden layer (default: <paramref name="fcWidth"/>).</param>
    public Conv2(int convWidth = 64, int fcWidth = 256, int inputChannels = 1, int imageSize = 28, int classes = 10,
        int? conv2Width = null, int? fc2Width = null) : base("conv2")
    {
        Check.Positive(convWidth);
        Check.Positive(fcWidth);
        Check.Positive(inputChannels);
        Check.InRange(imageSize, 2, 4096);
        Check.That(imageSize % 2 == 0, $"imageSize must be even (2×2 max-pool); got {imageSize}.", nameof(imageSize));
        Check.InRange(classes, 2, 1_000_000);
        int c2 = conv2Width ?? convWidth, f2 = fc2Width ?? fcWidth;
        Check.Positive(c2, nameof(conv2Width));
        Check.Positive(f2, nameof(fc2Width));
        (_inputChannels, _imageSize, _classes) = (inputChannels, imageSize, classes);
        conv1 = nn.Conv2d(inputChannels, convWidth, 3, padding: 1);
        conv2 = nn.Conv2d(convWidth, c2, 3, padding: 1);
        int half = imageSize / 2;
        fc1 = nn.Linear((long)c2 * half * half, fcWidth);
        fc2 = nn.Linear(fcWidth, f2);
        fc3 = nn.Linear(f2, classes);
        RegisterComponents();
        // Flattening is channel-major: filter c of conv2 feeds fc1's inputs [c·half², (c + 1)·half²).
        UnitGroups =
        [
            new UnitGroup("conv1", UnitKind.Filter, convWidth, [new("conv1.weight", 0), new("conv1.bias", 0), new("conv2.weight", 1)]),
            new UnitGroup("conv2", UnitKind.Filter, c2, [new("conv2.weight", 0), new("conv2.bias", 0), new("fc1.weight", 1, half * half)]),
            new UnitGroup("fc1", UnitKind.Neuron, fcWidth, [new("fc1.weight", 0), new("fc1.bias", 0), new("fc2.weight", 1)]),
            new UnitGroup("fc2", UnitKind.Neuron, f2, [new("fc2.weight", 0), new("fc2.bias", 0), new("fc3.weight", 1)]),
        ];
    }

    private readonly int _inputChannels, _imageSize, _classes;

    /// <inheritdoc />
    public override IReadOnlyList<UnitGroup> UnitGroups { get; }

    /// <inheritdoc />
    public override long WeightUses(string parameter) =>
        base.WeightUses(parameter) * (parameter is "conv1.weight" or "conv2.weight" ? (long)_imageSize * _imageSize : 1);

    /// <inheritdoc />
    public override PrunableModel Resized(IReadOnlyDictionary<string, int> counts) =>
        new Conv2(CountOf(counts, "conv1"), CountOf(counts, "fc1"), _inputChannels, _imageSize, _classes,
            CountOf(counts, "conv2"), CountOf(counts, "fc2"));

    /// <inheritdoc />
    public override IReadOnlyList<string> PrunableParameters { get; } =
        ["conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight", "fc3.weight"];

    /// <inheritdoc />
    public override string OutputParameter => "fc3.weight";

    internal override (long[] Example, bool AnyLayout)? InputShape => ([_inputChannels, _imageSize, _imageSize], false);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        CheckInput(input, nameof(input));
        var x = nn.functional.relu(conv1.call(input));
        x = nn.functional.relu(conv2.call(x));
        x = nn.functional.max_pool2d(x, 2).flatten(1);
        x = nn.functional.relu(fc1.call(x));
        x = nn.functional.relu(fc2.call(x));
        return fc3.call(x);
    }
}
