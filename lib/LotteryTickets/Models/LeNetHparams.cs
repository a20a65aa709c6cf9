namespace LotteryTickets.Models;

/// <summary>LeNet-300-100 (<c>"lenet_300_100"</c>): a fully connected network of two hidden layers on the flattened image
/// (InputChannels × ImageSize² inputs).</summary>
public sealed record LeNetHparams : ModelHparams
{
    /// <inheritdoc />
    public override string Name => "lenet_300_100";

    /// <summary>The first hidden width (300).</summary>
    [Positive] public int Hidden1 { get; init; } = 300;

    /// <summary>The second hidden width (100).</summary>
    [Positive] public int Hidden2 { get; init; } = 100;

    private protected override PrunableModel Build() => new Models.LeNet300100(InputChannels * ImageSize * ImageSize, Hidden1, Hidden2, Classes);
}
