using LotteryTickets.Data;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Training;

/// <summary>
/// The simple gradient noise scale B_simple = tr(Σ) ÷ |G|² of McCandlish, Kaplan, Amodei et al. (2018, appendix A.1):
/// Σ is the covariance of one example's gradient and G the true gradient. A mini-batch gradient of B examples has
/// E|G_B|² = |G|² + tr(Σ)/B, so squared norms measured at two batch sizes B_small &lt; B_big give the unbiased
/// estimates |G|² ≈ (B_big·|G_big|² − B_small·|G_small|²) ÷ (B_big − B_small) and
/// tr(Σ) ≈ (|G_small|² − |G_big|²) ÷ (1/B_small − 1/B_big). Both are very noisy from one step, so each is averaged
/// over the steps first and the ratio taken last.
/// </summary>
public static class GradientNoiseScale
{
    /// <summary>
    /// The estimate from per-step squared gradient norms at the two batch sizes (one pair per step, same length).
    /// </summary>
    public static GradientNoiseEstimate Estimate(IReadOnlyList<double> smallSquaredNorms, IReadOnlyList<double> bigSquaredNorms, int smallBatch,
        int bigBatch)
    {
        Check.NotNull(smallSquaredNorms);
        Check.NotNull(bigSquaredNorms);
        Check.That(smallSquaredNorms.Count > 0 && smallSquaredNorms.Count == bigSquaredNorms.Count,
            $"bigSquaredNorms must pair one value with each of the {smallSquaredNorms.Count} small-batch values (at least one step); got " +
                $"{bigSquaredNorms.Count}.",
            nameof(bigSquaredNorms));
        Check.That(smallSquaredNorms.Concat(bigSquaredNorms).All(v => double.IsFinite(v) && v >= 0),
            "squared norms must be finite and ≥ 0.", nameof(smallSquaredNorms));
        Check.Positive(smallBatch);
        Check.That(bigBatch > smallBatch, $"bigBatch must be larger than smallBatch ({smallBatch}); got {bigBatch}.", nameof(bigBatch));
        double small = smallSquaredNorms.Average(), big = bigSquaredNorms.Average();
        double gradient = (bigBatch * big - smallBatch * small) / (bigBatch - smallBatch);
        double trace = (small - big) / (1.0 / smallBatch - 1.0 / bigBatch);
        return new GradientNoiseEstimate(gradient, trace, smallSquaredNorms.Count, smallBatch, bigBatch);
    }

    /// <summary>
    /// Measures the noise scale of <paramref name="model"/> as it stands (no weight changes): <paramref name="draws"/>
    /// times, a random batch of <paramref name="smallBatch"/> and one of <paramref name="bigBatch"/> examples of
    /// <paramref name="data"/> (drawn without replacement within a batch, seeded), the squared norm of the mean-loss
    /// gradient over the prunable weights — only the kept ones under <paramref name="mask"/> — then
    /// <see cref="Estimate"/>. The loss is the training loss, with label smoothing <paramref name="labelSmoothing"/>.
    /// </summary>
    public static GradientNoiseEstimate Measure(PrunableModel model, Mask? mask, TensorDataset data, int smallBatch, int bigBatch, int draws,
        long seed, double labelSmoothing = 0)
    {
        Check.NotNull(model);
        Check.NotNull(data);
        mask?.EnsureMatches(model);
        Check.Positive(smallBatch);
        Check.That(bigBatch > smallBatch && bigBatch <= data.Count,
            $"bigBatch must be larger than smallBatch ({smallBatch}) and at most the {data.Count} examples; got {bigBatch}.", nameof(bigBatch));
        Check.InRange(draws, 1, 100_000);
        Check.FractionBelowOne(labelSmoothing);
        Check.That(data.Device.type == model.Device.type, $"data is on {data.Device} but the model is on {model.Device}.", nameof(data));
        Trainer.CheckData(model, data, nameof(data));
        var small = new List<double>();
        var big = new List<double>();
        using var generator = new Generator(unchecked((ulong)seed));
        bool wasTraining = model.training;
        model.train();
        try
        {
            for (int d = 0; d < draws; d++)
            {
                foreach (var (size, into) in new[] { (smallBatch, small), (bigBatch, big) })
                {
                    using var scope = torch.NewDisposeScope();
                    var idx = torch.randperm(data.Count, generator: generator).narrow(0, 0, size).to(data.Device);
                    model.zero_grad();
                    Losses.CrossEntropyChecked(model.call(data.Inputs.index_select(0, idx)), data.Labels.index_select(0, idx),
                        labelSmoothing).backward();
                    into.Add(SquaredGradientNorm(model, mask));
                }
            }
        }
        finally
        {
            if (!wasTraining) model.eval();
            model.zero_grad();
        }
        return Estimate(small, big, smallBatch, bigBatch);
    }

    /// <summary>
    /// The estimate from the samples a training run took (<see cref="TrainingResult.GradientNoise"/>), each term
    /// averaged over them; null when there are none.
    /// </summary>
    public static GradientNoiseEstimate? FromSamples(IReadOnlyList<GradientNoiseSample> samples, GradientNoiseHparams noise, int batchSize)
    {
        Check.NotNull(samples);
        Check.NotNull(noise);
        Check.That(batchSize > noise.SmallBatch, $"batchSize must be larger than noise.SmallBatch ({noise.SmallBatch}); got {batchSize}.",
            nameof(batchSize));
        return samples.Count == 0 ? null
            : Estimate(samples.Select(s => s.SmallSquaredNorm).ToList(), samples.Select(s => s.BigSquaredNorm).ToList(), noise.SmallBatch, batchSize);
    }

    // |∇|² of the gradient now in .grad, over the prunable weights (the kept entries only, under a mask).
    internal static double SquaredGradientNorm(PrunableModel model, Mask? mask)
    {
        using var scope = torch.NewDisposeScope();
        Tensor? total = null;
        foreach (var (name, p) in model.PrunableTensors())
        {
            if (p.grad is not { } g) continue;
            if (mask is not null) g = g.mul(mask.ToTensor(name, g.dtype, g.device));
            var sq = g.to(ScalarType.Float64).pow(2).sum();
            total = total is null ? sq : total.add(sq);
        }
        return total is null ? 0 : total.item<double>();
    }
}

/// <summary>What <see cref="GradientNoiseScale.Estimate"/> found.</summary>
/// <param name="GradientSquaredNorm">|G|², the squared norm of the true gradient (the estimate can dip below 0 when noise dominates).</param>
/// <param name="TraceCovariance">tr(Σ), the per-example gradient variance summed over parameters.</param>
/// <param name="Steps">Steps averaged.</param>
/// <param name="SmallBatch">B_small.</param>
/// <param name="BigBatch">B_big.</param>
public sealed record GradientNoiseEstimate(double GradientSquaredNorm, double TraceCovariance, int Steps, int SmallBatch, int BigBatch)
{
    /// <summary>B_simple = tr(Σ) ÷ |G|²: roughly the batch size beyond which larger batches stop paying (NaN when |G|² ≤ 0).</summary>
    public double NoiseScale => GradientSquaredNorm > 0 ? TraceCovariance / GradientSquaredNorm : double.NaN;
}
