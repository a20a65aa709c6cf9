using static TorchSharp.torch;

namespace LotteryTickets.Tests.Hardware;

public class SparseKernelTests
{
    private static (LeNet300100 Model, Mask Mask, Tensor X, Tensor Y) Setup(double sparsity, int batch = 12)
    {
        random.manual_seed(3);
        var model = new LeNet300100(64, 24, 12, 10);
        var mask = Mask.Random(model, sparsity, seed: 5);
        using var g = new Generator(7);
        return (model, mask, randn([batch, 64], generator: g), randint(10, [batch], generator: g));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void ForwardEqualsTheMaskedDenseModel(double sparsity)
    {
        var (model, mask, x, _) = Setup(sparsity);
        using (model) using (x)
        {
            using var sparse = new SparseKernelModel(model, mask);
            Assert.Equal(mask.KeptCount, sparse.NonZeros);
            using (var m = new MaskedModel(model, mask)) m.ApplyMask();
            using var _ = no_grad();
            using var expected = model.call(x);
            using var actual = sparse.Forward(x);
            double scale = expected.abs().max().item<float>();
            Assert.True(expected.sub(actual).abs().max().item<float>() <= 1e-5 * scale);
        }
    }

    [Fact]
    public void ATrainingStepEqualsAutogradSgdOnTheMaskedModel()
    {
        // Oracle: libtorch autograd on the dense masked model, plain SGD, the mask re-applied (as Trainer does).
        var (model, mask, x, y) = Setup(0.8);
        using (model) using (x) using (y)
        {
            using var sparse = new SparseKernelModel(model, mask);
            using var masked = new MaskedModel(model, mask);
            masked.ApplyMask();
            using var sgd = optim.SGD(model.parameters(), 0.05);
            for (int step = 0; step < 3; step++)
            {
                sgd.zero_grad();
                using (var loss = nn.functional.cross_entropy(model.call(x), y)) loss.backward();
                sgd.step();
                masked.ApplyMask();
                sparse.TrainStep(x, y, 0.05);
            }
            var after = sparse.DenseWeights();
            foreach (var (name, w) in model.PrunableTensors())
            {
                var expected = Weights.Host(w);
                var actual = Weights.Host(after[name]);
                var kept = mask.Values(name).ToArray();
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f + 1e-4f * Math.Abs(expected[i]),
                        $"{name}[{i}]: {expected[i]} vs {actual[i]}");
                    if (!kept[i]) Assert.Equal(0f, actual[i]);   // pruned weights never come back
                }
            }
            using var _ = no_grad();
            using var a = model.call(x);
            using var b = sparse.Forward(x);
            Assert.True(a.sub(b).abs().max().item<float>() <= 1e-4f);
        }
    }

    [Fact]
    public void BadInputIsRefusedBeforeLibtorch()
    {
        var (model, mask, x, y) = Setup(0.5);
        using (model) using (x) using (y)
        {
            using var sparse = new SparseKernelModel(model, mask);
            Assert.Equal("x", Assert.ThrowsAny<ArgumentException>(() => sparse.Forward(randn(4, 63))).ParamName);
            Assert.Equal("y", Assert.ThrowsAny<ArgumentException>(() => sparse.TrainStep(x, y.narrow(0, 0, 3), 0.1)).ParamName);
            Assert.Equal("learningRate", Assert.ThrowsAny<ArgumentException>(() => sparse.TrainStep(x, y, 0)).ParamName);
            using var conv = new Conv2(4, 8, imageSize: 8);
            var convMask = Mask.Dense(conv);
            Assert.False(SparseKernelModel.Supports(conv));
            Assert.Equal("model", Assert.ThrowsAny<ArgumentException>(() => new SparseKernelModel(conv, convMask)).ParamName);
        }
    }

    [Fact]
    public void RandomMasksRemoveTheSameShareOfEveryLayerAndFollowTheSeed()
    {
        using var model = new LeNet300100(64, 24, 12, 10);
        var a = Mask.Random(model, 0.75, seed: 1);
        var b = Mask.Random(model, 0.75, seed: 1);
        var c = Mask.Random(model, 0.75, seed: 2);
        foreach (var layer in a.Layers)
            Assert.Equal(a.Total(layer) - (long)Math.Round(0.75 * a.Total(layer)), a.Kept(layer));
        Assert.True(a.ContentEquals(b));
        Assert.False(a.ContentEquals(c));
        Assert.Equal("sparsity", Assert.ThrowsAny<ArgumentException>(() => Mask.Random(model, 1.0, 1)).ParamName);
    }
}
