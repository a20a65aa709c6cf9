using LotteryTickets.Data;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Training;

/// <summary>
/// The simple gradient noise scale B_simple = tr(Σ) ÷ |G|² of McCandlish, Kaplan, Amodei et al. (2018, appendix A.1):
/// G is the true gradient, the mean of the N per-example gradients g_i, and Σ their covariance, with
/// tr(Σ) = (1/N) Σ_i |g_i − G|². The gradient of a mini-batch of B examples drawn without replacement from the N has
/// E|G_B|² = |G|² + c_B·tr(Σ) with c_B = (N − B) ÷ (B(N − 1)), which is 1/B for an infinite population (or batches
/// drawn with replacement) and 0 for the whole set. Squared norms measured at two batch sizes B_small &lt; B_big give the
/// unbiased estimates tr(Σ) ≈ (|G_small|² − |G_big|²) ÷ (c_small − c_big) and |G|² ≈ |G_small|² − c_small·tr(Σ);
/// taking c_B = 1/B from a finite set leaves |G|² low by about tr(Σ)/(N − 1). Both are very noisy from one step, so
/// each is averaged over the steps first and the ratio taken last.
/// </summary>
public static class GradientNoiseScale
{
    /// <summary>
    /// The estimate from per-step squared gradient norms at the two batch sizes (one pair per step, same length), each
    /// batch drawn without replacement from <paramref name="populationSize"/> examples (at least
    /// <paramref name="bigBatch"/>; null: an infinite population, c_B = 1/B).
    /// </summary>
    public static GradientNoiseEstimate Estimate(IReadOnlyList<double> smallSquaredNorms, IReadOnlyList<double> bigSquaredNorms, int smallBatch,
        int bigBatch, long? populationSize = null)
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
        Check.That(populationSize is null || populationSize >= bigBatch,
            $"populationSize must be at least bigBatch ({bigBatch}) examples, or null for an infinite population; got {populationSize}.",
            nameof(populationSize));
        double small = smallSquaredNorms.Average(), big = bigSquaredNorms.Average();
        double cSmall = NoiseFactor(smallBatch, populationSize), cBig = NoiseFactor(bigBatch, populationSize);
        double trace = (small - big) / (cSmall - cBig);
        double gradient = (cSmall * big - cBig * small) / (cSmall - cBig);   // = small − cSmall·trace
        return new GradientNoiseEstimate(gradient, trace, smallSquaredNorms.Count, smallBatch, bigBatch) { PopulationSize = populationSize };
    }

    // c_B of E|G_B|² = |G|² + c_B·tr(Σ): (N − B) ÷ (B(N − 1)) without replacement from N examples, 1/B from infinitely many.
    private static double NoiseFactor(int batch, long? populationSize) =>
        populationSize is { } n ? (double)(n - batch) / ((double)batch * (n - 1)) : 1.0 / batch;

    /// <summary>
    /// Measures the noise scale of <paramref name="model"/> as it stands (no weight changes): <paramref name="draws"/>
    /// times, a random batch of <paramref name="smallBatch"/> and one of <paramref name="bigBatch"/> examples of
    /// <paramref name="data"/> (drawn without replacement within a batch, seeded), the squared norm of the mean-loss
    /// gradient over the prunable weights — only the kept ones under <paramref name="mask"/> — then
    /// <see cref="Estimate"/> with the population of the <see cref="TensorDataset.Count"/> examples of
    /// <paramref name="data"/>. The loss is the training loss, with label smoothing <paramref name="labelSmoothing"/>.
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
        using var masked = mask is null ? null : new MaskedModel(model, mask);
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
                    into.Add(SquaredKeptGradientNorm(model, masked));
                }
            }
        }
        finally
        {
            if (!wasTraining) model.eval();
            model.zero_grad();
        }
        return Estimate(small, big, smallBatch, bigBatch, data.Count);
    }

    /// <summary>
    /// The estimate from the samples a training run took (<see cref="TrainingResult.GradientNoise"/>), each term
    /// averaged over them; null when there are none. The trainer's batch of <paramref name="batchSize"/> is a slice of
    /// the epoch's permutation of the training set, and its small batch the first examples of it: both are drawn without
    /// replacement from the training set, so <paramref name="populationSize"/> is its size (null: an infinite
    /// population, for samples that were not).
    /// </summary>
    public static GradientNoiseEstimate? FromSamples(IReadOnlyList<GradientNoiseSample> samples, GradientNoiseHparams noise, int batchSize,
        long? populationSize)
    {
        Check.NotNull(samples);
        Check.NotNull(noise);
        Check.That(batchSize > noise.SmallBatch, $"batchSize must be larger than noise.SmallBatch ({noise.SmallBatch}); got {batchSize}.",
            nameof(batchSize));
        Check.That(populationSize is null || populationSize >= batchSize,
            $"populationSize must be at least batchSize ({batchSize}) examples, or null for an infinite population; got {populationSize}.",
            nameof(populationSize));
        return samples.Count == 0 ? null
            : Estimate(samples.Select(s => s.SmallSquaredNorm).ToList(), samples.Select(s => s.BigSquaredNorm).ToList(), noise.SmallBatch, batchSize,
                populationSize);
    }

    // |∇|² of the gradient now in .grad, over the prunable weights (the kept entries only, under a mask).
    internal static double SquaredGradientNorm(PrunableModel model, Mask? mask)
    {
        using var masked = mask is null ? null : new MaskedModel(model, mask);
        return SquaredKeptGradientNorm(model, masked);
    }

    // The same with the mask's multipliers already on the model's device (a training run makes them once, not per sample).
    internal static double SquaredKeptGradientNorm(PrunableModel model, MaskedModel? masked)
    {
        using var scope = torch.NewDisposeScope();
        Tensor? total = null;
        foreach (var p in model.PrunableTensors().Values)
        {
            if (p.grad is not { } g) continue;
            if (masked?.MultiplierOf(p) is { } m) g = g.mul(m);
            var sq = g.to(ScalarType.Float64).pow(2).sum();
            total = total is null ? sq : total.add(sq);
        }
        return total is null ? 0 : total.item<double>();
    }
}

/// <summary>What <see cref="GradientNoiseScale.Estimate"/> found.</summary>
/// <param name="GradientSquaredNorm">|G|², the squared norm of the true gradient (the estimate can dip below 0 when noise dominates).</param>
/// <param name="TraceCovariance">tr(Σ), the per-example gradient variance summed over parameters (divisor N).</param>
/// <param name="Steps">Steps averaged.</param>
/// <param name="SmallBatch">B_small.</param>
/// <param name="BigBatch">B_big.</param>
public sealed record GradientNoiseEstimate(double GradientSquaredNorm, double TraceCovariance, int Steps, int SmallBatch, int BigBatch)
{
    /// <summary>N, the examples the batches were drawn from without replacement; null: an infinite population.</summary>
    public long? PopulationSize { get; init; }

    /// <summary>B_simple = tr(Σ) ÷ |G|²: roughly the batch size beyond which larger batches stop paying (NaN when |G|² ≤ 0).</summary>
    public double NoiseScale => GradientSquaredNorm > 0 ? TraceCovariance / GradientSquaredNorm : double.NaN;
}
