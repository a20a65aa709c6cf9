using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// Which network to build: one sealed record per architecture (<see cref="LeNetHparams"/>, <see cref="Conv2Hparams"/>,
/// <see cref="TransformerHparams"/>, <see cref="RnnHparams"/>), each with its own widths, sharing the input's shape and
/// the number of classes. <see cref="Name"/> (<c>"lenet_300_100"</c>, <c>"conv2"</c>, <c>"tiny_transformer"</c>,
/// <c>"rnn"</c> or <c>"rnn_untied"</c>) is how run keys and stored JSON name the architecture.
/// </summary>
[JsonConverter(typeof(ModelHparamsJsonConverter))]
public abstract record ModelHparams : IValidated
{
    /// <summary>The model names, one per architecture (the RNN has two: tied and untied).</summary>
    public static IReadOnlyList<string> Names { get; } = ["lenet_300_100", "conv2", "tiny_transformer", "rnn", "rnn_untied"];

    /// <summary>The architecture's name, one of <see cref="Names"/>.</summary>
    [VariantName("lenet_300_100")]
    public abstract string Name { get; }

    /// <summary>Input channels (1 for MNIST).</summary>
    [Positive] public int InputChannels { get; init; } = 1;

    /// <summary>Input image side (28 for MNIST).</summary>
    [Positive] public int ImageSize { get; init; } = 28;

    /// <summary>Number of classes (10).</summary>
    [Range(2, 1_000_000)] public int Classes { get; init; } = 10;

    /// <summary>LeNet-300-100 with the paper's widths.</summary>
    public static LeNetHparams LeNet300100 => new();

    // The factories check their arguments under their own names (what the caller passed).

    /// <summary>The small Transformer encoder (rows of the image as tokens).</summary>
    public static TransformerHparams TinyTransformer(int blocks = 2, int heads = 4, int width = 64, int headWidth = 16, int mlpWidth = 128) =>
        new()
        {
            Blocks = Check.InRange(blocks, 1, 64), Heads = Check.InRange(heads, 1, 1024), Width = Check.Positive(width),
            HeadWidth = Check.Positive(headWidth), MlpWidth = Check.Positive(mlpWidth),
        };

    /// <summary>The row-by-row RNN on sequential MNIST, with weights tied across its steps or one set per step.</summary>
    public static RnnHparams Rnn(bool tied = true, int width = 128) => new() { Tied = tied, RecurrentWidth = Check.Positive(width) };

    /// <summary>Conv-2; the paper uses 64 filters and 256 units.</summary>
    public static Conv2Hparams Conv2(int convWidth = 64, int fcWidth = 256) =>
        new() { ConvWidth = Check.Positive(convWidth), FcWidth = Check.Positive(fcWidth) };

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
            var model = Build();
            if (device.type != DeviceType.CPU) model.to(device);
            return model;
        }
        finally
        {
            torch.random.set_rng_state(saved);
        }
    }

    /// <summary>Builds the network on the CPU from the global generator (<see cref="Create"/> seeds it and checks the settings).</summary>
    private protected abstract PrunableModel Build();

    /// <summary>The unit groups of the network these settings build (<see cref="PrunableModel.UnitGroups"/>).</summary>
    public IReadOnlyList<UnitGroup> UnitGroups()
    {
        using var model = Create(CPU, 0);
        return model.UnitGroups;
    }
}
