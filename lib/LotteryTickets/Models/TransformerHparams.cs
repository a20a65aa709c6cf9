namespace LotteryTickets.Models;

/// <summary>The small Transformer encoder (<c>"tiny_transformer"</c>): the image's rows (of every channel) are its
/// tokens, each ImageSize pixels wide.</summary>
public sealed record TransformerHparams : ModelHparams
{
    /// <inheritdoc />
    public override string Name => "tiny_transformer";

    /// <summary>Blocks (2).</summary>
    [Range(1, 64)] public int Blocks { get; init; } = 2;

    /// <summary>Attention heads per block (4).</summary>
    [Range(1, 1024)] public int Heads { get; init; } = 4;

    /// <summary>The embedding width E (64).</summary>
    [Positive] public int Width { get; init; } = 64;

    /// <summary>The width d of one head (16).</summary>
    [Positive] public int HeadWidth { get; init; } = 16;

    /// <summary>The MLP width per block (128).</summary>
    [Positive] public int MlpWidth { get; init; } = 128;

    private protected override PrunableModel Build() =>
        new Models.TinyTransformer(Enumerable.Repeat(Heads, Blocks).ToArray(), Enumerable.Repeat(MlpWidth, Blocks).ToArray(),
            Width, HeadWidth, InputChannels * ImageSize, ImageSize, Classes);
}
