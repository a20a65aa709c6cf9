using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// Which network to build and its widths. <see cref="Name"/> is <c>"lenet_300_100"</c>, <c>"conv2"</c>,
/// <c>"tiny_transformer"</c>, <c>"rnn"</c> or <c>"rnn_untied"</c>; the width properties that do not apply to the chosen network are ignored.
/// </summary>
public sealed record ModelHparams : IValidated
{
    /// <summary>The model names <see cref="Name"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["lenet_300_100", "conv2", "tiny_transformer", "rnn", "rnn_untied"];

    /// <summary>One of <see cref="Names"/>; default <c>"lenet_300_100"</c>.</summary>
    public string Name { get; init; } = "lenet_300_100";

    /// <summary>LeNet's first hidden width (300).</summary>
    [Positive] public int Hidden1 { get; init; } = 300;

    /// <summary>LeNet's second hidden width (100).</summary>
    [Positive] public int Hidden2 { get; init; } = 100;

    /// <summary>Conv-2's filters per convolution (64).</summary>
    [Positive] public int ConvWidth { get; init; } = 64;

    /// <summary>Conv-2's fully connected width (256).</summary>
    [Positive] public int FcWidth { get; init; } = 256;

    /// <summary>Input channels (1 for MNIST).</summary>
    [Positive] public int InputChannels { get; init; } = 1;

    /// <summary>Input image side (28 for MNIST); LeNet takes InputChannels × ImageSize² inputs.</summary>
    [Positive] public int ImageSize { get; init; } = 28;

    /// <summary>The Transformer's blocks (2).</summary>
    [Range(1, 64)] public int Blocks { get; init; } = 2;

    /// <summary>The Transformer's attention heads per block (4).</summary>
    [Range(1, 1024)] public int Heads { get; init; } = 4;

    /// <summary>The Transformer's embedding width E (64).</summary>
    [Positive] public int Width { get; init; } = 64;

    /// <summary>The Transformer's width d of one head (16).</summary>
    [Positive] public int HeadWidth { get; init; } = 16;

    /// <summary>The Transformer's MLP width per block (128).</summary>
    [Positive] public int MlpWidth { get; init; } = 128;

    /// <summary>The RNN's hidden width (128), tied (<c>"rnn"</c>) or untied (<c>"rnn_untied"</c>).</summary>
    [Positive] public int RecurrentWidth { get; init; } = 128;

    /// <summary>Number of classes (10).</summary>
    [Range(2, 1_000_000)] public int Classes { get; init; } = 10;

    /// <inheritdoc />
    public void CheckRelations() => Check.OneOf(Name, Names, nameof(Name));

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

    // The factories check their arguments under their own names (what the caller passed).

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
        Validation.Check(this);
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
