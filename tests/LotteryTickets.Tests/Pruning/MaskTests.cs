using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Pruning;

public class MaskTests
{
    [Fact]
    public void DenseMaskCountsEveryWeight()
    {
        using var model = Synthetic.TinyLeNet();
        var mask = Mask.Dense(model);
        Assert.Equal(["fc1.weight", "fc2.weight", "fc3.weight"], mask.Layers);
        Assert.Equal("fc3.weight", mask.OutputLayer);
        Assert.Equal(16 * 12, mask.Total("fc1.weight"));
        Assert.Equal(16 * 12 + 12 * 8 + 8 * 4, mask.KeptCount);
        Assert.Equal(100.0, mask.PercentKept);
        var report = mask.Report();
        Assert.Equal(3, report.Rows.Count);
        Assert.Equal(mask.TotalCount, report.Total.Total);
        Assert.Contains("fc2.weight", report.ToString());
    }

    [Fact]
    public void SaveLoadRoundTripsAndEqualsByContent()
    {
        using var model = Synthetic.TinyLeNet();
        var mask = new GlobalMagnitudePruning().Prune(Mask.Dense(model), Weights.Random(model, 5), new PruningHparams { OutputFraction = 0.1 });
        var path = Path.Combine(Path.GetTempPath(), $"mask-{Guid.NewGuid():N}.bin");
        try
        {
            mask.Save(path);
            var loaded = Mask.Load(path, model);
            Assert.True(loaded.ContentEquals(mask));
            Assert.True(mask.ContentEquals(mask));
            Assert.Equal(mask.OutputLayer, loaded.OutputLayer);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".tmp-*"));
            var other = Mask.Dense(model);
            Assert.False(other.ContentEquals(mask));

            using var bigger = Synthetic.TinyLeNet(hidden1: 13);
            var ex = Assert.ThrowsAny<ArgumentException>(() => Mask.Load(path, bigger));
            Assert.Equal("path", ex.ParamName);
            Assert.Contains("mismatch", ex.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ToTensorCopiesALayerAndNothingHandedOutWritesBackIntoTheMask()
    {
        using var model = Synthetic.TinyLeNet();
        var mask = new GlobalMagnitudePruning().Prune(Mask.Dense(model), Weights.Random(model, 5), new PruningHparams { Fraction = 0.3 });
        var before = mask.Layers.ToDictionary(l => l, l => mask.Values(l).ToArray());
        foreach (var l in mask.Layers)
        {
            using var scope = NewDisposeScope();
            var flags = mask.ToTensor(l);
            Assert.Equal(ScalarType.Bool, flags.dtype);
            Assert.Equal(mask.Shape(l), flags.shape);
            Assert.Equal(before[l], Weights.HostBool(flags));
            var multiplier = mask.ToTensor(l, ScalarType.Float32, CPU);
            Assert.Equal(ScalarType.Float32, multiplier.dtype);
            Assert.Equal(mask.Kept(l), (long)multiplier.sum().item<float>());
            flags.zero_();                 // the tensor is a copy
            mask.Shape(l)[0] = 99;         // so is the shape
        }
        Assert.All(mask.Layers, l => Assert.Equal(before[l], mask.Values(l).ToArray()));
        Assert.Equal(model.PrunableTensors()["fc1.weight"].shape, mask.Shape("fc1.weight"));
        using (NewDisposeScope())
            Assert.True(mask.ContentEquals(Mask.FromTensors(mask.Layers.Select(l => KeyValuePair.Create(l, mask.ToTensor(l))).ToList(),
                mask.OutputLayer)));
    }

    [Fact]
    public void MismatchedOrUnknownLayersAreRejectedWithTheParameterName()
    {
        using var model = Synthetic.TinyLeNet();
        using var bigger = Synthetic.TinyLeNet(hidden1: 13);
        var wrongShape = Mask.Dense(bigger);
        var ex = Assert.ThrowsAny<ArgumentException>(() => new MaskedModel(model, wrongShape));
        Assert.Equal("mask", ex.ParamName);
        Assert.Contains("mismatch", ex.Message);

        using var one = torch.ones(16, 12);
        var unknown = Mask.FromTensors(new Dictionary<string, Tensor> { ["fc9.weight"] = one });
        ex = Assert.ThrowsAny<ArgumentException>(() => new MaskedModel(model, unknown));
        Assert.Equal("mask", ex.ParamName);
        Assert.Contains("unknown layer name", ex.Message);

        var dense = Mask.Dense(model);
        ex = Assert.ThrowsAny<ArgumentException>(() => dense.Kept("nope"));
        Assert.Equal("layer", ex.ParamName);
    }

    [Fact]
    public void UndefinedStrategyIsRejected()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => PruningStrategies.Get((PruningStrategy)99));
        Assert.Equal("strategy", ex.ParamName);
    }

    [Fact]
    public void TrainedWeightsMissingALayerAreRejected()
    {
        using var model = Synthetic.TinyLeNet();
        var dense = Mask.Dense(model);
        var weights = WeightSnapshot.FromTensors(Weights.RandomTensors(model, 1).Where(w => w.Key != "fc2.weight"));
        var ex = Assert.ThrowsAny<ArgumentException>(() => new GlobalMagnitudePruning().Prune(dense, weights, new PruningHparams()));
        Assert.Equal("trainedWeights", ex.ParamName);
    }
}
