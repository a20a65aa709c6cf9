using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Training;

public class GradientNoiseScaleTests
{
    [Fact]
    public void TheTwoBatchEstimatorRecoversAKnownNoiseScale()
    {
        // Per-example gradients g = μ + σ ⊙ z, z standard normal, in 10 dimensions: |G|² = |μ|² and tr(Σ) = Σ σ²
        // in closed form. Mini-batch means at B = 4 and B = 64, squared norms per step, 3,000 steps.
        const int d = 10, small = 4, big = 64, steps = 3000;
        var mu = Enumerable.Range(0, d).Select(i => 0.1 * (i + 1)).ToArray();
        var sigma = Enumerable.Range(0, d).Select(i => 0.5 + 0.1 * i).ToArray();
        double trueGradient = mu.Sum(m => m * m), trueTrace = sigma.Sum(s => s * s);
        var rng = new SeededRandom(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double SquaredNormOfMean(int b)
        {
            var sum = new double[d];
            for (int e = 0; e < b; e++)
                for (int i = 0; i < d; i++) sum[i] += mu[i] + sigma[i] * Normal();
            return sum.Sum(v => (v / b) * (v / b));
        }
        var smallNorms = new List<double>();
        var bigNorms = new List<double>();
        for (int t = 0; t < steps; t++)
        {
            smallNorms.Add(SquaredNormOfMean(small));
            bigNorms.Add(SquaredNormOfMean(big));
        }
        var estimate = GradientNoiseScale.Estimate(smallNorms, bigNorms, small, big);
        Assert.InRange(estimate.GradientSquaredNorm / trueGradient, 0.95, 1.05);
        Assert.InRange(estimate.TraceCovariance / trueTrace, 0.95, 1.05);
        Assert.InRange(estimate.NoiseScale / (trueTrace / trueGradient), 0.9, 1.1);   // B_simple ≈ 2.3 here
        Assert.Equal((steps, small, big), (estimate.Steps, estimate.SmallBatch, estimate.BigBatch));
    }

    [Fact]
    public void ExactExpectationsGiveTheExactAnswer()
    {
        // An infinite population: E|G_B|² = |G|² + tr(Σ)/B with |G|² = 2, tr(Σ) = 12: 5 at B = 4, 2.75 at B = 16.
        var e = GradientNoiseScale.Estimate([5.0], [2.75], 4, 16);
        Assert.Equal(2, e.GradientSquaredNorm, 12);
        Assert.Equal(12, e.TraceCovariance, 12);
        Assert.Equal(6, e.NoiseScale, 12);
    }

    [Fact]
    public void BadInputIsNamed()
    {
        Assert.Equal("bigBatch", Assert.ThrowsAny<ArgumentException>(() => GradientNoiseScale.Estimate([1.0], [1.0], 8, 8)).ParamName);
        Assert.Equal("bigSquaredNorms", Assert.ThrowsAny<ArgumentException>(() => GradientNoiseScale.Estimate([1.0], [], 4, 8)).ParamName);
        Assert.Equal("smallSquaredNorms", Assert.ThrowsAny<ArgumentException>(() => GradientNoiseScale.Estimate([-1.0], [1.0], 4, 8)).ParamName);
    }

    [Fact]
    public void MeasuringAModelCountsOnlyTheKeptWeightsAndFollowsTheSeed()
    {
        using var model = new LeNet300100(784, 32, 16, 10);
        var data = Synthetic.Splits(train: 200, test: 50).Train;
        // A mask keeping only the output layer: the norm is that layer's gradient alone.
        var outputOnly = Mask.FromTensors(model.PrunableTensors().Select(kv =>
            new KeyValuePair<string,
            Tensor>(kv.Key, kv.Key == model.OutputParameter ? ones_like(kv.Value) : zeros_like(kv.Value))), model.OutputParameter);
        var x = data.Inputs.narrow(0, 0, 20);
        var y = data.Labels.narrow(0, 0, 20);
        model.zero_grad();
        nn.functional.cross_entropy(model.call(x), y).backward();
        double expected = model.PrunableTensors()[model.OutputParameter].grad!.to(ScalarType.Float64).pow(2).sum().item<double>();
        Assert.Equal(expected, GradientNoiseScale.SquaredGradientNorm(model, outputOnly), 10);
        Assert.True(GradientNoiseScale.SquaredGradientNorm(model, null) > expected);
        // A mask keeping every other weight of each layer, through the multipliers a training run prepares once (the
        // trainer's path): the squared norm of the kept entries only.
        var half = Mask.FromTensors(model.PrunableTensors().Select(kv => new KeyValuePair<string, Tensor>(kv.Key,
            arange(kv.Value.numel()).remainder(2).eq(0).reshape(kv.Value.shape))), model.OutputParameter);
        double kept = model.PrunableTensors().Sum(kv => kv.Value.grad!.to(ScalarType.Float64).mul(half.ToTensor(kv.Key, ScalarType.Float64))
            .pow(2).sum().item<double>());
        using (var masked = new MaskedModel(model, half))
            Assert.Equal(kept, GradientNoiseScale.SquaredKeptGradientNorm(model, masked), 10);
        Assert.Equal(kept, GradientNoiseScale.SquaredGradientNorm(model, half), 10);

        var a = GradientNoiseScale.Measure(model, null, data, 8, 64, draws: 20, seed: 3);
        var b = GradientNoiseScale.Measure(model, null, data, 8, 64, draws: 20, seed: 3);
        Assert.Equal(a, b);
        Assert.True(a.TraceCovariance > 0 && double.IsFinite(a.NoiseScale));
        Assert.Equal("bigBatch", Assert.ThrowsAny<ArgumentException>(() => GradientNoiseScale.Measure(model, null, data, 8, 201, 1, 1)).ParamName);
    }

    [Fact]
    public void WithoutReplacementTheClosedFormIsTheAverageOverEveryBatchAndTheEstimateIsExact()
    {
        // The exact gradients of 12 examples of a tiny LeNet; every batch of 3 (220) and of 8 (495) drawn without
        // replacement from them, enumerated: the mean of |G_B|² over all of them is exactly |G|² + tr(Σ)(N − B)/(B(N − 1)),
        // not |G|² + tr(Σ)/B.
        const int n = 12;
        var (model, data, all) = SmallProblem(n);
        model.Dispose();
        data.Dispose();
        var (gradient, trace) = Moments(all);
        double Enumerated(int b) => Subsets(n, b).Average(batch =>
            Enumerable.Range(0, all[0].Length).Sum(j => Math.Pow(batch.Average(i => all[i][j]), 2)));
        double small = Enumerated(3), big = Enumerated(8);
        Assert.Equal(1, small / (gradient + trace * (n - 3) / (3.0 * (n - 1))), 12);
        Assert.Equal(1, big / (gradient + trace * (n - 8) / (8.0 * (n - 1))), 12);
        Assert.True(Math.Abs(big / (gradient + trace / 8) - 1) > 0.05);   // the infinite population's 1/B is off

        // These exact expectations give the exact |G|² and tr(Σ) with the population of 12; with the infinite
        // population's 1/B, |G|² comes out low by exactly tr(Σ)/(N − 1) and tr(Σ) high by N/(N − 1).
        var e = GradientNoiseScale.Estimate([small], [big], 3, 8, populationSize: n);
        Assert.Equal(1, e.GradientSquaredNorm / gradient, 9);
        Assert.Equal(1, e.TraceCovariance / trace, 9);
        Assert.Equal(n, e.PopulationSize);
        var infinite = GradientNoiseScale.Estimate([small], [big], 3, 8);
        Assert.Equal(1, infinite.GradientSquaredNorm / (gradient - trace / (n - 1)), 9);
        Assert.Equal(1, infinite.TraceCovariance / (trace * n / (n - 1)), 9);
        Assert.Null(infinite.PopulationSize);
    }

    [Fact]
    public void MeasuringASmallTrainingSetRecoversItsExactNoise()
    {
        // N = 64 examples, batches of 8 and 32 drawn without replacement from them: E|G_B|² = |G|² + tr(Σ)(N − B)/(B(N − 1)).
        // The 1/B of an infinite population would leave |G|² low by tr(Σ)/(N − 1), 39 % of it here (B_simple ≈ 25), and
        // B_simple 1.6× too high. 3,000 draws: the estimates' own noise is a few per cent.
        var (model, data, perExample) = SmallProblem(64);
        using var _ = model;
        using var __ = data;
        var (gradient, trace) = Moments(perExample);
        var e = GradientNoiseScale.Measure(model, null, data, 8, 32, draws: 3000, seed: 1);
        Assert.InRange(e.GradientSquaredNorm / gradient, 0.9, 1.1);
        Assert.InRange(e.TraceCovariance / trace, 0.95, 1.05);
        Assert.InRange(e.NoiseScale / (trace / gradient), 0.9, 1.1);
    }

    [Fact]
    public void TheTrainersSamplesAreDrawnWithoutReplacementFromTheTrainingSet()
    {
        // The trainer's noise samples on the 64 examples, every step of batch 32 (small batch 8) for 1,500 epochs, with
        // a learning rate of 1e−12: the weights stay put (to 1e−9), so the 3,000 samples are draws at one point, whose
        // exact |G|² and tr(Σ) the per-example gradients give. The batches are slices of each epoch's permutation:
        // with the training set as the population the estimate recovers both; as an infinite one |G|² is 39 % low.
        var (model, data, perExample) = SmallProblem(64);
        using var _ = model;
        using var __ = data;
        var (gradient, trace) = Moments(perExample);
        var noise = new GradientNoiseHparams(SmallBatch: 8, Every: 1);
        var hparams = new TrainingHparams
        {
            Optimizer = Optimizer.Sgd, LearningRate = 1e-12, BatchSize = 32, Epochs = 1500, EvalEvery = 3000, GradientNoise = noise,
        };
        var before = model.PrunableTensors().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        var r = Trainer.Train(model, null, data, null, data, hparams, seed: 1);
        Assert.All(model.PrunableTensors(), kv => Assert.True(kv.Value.sub(before[kv.Key]).abs().max().item<double>() < 1e-9, kv.Key));
        Assert.Equal(3000, r.GradientNoise.Count);
        var e = GradientNoiseScale.FromSamples(r.GradientNoise, noise, 32, data.Count)!;
        Assert.InRange(e.GradientSquaredNorm / gradient, 0.9, 1.1);
        Assert.InRange(e.TraceCovariance / trace, 0.95, 1.05);
        Assert.InRange(e.NoiseScale / (trace / gradient), 0.9, 1.1);
        Assert.True(GradientNoiseScale.FromSamples(r.GradientNoise, noise, 32, null)!.GradientSquaredNorm / gradient < 0.8);
    }

    // A tiny LeNet (16 → 12 → 8 → 4) in float64 on n examples with inputs uniform in [−1, 1] and labels read off two
    // pixels, and each example's exact loss gradient over the prunable weights (one backward per example).
    private static (LeNet300100 Model, TensorDataset Data, double[][] PerExample) SmallProblem(int n)
    {
        var model = Synthetic.TinyLeNet();
        model.to(ScalarType.Float64);
        var rng = new SeededRandom(3);
        var x = Enumerable.Range(0, n * 16).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (long)((x[16 * i] > 0 ? 2 : 0) + (x[16 * i + 5] > 0 ? 1 : 0))).ToArray();
        var data = new TensorDataset(tensor(x, [n, 1, 4, 4], ScalarType.Float64), tensor(y, [n]));
        var perExample = new double[n][];
        for (int i = 0; i < n; i++)
        {
            model.zero_grad();
            nn.functional.cross_entropy(model.call(data.Inputs.narrow(0, i, 1)), data.Labels.narrow(0, i, 1)).backward();
            perExample[i] = model.PrunableTensors().Values.SelectMany(p => p.grad!.data<double>().ToArray()).ToArray();
        }
        model.zero_grad();
        return (model, data, perExample);
    }

    // Every subset of size k of {0, …, n − 1}, in lexicographic order.
    private static IEnumerable<int[]> Subsets(int n, int k, int from = 0)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }
        for (int first = from; first <= n - k; first++)
            foreach (var rest in Subsets(n, k - 1, first + 1))
                yield return [first, .. rest];
    }

    // The oracle: |G|² of the mean gradient and tr(Σ) = (1/N) Σ_i |g_i − G|² (the population covariance, divisor N).
    private static (double Gradient, double Trace) Moments(IReadOnlyList<double[]> g)
    {
        var mean = Enumerable.Range(0, g[0].Length).Select(j => g.Average(v => v[j])).ToArray();
        return (mean.Sum(m => m * m), g.Average(v => v.Select((x, j) => (x - mean[j]) * (x - mean[j])).Sum()));
    }
}
