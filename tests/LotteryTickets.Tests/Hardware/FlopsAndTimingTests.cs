using Torch = TorchSharp.torch;

namespace LotteryTickets.Tests.Hardware;

public class FlopsAndTimingTests
{
    [Fact]
    public void LeNetCountsByHand()
    {
        using var model = new LeNet300100();
        var cost = Flops.Of(model);
        Assert.Equal(784L * 300 + 300 * 100 + 100 * 10, cost.DenseMacs);   // 266,200 multiply-adds per image
        Assert.Equal(2.0 * 266_200 * 60, cost.ForwardFlops(60));
        // Forward 2·MACs, weight gradients 2·MACs, input gradients 2·MACs of fc2 and fc3 only (fc1's input is the data).
        Assert.Equal((2.0 * 266_200 + 2.0 * 266_200 + 2.0 * (30_000 + 1_000)) * 60, cost.TrainingStepFlops(60));
        Assert.Equal(1.0, cost.TheoreticalSpeedup);
    }

    [Fact]
    public void ConvolutionsCountEveryOutputPosition()
    {
        // 8×8 images, 3×3 convolutions with padding 1 (8×8 outputs), 2×2 pooling before fc1.
        using var model = new Conv2(convWidth: 4, fcWidth: 16, imageSize: 8);
        long conv1 = 4L * 1 * 9 * 64, conv2 = 4L * 4 * 9 * 64, fc1 = 4L * 4 * 4 * 16, fc2 = 16L * 16, fc3 = 16L * 10;
        Assert.Equal([conv1, conv2, fc1, fc2, fc3], Flops.Of(model).Layers.Select(l => l.DenseMacs));
    }

    [Fact]
    public void AttentionCountsItsProjectionsPerTokenAndItsOwnProducts()
    {
        // One block, E = 8, H = 2 heads of d = 4, T = 4 tokens of 4 pixels (4×4 images), MLP 6, 10 classes.
        using var model = (ModelHparams.TinyTransformer(blocks: 1, heads: 2, width: 8, headWidth: 4,
            mlpWidth: 6) with { ImageSize = 4 }).Create(Torch.CPU, 1);
        long embed = 4L * 8 * 4, qkv = 3 * 8L * 8 * 4, output = 8L * 8 * 4, mlp = 2 * 8L * 6 * 4, classifier = 8L * 10;
        long attention = 2 * (4L * 4 * 4) * 2;   // QKᵀ and A·V: T² · d each, per head
        var cost = Flops.Of(model);
        Assert.Equal(embed + qkv + output + mlp + classifier + attention, cost.DenseMacs);
        Assert.Equal(attention, cost.ActivationMacs);

        // With one head removed structurally, its attention products are no longer useful work.
        var mask = new StructuredMagnitudePruning(model.UnitGroups).Prune(Mask.Dense(model), Weights.Random(model, 1),
            new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.4 });
        Assert.Equal(attention / 2, Flops.Of(model, mask).KeptActivationMacs);
    }

    [Fact]
    public void AMaskCountsOnlyTheKeptWeights()
    {
        using var model = new LeNet300100(784, 32, 16, 10);
        var mask = new GlobalMagnitudePruning().Prune(Mask.Dense(model), Weights.Random(model, 1), new PruningHparams { Fraction = 0.5 });
        var cost = Flops.Of(model, mask);
        Assert.Equal(mask.KeptCount, cost.KeptMacs);                    // fully connected: one use per weight
        Assert.Equal((double)model.PrunableCount / mask.KeptCount, cost.TheoreticalSpeedup, 12);
        Assert.Equal(2.0 * mask.KeptCount, cost.ForwardFlops(keptOnly: true));
        Assert.Equal("batch", Assert.ThrowsAny<ArgumentException>(() => cost.ForwardFlops(0)).ParamName);
    }

    [Fact]
    public void TimingRunsTheWarmUpUntimedAndReportsTheMedian()
    {
        int calls = 0;
        var r = Timing.Measure(() => calls++, warmup: 2, repeats: 5);
        Assert.Equal(7, calls);
        Assert.Equal((5, 2), (r.Seconds.Count, r.Warmup));
        Assert.True(r.Threads >= 1);
        var fixedRuns = new TimingResult([0.4, 0.1, 0.3, 0.2], 0, 1);
        Assert.Equal((0.25, 0.1, 0.4), (fixedRuns.MedianSeconds, fixedRuns.MinSeconds, fixedRuns.MaxSeconds));
        Assert.Equal(0.3, new TimingResult([0.5, 0.3, 0.1], 0, 1).MedianSeconds);
        Assert.Equal("repeats", Assert.ThrowsAny<ArgumentException>(() => Timing.Measure(() => { }, repeats: 0)).ParamName);
        Assert.Equal("warmup", Assert.ThrowsAny<ArgumentException>(() => Timing.Measure(() => { }, warmup: -1)).ParamName);
    }

    [Fact]
    public void AlternatingTimingInterleavesTheTwoAndTimesEachApart()
    {
        var order = new List<char>();
        var (a, b) = Timing.MeasureAlternating(() => order.Add('a'), () => order.Add('b'), warmup: 1, repeats: 3);
        Assert.Equal("abababab", new string(order.ToArray()));
        Assert.Equal((3, 3, 1), (a.Seconds.Count, b.Seconds.Count, a.Warmup));
        Assert.Equal("repeats", Assert.ThrowsAny<ArgumentException>(() => Timing.MeasureAlternating(() => { }, () => { }, repeats: 0)).ParamName);
    }
}
