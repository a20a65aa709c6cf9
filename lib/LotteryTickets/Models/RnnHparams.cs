namespace LotteryTickets.Models;

/// <summary>The row-by-row RNN on sequential MNIST (<c>"rnn"</c> with its weights tied across steps,
/// <c>"rnn_untied"</c> with one set per step): its steps are the image's rows (of every channel), each ImageSize pixels wide.</summary>
public sealed record RnnHparams : ModelHparams
{
    /// <inheritdoc />
    public override string Name => Tied ? "rnn" : "rnn_untied";

    /// <summary>One set of weights shared by every step (true, default) or one set per step.</summary>
    [InVariantName] public bool Tied { get; init; } = true;

    /// <summary>The hidden width (128).</summary>
    [Positive] public int RecurrentWidth { get; init; } = 128;

    private protected override PrunableModel Build() => new RowRnn(Tied, RecurrentWidth, InputChannels * ImageSize, ImageSize, Classes);
}
