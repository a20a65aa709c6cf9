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
        // E|G_B|² = |G|² + tr(Σ)/B with |G|² = 2, tr(Σ) = 12: 5 at B = 4, 2.75 at B = 16.
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

        var a = GradientNoiseScale.Measure(model, null, data, 8, 64, draws: 20, seed: 3);
        var b = GradientNoiseScale.Measure(model, null, data, 8, 64, draws: 20, seed: 3);
        Assert.Equal(a, b);
        Assert.True(a.TraceCovariance > 0 && double.IsFinite(a.NoiseScale));
        Assert.Equal("bigBatch", Assert.ThrowsAny<ArgumentException>(() => GradientNoiseScale.Measure(model, null, data, 8, 201, 1, 1)).ParamName);
    }
}
