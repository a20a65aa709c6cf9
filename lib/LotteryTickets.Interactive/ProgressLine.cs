namespace LotteryTickets.Interactive;

/// <summary>The text of a <see cref="LiveProgress{T}"/> line; rendered as one monospace line.</summary>
public sealed record ProgressLine(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
