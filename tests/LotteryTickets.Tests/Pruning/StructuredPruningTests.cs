using static TorchSharp.torch;

namespace LotteryTickets.Tests.Pruning;

public class StructuredPruningTests
{
    private static readonly PruningHparams Quarter = new() { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.25 };

    private static StructuredMagnitudePruning Strategy(PrunableModel model) => new(model.UnitGroups);

    // The oracle: rank a group's units by the ℓ1 norm of their own weight rows, computed here from the weights.
    private static int[] SmallestRows(WeightSnapshot weights, string name, int count, ISet<int>? among = null)
    {
        var w = weights.Values(name).ToArray();
        int rows = (int)weights.Shape(name)[0], width = w.Length / rows;
        return Enumerable.Range(0, rows).Where(r => among is null || among.Contains(r))
            .OrderBy(r => Enumerable.Range(0, width).Sum(j => (double)Math.Abs(w[r * width + j]))).ThenBy(r => r).Take(count).ToArray();
    }

    private static int[] RowsOff(Mask mask, string layer)
    {
        var v = mask.Values(layer).ToArray();
        int rows = (int)mask.Shape(layer)[0], width = v.Length / rows;
        return Enumerable.Range(0, rows).Where(r => Enumerable.Range(0, width).All(j => !v[r * width + j])).ToArray();
    }

    private static int[] ColumnsOff(Mask mask, string layer, int block = 1)
    {
        var v = mask.Values(layer).ToArray();
        long rows = mask.Shape(layer)[0], width = v.Length / rows;
        return Enumerable.Range(0, (int)(width / block)).Where(c =>
            Enumerable.Range(0, (int)rows).All(r => Enumerable.Range(0, block).All(b => !v[r * width + c * block + b]))).ToArray();
    }

    [Fact]
    public void NeuronsGoWholeWithTheNextLayersInputsAndStayGone()
    {
        using var model = new LeNet300100(784, 32, 16, 10);
        var w1 = Weights.Random(model, 1);
        var dense = Mask.Dense(model);
        var first = Strategy(model).Prune(dense, w1, Quarter);

        // ceil(0.25 × 32) = 8 of fc1's neurons, ceil(0.25 × 16) = 4 of fc2's: the smallest ℓ1 rows, and nothing else.
        var gone1 = SmallestRows(w1, "fc1.weight", 8);
        var gone2 = SmallestRows(w1, "fc2.weight", 4);
        Assert.Equal(gone1.Order(), RowsOff(first, "fc1.weight"));
        Assert.Equal(gone1.Order(), ColumnsOff(first, "fc2.weight"));
        Assert.Equal(gone2.Order(), RowsOff(first, "fc2.weight"));
        Assert.Equal(gone2.Order(), ColumnsOff(first, "fc3.weight"));
        Assert.Equal(24L * 784, first.Kept("fc1.weight"));
        Assert.Equal(12L * 24, first.Kept("fc2.weight"));
        Assert.Equal(10L * 12, first.Kept("fc3.weight"));   // the classes stay; only their inputs from pruned neurons go

        // The next level takes ceil(0.25 × 24) = 6 more of the 24 survivors, ranked on new weights; the first 8 stay gone.
        var w2 = Weights.Random(model, 2);
        var second = Strategy(model).Prune(first, w2, Quarter);
        var alive = Enumerable.Range(0, 32).Except(gone1).ToHashSet();
        var gone = gone1.Concat(SmallestRows(w2, "fc1.weight", 6, alive)).Order().ToArray();
        Assert.Equal(gone, RowsOff(second, "fc1.weight"));
        Assert.Equal(18L * 784, second.Kept("fc1.weight"));
    }

    [Fact]
    public void FiltersGoWholeAndTheirChannelsLeaveTheNextConvolutionAndTheFlattenedInputs()
    {
        using var model = new Conv2(convWidth: 8, fcWidth: 16, imageSize: 8);
        var w = Weights.Random(model, 3);
        var mask = Strategy(model).Prune(Mask.Dense(model), w, new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.5 });
        var gone1 = SmallestRows(w, "conv1.weight", 4);
        var gone2 = SmallestRows(w, "conv2.weight", 4);
        Assert.Equal(gone1.Order(), RowsOff(mask, "conv1.weight"));
        Assert.Equal(gone2.Order(), RowsOff(mask, "conv2.weight"));
        // conv2.weight is [out, in, 3, 3]: input channel c is 9 consecutive entries of each row.
        Assert.Equal(gone1.Order(), ColumnsOff(mask, "conv2.weight", block: 9));
        // fc1 reads the 4×4 pooled map of each conv2 filter as 16 consecutive inputs (channel-major flattening).
        Assert.Equal(gone2.Order(), ColumnsOff(mask, "fc1.weight", block: 16));
        Assert.Equal(4L * 16 * 8, mask.Kept("fc1.weight"));
    }

    public static TheoryData<string> Models() => new() { "lenet", "conv2", "transformer" };

    private static PrunableModel Build(string name) => name switch
    {
        "lenet" => new LeNetHparams { Hidden1 = 40, Hidden2 = 20 }.Create(CPU, 5),
        "conv2" => new Conv2Hparams { ConvWidth = 6, FcWidth = 12, ImageSize = 8 }.Create(CPU, 5),
        _ => SmallTransformer.Create(CPU, 5),
    };

    private static readonly ModelHparams SmallTransformer =
        ModelHparams.TinyTransformer(blocks: 2, heads: 4, width: 16, headWidth: 4, mlpWidth: 12) with { ImageSize = 8 };

    [Theory]
    [MemberData(nameof(Models))]
    public void TheCompactedModelComputesWhatTheMaskedModelComputes(string name)
    {
        using var model = Build(name);
        var level1 = Strategy(model).Prune(Mask.Dense(model), Weights.Random(model, 1), Quarter);
        var level2 = Strategy(model).Prune(level1, Weights.Random(model, 2), Quarter);
        using var compact = Compaction.Compact(model, level2);
        using (var masked = new MaskedModel(model, level2)) masked.ApplyMask();
        using var generator = new TorchSharp.torch.Generator(9);
        using var x = name == "lenet" ? randn(16, 1, 28, 28, generator: generator) : randn(16, 1, 8, 8, generator: generator);
        model.eval();
        compact.eval();
        using var _ = no_grad();
        using var a = model.call(x);
        using var b = compact.call(x);
        double scale = a.abs().max().item<float>(), diff = (a - b).abs().max().item<float>();
        Assert.True(diff <= 1e-5 * scale, $"max |masked − compacted| = {diff:g3} for logits of size {scale:g3}");

        // Physically smaller: each group keeps ⌊…⌋ of its units, and the compacted dense count is the masked kept count.
        foreach (var g in model.UnitGroups)
            Assert.Equal(Compaction.KeptUnits(model, level2)[g.Name].Length, compact.UnitGroups.Single(c => c.Name == g.Name).Count);
        Assert.True(compact.PrunableCount < model.PrunableCount);
        Assert.Equal(level2.KeptCount, compact.PrunableCount);
        Assert.Equal(Flops.Of(model, level2).KeptMacs, Flops.Of(compact).DenseMacs);
    }

    [Theory]
    [InlineData("lenet")]
    [InlineData("transformer")]
    public void TheCompactedModelTrainsAsTheMaskedModelDoes(string name)
    {
        // The oracle: the full model trained under the mask (pruned weights held at zero) from the same weights. The
        // kept weights get the same gradients and Adam steps in both, so the two runs differ only by rounding.
        var data = Synthetic.Splits(train: 600, test: 300, separation: 1.0);
        ModelHparams h = name == "lenet" ? new LeNetHparams { Hidden1 = 32, Hidden2 = 16 }
            : ModelHparams.TinyTransformer(blocks: 1, heads: 4, width: 16, headWidth: 4, mlpWidth: 16);
        using var model = h.Create(CPU, 2);
        using var twin = h.Create(CPU, 2);
        var mask = Strategy(model).Prune(Mask.Dense(model), Weights.Random(model, 4),
            new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.5 });
        using var compact = Compaction.Compact(model, mask);
        var training = new TrainingHparams { Epochs = name == "lenet" ? 2 : 6, EvalEvery = 5 };
        var compacted = Trainer.Train(compact, null, data.Train, null, data.Test, training, seed: 1);
        var masked = Trainer.Train(twin, mask, data.Train, null, data.Test, training, seed: 1);
        // It learns (10 classes: chance is 10 %; the Transformer learns more slowly on these blobs than LeNet) …
        double bar = name == "lenet" ? 0.5 : 0.3;
        Assert.True(compacted.FinalTestAccuracy > bar, $"compacted model: {compacted.FinalTestAccuracy:P0}, masked: {masked.FinalTestAccuracy:P0}");
        // … and step for step as the masked model does.
        Assert.InRange(compacted.FinalTestAccuracy - masked.FinalTestAccuracy, -1.5 / 300, 1.5 / 300);
        foreach (var (c, m) in compacted.Evaluations.Zip(masked.Evaluations))
            Assert.True(Math.Abs(c.TrainLoss - m.TrainLoss) <= 1e-3 * Math.Abs(m.TrainLoss),
                $"iteration {c.Iteration}: loss {c.TrainLoss} vs {m.TrainLoss}");
    }

    [Fact]
    public void StructuredImpRunsThroughTheOneLoopAndEveryLevelCompacts()
    {
        var data = Synthetic.Splits(train: 300, test: 100);
        var h = new LotteryHparams
        {
            Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 },
            Training = new TrainingHparams { Epochs = 1 },
            Pruning = new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.25 },
        };
        var run = IterativeMagnitudePruning.Run(h, data, seed: 3, levels: 2);
        using var model = h.Model.Create(CPU, 0);
        int[] expected1 = [32, 24, 18], expected2 = [16, 12, 9];
        for (int level = 0; level <= 2; level++)
        {
            var kept = Compaction.KeptUnits(model, run.Levels[level].Mask);
            Assert.Equal((expected1[level], expected2[level]), (kept["fc1"].Length, kept["fc2"].Length));
        }
    }

    [Fact]
    public void HeadsGoWholeRankedByTheirOutputProjectionAndLeaveQkvAndTheProjection()
    {
        using var model = SmallTransformer.Create(CPU, 1);
        var w = Weights.Random(model, 6);
        var mask = Strategy(model).Prune(Mask.Dense(model), w, Quarter);   // ceil(0.25 × 4) = 1 head per block
        foreach (int block in new[] { 0, 1 })
        {
            string b = $"blocks.{block}.";
            // The oracle: the head whose 4 columns of the output projection have the smallest ℓ1 norm.
            var o = w.Values(b + "out.weight").ToArray();
            int cols = 16;
            int weakest = Enumerable.Range(0,
                4).OrderBy(h => Enumerable.Range(0, 16).Sum(r => Enumerable.Range(h * 4, 4).Sum(c => (double)Math.Abs(o[r * cols + c])))).First();
            Assert.Equal([weakest], ColumnsOff(mask, b + "out.weight", block: 4));
            foreach (var p in new[] { "q", "k", "v" })
                Assert.Equal(Enumerable.Range(weakest * 4, 4), RowsOff(mask, b + p + ".weight"));
            Assert.Equal(3L * 4 * 16, mask.Kept(b + "q.weight"));
        }
    }

    [Fact]
    public void BadInputIsNamedBeforeAnythingRuns()
    {
        using var model = new LeNet300100(784, 2, 2, 10);
        var w = Weights.Random(model, 1);
        // ceil(0.9 × 2) = 2 would leave a layer with no unit.
        var ex = Assert.ThrowsAny<ArgumentException>(() => Strategy(model).Prune(Mask.Dense(model), w,
            new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.9 }));
        Assert.Equal("Fraction", ex.ParamName);
        Assert.Equal("model", Assert.ThrowsAny<ArgumentException>(() => PruningStrategies.Get(PruningStrategy.StructuredMagnitude)).ParamName);
        Assert.Equal("groups", Assert.ThrowsAny<ArgumentException>(() => new StructuredMagnitudePruning([])).ParamName);
        Assert.Equal("heads", Assert.ThrowsAny<ArgumentException>(() => new TinyTransformer([2], [4, 4])).ParamName);
        Assert.Equal("heads", Assert.ThrowsAny<ArgumentException>(() => new TinyTransformer([0], [4])).ParamName);

        // An unstructured mask removes no whole unit, so compaction keeps every unit (a model of the same size) ...
        using var big = new LeNet300100(784, 8, 4, 10);
        var unstructured = new GlobalMagnitudePruning().Prune(Mask.Dense(big), Weights.Random(big, 2), new PruningHparams { Fraction = 0.5 });
        using (var same = Compaction.Compact(big, unstructured)) Assert.Equal(big.PrunableCount, same.PrunableCount);
        // ... and one that empties a neuron's row but keeps its outgoing weights is not a smaller dense model: refused.
        var emptied = new LayerwiseMagnitudePruning().Prune(Mask.Dense(big), Weights.Random(big, 2), new PruningHparams { Fraction = 0.999 });
        Assert.Equal("mask", Assert.ThrowsAny<ArgumentException>(() => Compaction.Compact(big, emptied)).ParamName);
        Assert.Equal("counts", Assert.ThrowsAny<ArgumentException>(() => big.Resized(new Dictionary<string, int> { ["fc9"] = 2 })).ParamName);
        Assert.Equal("counts", Assert.ThrowsAny<ArgumentException>(() => big.Resized(new Dictionary<string, int> { ["fc1"] = 0 })).ParamName);
    }
}
