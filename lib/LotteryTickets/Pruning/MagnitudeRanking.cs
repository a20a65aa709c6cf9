using System.Buffers;
using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>
/// The shared core of magnitude pruning, on host arrays: within a group of layers, remove
/// ceil(fraction × remaining) of the surviving weights with the smallest |w| (open_lth's count). Ties are broken by
/// position (layer order, then row-major index): the earlier weight is pruned first.
/// </summary>
internal static class MagnitudeRanking
{
    public static Mask Prune(Mask current, WeightSnapshot trainedWeights, PruningHparams hparams,
        Func<IReadOnlyList<string>, IEnumerable<string[]>> groupsOf)
    {
        Check.NotNull(current);
        Check.NotNull(trainedWeights);
        Check.NotNull(hparams);
        foreach (var l in current.Layers)
        {
            if (!trainedWeights.Contains(l))
                throw new ArgumentException($"trainedWeights has no entry for the mask's layer \"{l}\".", nameof(trainedWeights));
            var shape = trainedWeights.ShapeOf(l);
            if (!shape.SequenceEqual(current.ShapeOf(l)))
                throw new ArgumentException($"mask/model mismatch: \"{l}\" is [{string.Join(", ", current.ShapeOf(l))}] in the mask but " +
                    $"[{string.Join(", ", shape)}] in trainedWeights.", nameof(trainedWeights));
        }
        if (hparams.OutputFraction is not null)
            Check.That(current.OutputLayer is not null, "OutputFraction is set but the mask does not name its output layer.", nameof(current));

        var values = current.Layers.ToDictionary(l => l, current.HostValues);
        var shapes = current.Layers.ToDictionary(l => l, current.ShapeOf);
        var nonOutput = current.Layers.Where(l => hparams.OutputFraction is null || l != current.OutputLayer).ToList();
        foreach (var group in groupsOf(nonOutput))
            PruneGroup(group, trainedWeights, values, hparams.Fraction);
        if (hparams.OutputFraction is { } outputFraction)
            PruneGroup([current.OutputLayer!], trainedWeights, values, outputFraction);
        return Mask.FromHost(current.Layers, shapes, values, current.OutputLayer);
    }

    /// <summary>open_lth: number_of_weights_to_prune = ceil(fraction × number_of_remaining_weights).</summary>
    public static long CountToPrune(long remaining, double fraction) => (long)Math.Ceiling(fraction * remaining);

    private static void PruneGroup(IReadOnlyList<string> layers, WeightSnapshot weights,
        Dictionary<string, bool[]> values, double fraction)
    {
        if (layers.Count == 0) return;
        long remaining = 0;
        foreach (var l in layers) remaining += CountTrue(values[l]);
        long toPrune = CountToPrune(remaining, fraction);
        if (toPrune <= 0) return;

        // The bits of |w| as a non-negative float order like the magnitudes (NaN above +∞). The toPrune smallest in
        // (magnitude, position) order are every weight below the toPrune-th smallest magnitude and the first of those
        // equal to it in position order (layer order, then row-major): a selection, not a sort. The weights are read
        // in place from the snapshot's host arrays, and the bits go to a pooled buffer: no per-call large-object
        // allocations for the collector to sweep.
        var pooled = ArrayPool<uint>.Shared.Rent(checked((int)remaining));
        try
        {
            var bits = pooled.AsSpan(0, (int)remaining);
            int k = 0;
            for (int i = 0; i < layers.Count; i++)
            {
                var kept = values[layers[i]];
                var w = weights.ValuesOf(layers[i]);
                for (int j = 0; j < kept.Length; j++)
                    if (kept[j]) bits[k++] = BitConverter.SingleToUInt32Bits(w[j]) & 0x7FFF_FFFF;
            }
            uint threshold = Select(bits, toPrune - 1);
            long below = 0;
            foreach (var b in bits) if (b < threshold) below++;
            long ties = toPrune - below; // how many of those equal to the threshold go, earliest first
            for (int i = 0; i < layers.Count; i++)
            {
                var kept = values[layers[i]];
                var w = weights.ValuesOf(layers[i]);
                for (int j = 0; j < kept.Length; j++)
                {
                    if (!kept[j]) continue;
                    uint b = BitConverter.SingleToUInt32Bits(w[j]) & 0x7FFF_FFFF;
                    if (b < threshold || (b == threshold && ties-- > 0)) kept[j] = false;
                }
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(pooled);
        }
    }

    private static long CountTrue(bool[] values)
    {
        long n = 0;
        foreach (var v in values) if (v) n++;
        return n;
    }

    /// <summary>
    /// The <paramref name="rank"/>-th smallest (0-based) of <paramref name="values"/> (each below 2³¹): a radix
    /// selection in three passes over 11, 11 and 9 bits, O(3n) and deterministic; its counts (8 KB) stay in the L1
    /// cache, where one pass over 16 bits spread 512 KB of counts over L2.
    /// </summary>
    internal static uint Select(ReadOnlySpan<uint> values, long rank)
    {
        Span<int> counts = stackalloc int[1 << 11];
        counts.Clear();
        foreach (var v in values) counts[(int)(v >> 20)]++;
        uint high = Bucket(counts, ref rank);
        counts.Clear();
        foreach (var v in values) if (v >> 20 == high) counts[(int)(v >> 9) & 0x7FF]++;
        uint middle = high << 11 | Bucket(counts, ref rank);
        counts[..(1 << 9)].Clear();
        foreach (var v in values) if (v >> 9 == middle) counts[(int)v & 0x1FF]++;
        return middle << 9 | Bucket(counts, ref rank);
    }

    // The bucket that holds the rank-th smallest value; rank becomes its rank within that bucket.
    private static uint Bucket(ReadOnlySpan<int> counts, ref long rank)
    {
        uint b = 0;
        while (rank >= counts[(int)b]) rank -= counts[(int)b++];
        return b;
    }
}
