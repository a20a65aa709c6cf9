namespace LotteryTickets.Data;

/// <summary>
/// The contents of an IDX file of unsigned bytes (the format of the MNIST files): the dimensions and the values in
/// row-major order. Torch-free, so notebooks and tests can look at the raw bytes.
/// </summary>
/// <param name="Dimensions">The sizes, outermost first (e.g. [N, 28, 28] for images, [N] for labels).</param>
/// <param name="Data">The values, row-major; its length is the product of <paramref name="Dimensions"/>.</param>
public sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Data)
{
    /// <summary>The first dimension: the number of items (images or labels).</summary>
    public int Count => Dimensions.Count == 0 ? 0 : Dimensions[0];

    /// <summary>Values per item: the product of all dimensions but the first (784 for 28 × 28 images, 1 for labels).</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (size, d) => size * d);

    /// <summary>The values of item <paramref name="index"/> (a view, not a copy).</summary>
    public ReadOnlySpan<byte> Item(int index) => Data.AsSpan(Check.InRange(index, 0, Count - 1) * ItemSize, ItemSize);

    /// <inheritdoc />
    public override string ToString() => $"IDX uint8 [{string.Join(", ", Dimensions)}]";
}
