namespace LotteryTickets.Tests.Pruning;

public class MagnitudePruningTests
{
    [Fact]
    public void GlobalPruningKeepsHandComputedCountsWithOutputLayerAtItsOwnRate()
    {
        using var model = Synthetic.TinyLeNet();
        var h = new PruningHparams { Fraction = 0.2, OutputFraction = 0.1 };
        var strategy = PruningStrategies.Get(PruningStrategy.GlobalMagnitude);
        var mask = Mask.Dense(model);
        long hidden = 16 * 12 + 12 * 8, output = 8 * 4;
        double lastPercent = 100;
        for (int level = 1; level <= 8; level++)
        {
            hidden -= (long)Math.Ceiling(0.2 * hidden);
            output -= (long)Math.Ceiling(0.1 * output);
            var next = strategy.Prune(mask, Weights.Random(model, level), h);
            mask = next;
            Assert.Equal(hidden, mask.Kept("fc1.weight") + mask.Kept("fc2.weight"));
            Assert.Equal(output, mask.Kept("fc3.weight"));
            Assert.True(mask.PercentKept < lastPercent);
            lastPercent = mask.PercentKept;
        }
    }

    [Fact]
    public void PrunedWeightsStayPruned()
    {
        using var model = Synthetic.TinyLeNet();
        var h = new PruningHparams();
        var m1 = PruningStrategies.Get(PruningStrategy.GlobalMagnitude).Prune(Mask.Dense(model), Weights.Random(model, 1), h);
        var m2 = PruningStrategies.Get(PruningStrategy.GlobalMagnitude).Prune(m1, Weights.Random(model, 2), h);
        foreach (var l in m1.Layers)
        {
            var a = m1.Values(l).ToArray();
            var b = m2.Values(l).ToArray();
            for (int i = 0; i < a.Length; i++) Assert.False(!a[i] && b[i], $"{l}[{i}] came back");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.1)]
    public void GlobalPruningRemovesTheGloballySmallestSurvivors(double? outputFraction)
    {
        using var model = Synthetic.TinyLeNet();
        var h = new PruningHparams { Fraction = 0.2, OutputFraction = outputFraction };
        var strategy = new GlobalMagnitudePruning();
        // A partly pruned start mask, and weights rounded to 0.1 so that many magnitudes tie.
        var start = strategy.Prune(Mask.Dense(model), Weights.Random(model, 11), h);
        var weights = Weights.Random(model, 12, roundTo: 0.1);
        var next = strategy.Prune(start, weights, h);

        var groups = outputFraction is null
            ? new[] { (start.Layers.ToArray(), 0.2) }
            : new[] { (start.Layers.Where(l => l != "fc3.weight").ToArray(), 0.2), (new[] { "fc3.weight" }, 0.1) };
        foreach (var (layers, fraction) in groups)
        {
            // Brute force: every surviving weight with (|w|, layer order, index); sort; the first ceil(f·n) go.
            var survivors = new List<(float Abs, int Layer, int Index)>();
            for (int li = 0; li < layers.Length; li++)
            {
                var kept = start.Values(layers[li]).ToArray();
                var w = weights.Values(layers[li]).ToArray();
                for (int i = 0; i < w.Length; i++) if (kept[i]) survivors.Add((Math.Abs(w[i]), li, i));
            }
            var ordered = survivors.OrderBy(s => s.Abs).ThenBy(s => s.Layer).ThenBy(s => s.Index).ToList();
            int prune = (int)Math.Ceiling(fraction * survivors.Count);
            var expectedPruned = ordered.Take(prune).Select(s => (s.Layer, s.Index)).ToHashSet();
            for (int li = 0; li < layers.Length; li++)
            {
                var before = start.Values(layers[li]).ToArray();
                var after = next.Values(layers[li]).ToArray();
                for (int i = 0; i < after.Length; i++)
                    Assert.Equal(before[i] && !expectedPruned.Contains((li, i)), after[i]);
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1000, 7)]       // many ties: values drawn from 7 distinct bit patterns
    [InlineData(5000, 1 << 30)] // high words spread over many buckets
    public void RadixSelectionAgreesWithSorting(int n, int distinct)
    {
        var random = new Random(n);
        var patterns = Enumerable.Range(0, Math.Min(distinct, 64)).Select(_ => (uint)random.NextInt64(0, 1L << 31)).ToArray();
        var values = Enumerable.Range(0,
            n).Select(_ => distinct <= 64 ? patterns[random.Next(patterns.Length)] : (uint)random.Next(distinct)).ToArray();
        var sorted = values.OrderBy(v => v).ToArray();
        foreach (var rank in new[] { 0, n / 3, n / 2, n - 1 })
            Assert.Equal(sorted[rank], MagnitudeRanking.Select(values, rank));
    }

    [Fact]
    public void LayerwisePruningRemovesTheSameFractionFromEveryLayer()
    {
        using var model = Synthetic.TinyLeNet();
        var h = new PruningHparams { Strategy = PruningStrategy.LayerwiseMagnitude, Fraction = 0.3 };
        var strategy = PruningStrategies.Get(h.Strategy);
        Assert.IsType<LayerwiseMagnitudePruning>(strategy);
        var mask = Mask.Dense(model);
        var expected = mask.Layers.ToDictionary(l => l, l => mask.Total(l));
        for (int level = 1; level <= 4; level++)
        {
            var weights = Weights.Random(model, 100 + level);
            var next = strategy.Prune(mask, weights, h);
            foreach (var l in mask.Layers)
            {
                expected[l] -= (long)Math.Ceiling(0.3 * expected[l]);
                Assert.Equal(expected[l], next.Kept(l));
                // Within the layer, every pruned survivor is no larger than every kept weight.
                var w = weights.Values(l).ToArray();
                var before = mask.Values(l).ToArray();
                var after = next.Values(l).ToArray();
                var maxPruned = Enumerable.Range(0, w.Length).Where(i => before[i] && !after[i]).Select(i => Math.Abs(w[i])).DefaultIfEmpty(0).Max();
                var minKept = Enumerable.Range(0, w.Length).Where(i => after[i]).Select(i => Math.Abs(w[i])).DefaultIfEmpty(float.MaxValue).Min();
                Assert.True(maxPruned <= minKept);
            }
            mask = next;
        }
    }

    [Fact]
    public void FractionZeroPrunesNothing()
    {
        using var model = Synthetic.TinyLeNet();
        var dense = Mask.Dense(model);
        var next = new GlobalMagnitudePruning().Prune(dense, Weights.Random(model, 3), new PruningHparams { Fraction = 0 });
        Assert.True(next.ContentEquals(dense));
    }
}
