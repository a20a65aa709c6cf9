using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// Which network to build and its widths. <see cref="Name"/> is <c>"lenet_300_100"</c>, <c>"conv2"</c>,
/// <c>"tiny_transformer"</c>, <c>"rnn"</c> or <c>"rnn_untied"</c>; the width properties that do not apply to the chosen network are ignored.
/// </summary>
public sealed record ModelHparams
{
    /// <summary>The model names <see cref="Name"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["lenet_300_100", "conv2", "tiny_transformer", "rnn", "rnn_untied"];

    private readonly string _name = "lenet_300_100";
    private readonly int _hidden1 = 300, _hidden2 = 100, _convWidth = 64, _fcWidth = 256;
    private readonly int _inputChannels = 1, _imageSize = 28, _classes = 10;
    private readonly int _blocks = 2, _heads = 4, _width = 64, _headWidth = 16, _mlpWidth = 128, _recurrentWidth = 128;

    /// <summary>One of <see cref="Names"/>; default <c>"lenet_300_100"</c>.</summary>
    public string Name { get => _name; init => _name = Check.OneOf(value, Names, nameof(Name)); }

    /// <summary>LeNet's first hidden width (300).</summary>
    public int Hidden1 { get => _hidden1; init => _hidden1 = Check.Positive(value, nameof(Hidden1)); }

    /// <summary>LeNet's second hidden width (100).</summary>
    public int Hidden2 { get => _hidden2; init => _hidden2 = Check.Positive(value, nameof(Hidden2)); }

    /// <summary>Conv-2's filters per convolution (64).</summary>
    public int ConvWidth { get => _convWidth; init => _convWidth = Check.Positive(value, nameof(ConvWidth)); }

    /// <summary>Conv-2's fully connected width (256).</summary>
    public int FcWidth { get => _fcWidth; init => _fcWidth = Check.Positive(value, nameof(FcWidth)); }

    /// <summary>Input channels (1 for MNIST).</summary>
    public int InputChannels { get => _inputChannels; init => _inputChannels = Check.Positive(value, nameof(InputChannels)); }

    /// <summary>Input image side (28 for MNIST); LeNet takes InputChannels × ImageSize² inputs.</summary>
    public int ImageSize { get => _imageSize; init => _imageSize = Check.Positive(value, nameof(ImageSize)); }

    /// <summary>The Transformer's blocks (2).</summary>
    public int Blocks { get => _blocks; init => _blocks = Check.InRange(value, 1, 64, nameof(Blocks)); }

    /// <summary>The Transformer's attention heads per block (4).</summary>
    public int Heads { get => _heads; init => _heads = Check.InRange(value, 1, 1024, nameof(Heads)); }

    /// <summary>The Transformer's embedding width E (64).</summary>
    public int Width { get => _width; init => _width = Check.Positive(value, nameof(Width)); }

    /// <summary>The Transformer's width d of one head (16).</summary>
    public int HeadWidth { get => _headWidth; init => _headWidth = Check.Positive(value, nameof(HeadWidth)); }

    /// <summary>The Transformer's MLP width per block (128).</summary>
    public int MlpWidth { get => _mlpWidth; init => _mlpWidth = Check.Positive(value, nameof(MlpWidth)); }

    /// <summary>The RNN's hidden width (128), tied (<c>"rnn"</c>) or untied (<c>"rnn_untied"</c>).</summary>
    public int RecurrentWidth { get => _recurrentWidth; init => _recurrentWidth = Check.Positive(value, nameof(RecurrentWidth)); }

    /// <summary>Number of classes (10).</summary>
    public int Classes { get => _classes; init => _classes = Check.InRange(value, 2, 1_000_000, nameof(Classes)); }

    /// <summary>LeNet-300-100 with the paper's widths.</summary>
    public static ModelHparams LeNet300100 => new();

    private static readonly IReadOnlySet<string> PropertyNames =
        typeof(ModelHparams).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name).ToHashSet();

    /// <summary>Whether the width property <paramref name="property"/> (a property name) shapes the network
    /// <see cref="Name"/> builds; the others are ignored (and left out of the notebooks' hyper-parameter tables).
    /// A name that is not a public property of <see cref="ModelHparams"/> is refused (a typo would otherwise read as
    /// "applies").</summary>
    public bool Applies(string property) => property switch
    {
        null => throw new ArgumentNullException(nameof(property)),
        _ when !PropertyNames.Contains(property) =>
            throw new ArgumentException($"property must name a property of ModelHparams ({string.Join(", ", PropertyNames)}); got \"{property}\".", nameof(property)),
        nameof(Hidden1) or nameof(Hidden2) => Name == "lenet_300_100",
        nameof(ConvWidth) or nameof(FcWidth) => Name == "conv2",
        nameof(Blocks) or nameof(Heads) or nameof(Width) or nameof(HeadWidth) or nameof(MlpWidth) => Name == "tiny_transformer",
        nameof(RecurrentWidth) => Name is "rnn" or "rnn_untied",
        _ => true,
    };

    // The factories check their arguments under their own names (what the caller passed) before the properties'
    // init accessors check them again under the properties' names.

    /// <summary>The small Transformer encoder (rows of the image as tokens).</summary>
    public static ModelHparams TinyTransformer(int blocks = 2, int heads = 4, int width = 64, int headWidth = 16, int mlpWidth = 128) =>
        new()
        {
            Name = "tiny_transformer", Blocks = Check.InRange(blocks, 1, 64), Heads = Check.InRange(heads, 1, 1024), Width = Check.Positive(width),
            HeadWidth = Check.Positive(headWidth), MlpWidth = Check.Positive(mlpWidth),
        };

    /// <summary>The row-by-row RNN on sequential MNIST, with weights tied across its steps or one set per step.</summary>
    public static ModelHparams Rnn(bool tied = true, int width = 128) =>
        new() { Name = tied ? "rnn" : "rnn_untied", RecurrentWidth = Check.Positive(width) };

    /// <summary>Conv-2; the paper uses 64 filters and 256 units.</summary>
    public static ModelHparams Conv2(int convWidth = 64, int fcWidth = 256) =>
        new() { Name = "conv2", ConvWidth = Check.Positive(convWidth), FcWidth = Check.Positive(fcWidth) };

    /// <summary>
    /// Builds the model on the CPU with the global generator seeded by <paramref name="seed"/> (so the same seed gives
    /// the same initial weights on every device), then moves it to <paramref name="device"/>. The caller's global
    /// generator state is restored afterwards.
    /// </summary>
    public PrunableModel Create(Device device, long seed)
    {
        Check.Available(device);
        using var saved = torch.random.get_rng_state();
        try
        {
            torch.random.manual_seed(seed);
            PrunableModel model = Name switch
            {
                "conv2" => new Models.Conv2(ConvWidth, FcWidth, InputChannels, ImageSize, Classes),
                // Tokens are the image's rows (of every channel), each ImageSize pixels wide.
                "tiny_transformer" => new TinyTransformer(Enumerable.Repeat(Heads, Blocks).ToArray(), Enumerable.Repeat(MlpWidth, Blocks).ToArray(),
                    Width, HeadWidth, InputChannels * ImageSize, ImageSize, Classes),
                // Steps are the image's rows (of every channel), each ImageSize pixels wide.
                "rnn" or "rnn_untied" => new RowRnn(Name == "rnn", RecurrentWidth, InputChannels * ImageSize, ImageSize, Classes),
                _ => new Models.LeNet300100(InputChannels * ImageSize * ImageSize, Hidden1, Hidden2, Classes),
            };
            if (device.type != DeviceType.CPU) model.to(device);
            return model;
        }
        finally
        {
            torch.random.set_rng_state(saved);
        }
    }

    /// <summary>The unit groups of the network these settings build (<see cref="PrunableModel.UnitGroups"/>).</summary>
    public IReadOnlyList<UnitGroup> UnitGroups()
    {
        using var model = Create(CPU, 0);
        return model.UnitGroups;
    }
}
