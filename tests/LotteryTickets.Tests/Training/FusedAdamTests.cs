using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Training;

/// <summary>The trainer's one-pass Adam against TorchSharp's own <c>torch.optim.Adam</c> (libtorch's arithmetic, an
/// independent implementation): the same gradients fed to both for many steps must give the same weights to float32
/// rounding, with and without weight decay, and with a mask the pruned weights stay exactly zero.</summary>
public class FusedAdamTests
{
    private static readonly ModelHparams Small = new LeNetHparams { Hidden1 = 37, Hidden2 = 19 }; // odd sizes: SIMD tails run

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1e-2, false)]
    [InlineData(0.0, true)]
    public void AgreesWithTorchSharpsAdam(double weightDecay, bool withMask)
    {
        using var reference = Small.Create(CPU, 3);
        using var fused = Small.Create(CPU, 3);
        var mask = withMask
            ? new GlobalMagnitudePruning().Prune(Mask.Dense(fused), WeightSnapshot.FromTensors(fused.PrunableTensors()),
                new PruningHparams { Fraction = 0.6 })
            : null;
        using var maskedReference = mask is null ? null : new MaskedModel(reference, mask);
        using var maskedFused = mask is null ? null : new MaskedModel(fused, mask);
        maskedReference?.ApplyMask();
        maskedFused?.ApplyMask();
        var hparams = new TrainingHparams { LearningRate = 3e-3, WeightDecay = weightDecay };
        using var adam = torch.optim.Adam(reference.parameters(), hparams.LearningRate, weight_decay: weightDecay);
        using var ours = StepOptimizer.Create(fused, hparams, maskedFused);
        Assert.IsType<FusedAdam>(ours);
        var pr = reference.parameters().ToList();
        var pf = fused.parameters().ToList();
        using var generator = new Generator(11);
        for (int step = 0; step < 200; step++)
        {
            using var scope = NewDisposeScope();
            ours.ZeroGrad();
            adam.zero_grad();
            for (int i = 0; i < pr.Count; i++)
            {
                // Gradients of varying scale, some tiny (where ε matters), the same for both.
                var g = torch.randn(pr[i].shape, generator: generator) * Math.Pow(10, -1 - step % 5);
                pr[i].grad = g.clone();
                using var f = pf[i].grad;
                if (f is null) pf[i].grad = g.clone();
                else f.add_(g);
            }
            adam.step();
            maskedReference?.ApplyMask();
            ours.Step();
        }
        for (int i = 0; i < pr.Count; i++)
        {
            var expected = Weights.Host(pr[i]);
            var actual = Weights.Host(pf[i]);
            for (int j = 0; j < expected.Length; j++)
                Assert.True(Math.Abs(expected[j] - actual[j]) <= 2e-6 * (1 + Math.Abs(expected[j])),
                    $"parameter {i}, element {j}: torch {expected[j]:R}, fused {actual[j]:R}");
        }
        if (mask is null) return;
        foreach (var (name, p) in fused.PrunableTensors())
        {
            var kept = mask.Values(name).ToArray();
            var w = Weights.Host(p);
            for (int j = 0; j < w.Length; j++)
                if (!kept[j]) Assert.Equal(0f, w[j]);
        }
    }

    [Fact]
    public void SgdAndNonCpuSettingsKeepTorchSharpsOptimizer()
    {
        using var model = Small.Create(CPU, 1);
        using var sgd = StepOptimizer.Create(model, new TrainingHparams { Optimizer = Optimizer.Sgd }, null);
        Assert.IsNotType<FusedAdam>(sgd);
        using var doubles = Small.Create(CPU, 1);
        doubles.to(ScalarType.Float64);
        using var adam = StepOptimizer.Create(doubles, new TrainingHparams(), null);
        Assert.IsNotType<FusedAdam>(adam);
    }
}
