using static TorchSharp.torch;

namespace LotteryTickets.Pruning;

/// <summary>
/// The shared core of magnitude pruning, on host arrays: within a group of layers, remove
/// ceil(fraction × remaining) of the surviving weights with the smallest |w| (open_lth's count). Ties are broken by
/// position (layer order, then row-major index): the earlier weight is pruned first.
/// </summary>
internal static class MagnitudeRanking
{
    public static Mask Prune(Mask current, IReadOnlyDictionary<string, Tensor> trainedWeights, PruningHparams hparams,
        Func<IReadOnlyList<string>, IEnumerable<string[]>> groupsOf)
    {
        Check.NotNull(current);
        Check.NotNull(trainedWeights);
        Check.NotNull(hparams);
        foreach (var l in current.Layers)
        {
            if (!trainedWeights.TryGetValue(l, out var w))
                throw new ArgumentException($"trainedWeights has no entry for the mask's layer \"{l}\".", nameof(trainedWeights));
            if (!w.shape.SequenceEqual(current[l].shape))
                throw new ArgumentException($"mask/model mismatch: \"{l}\" is [{string.Join(", ", current[l].shape)}] in the mask but [{string.Join(", ", w.shape)}] in trainedWeights.", nameof(trainedWeights));
        }
        if (hparams.OutputFraction is not null)
            Check.That(current.OutputLayer is not null, "OutputFraction is set but the mask does not name its output layer.", nameof(current));

        var values = current.Layers.ToDictionary(l => l, current.HostValues);
        var shapes = current.Layers.ToDictionary(l => l, l => current[l].shape);
        var nonOutput = current.Layers.Where(l => hparams.OutputFraction is null || l != current.OutputLayer).ToList();
        foreach (var group in groupsOf(nonOutput))
            PruneGroup(group, trainedWeights, values, hparams.Fraction);
        if (hparams.OutputFraction is { } outputFraction)
            PruneGroup([current.OutputLayer!], trainedWeights, values, outputFraction);
        return Mask.FromHost(current.Layers, shapes, values, current.OutputLayer);
    }

    /// <summary>open_lth: number_of_weights_to_prune = ceil(fraction × number_of_remaining_weights).</summary>
    public static long CountToPrune(long remaining, double fraction) => (long)Math.Ceiling(fraction * remaining);

    private static void PruneGroup(IReadOnlyList<string> layers, IReadOnlyDictionary<string, Tensor> weights,
        Dictionary<string, bool[]> values, double fraction)
    {
        if (layers.Count == 0) return;
        long remaining = layers.Sum(l => values[l].LongLength == 0 ? 0 : values[l].LongCount(v => v));
        long toPrune = CountToPrune(remaining, fraction);
        if (toPrune <= 0) return;
        var offsets = new long[layers.Count + 1];
        for (int i = 0; i < layers.Count; i++) offsets[i + 1] = offsets[i] + values[layers[i]].LongLength;
        Check.That(offsets[^1] < uint.MaxValue, "too many prunable weights in one group (≥ 2³²).", nameof(weights));

        // Key = (bits of |w| as a non-negative float, which sort like the values) << 32 | global position: a single
        // ulong sort ranks by magnitude with a deterministic tie-break.
        var keys = new ulong[remaining];
        long k = 0;
        for (int i = 0; i < layers.Count; i++)
        {
            var kept = values[layers[i]];
            float[] w;
            using (var scope = TorchSharp.torch.NewDisposeScope())
                w = weights[layers[i]].detach().cpu().to(TorchSharp.torch.ScalarType.Float32).contiguous().data<float>().ToArray();
            for (long j = 0; j < kept.LongLength; j++)
            {
                if (!kept[j]) continue;
                uint bits = BitConverter.SingleToUInt32Bits(MathF.Abs(w[j]));
                keys[k++] = ((ulong)bits << 32) | (uint)(offsets[i] + j);
            }
        }
        Array.Sort(keys);
        for (long p = 0; p < toPrune; p++)
        {
            long position = (long)(keys[p] & 0xFFFF_FFFF);
            int layer = Array.BinarySearch(offsets, position);
            if (layer < 0) layer = ~layer - 1;
            else while (layer + 1 < offsets.Length && offsets[layer + 1] == position) layer++;
            values[layers[layer]][position - offsets[layer]] = false;
        }
    }
}
