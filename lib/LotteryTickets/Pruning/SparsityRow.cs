namespace LotteryTickets.Pruning;

/// <summary>One layer of a <see cref="SparsityReport"/>: how many of its weights a mask keeps.</summary>
/// <param name="Layer">Parameter name (e.g. <c>"fc1.weight"</c>) or <c>"total"</c>.</param>
/// <param name="Kept">Weights kept (mask = 1).</param>
/// <param name="Total">Weights in the layer.</param>
public sealed record SparsityRow(string Layer, long Kept, long Total)
{
    /// <summary>Percentage of the layer's weights kept (100 = dense).</summary>
    public double PercentKept => Total == 0 ? 100.0 : 100.0 * Kept / Total;
}
