namespace LotteryTickets.Models;

/// <summary>Conv-2 (<c>"conv2"</c>): two convolutions, a pooling, and three fully connected layers.</summary>
public sealed record Conv2Hparams : ModelHparams
{
    /// <inheritdoc />
    public override string Name => "conv2";

    /// <summary>Filters per convolution (64).</summary>
    [Positive] public int ConvWidth { get; init; } = 64;

    /// <summary>The fully connected width (256).</summary>
    [Positive] public int FcWidth { get; init; } = 256;

    private protected override PrunableModel Build() => new Models.Conv2(ConvWidth, FcWidth, InputChannels, ImageSize, Classes);
}
