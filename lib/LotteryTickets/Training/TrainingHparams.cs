namespace LotteryTickets.Training;

/// <summary>Optimisation settings (defaults: the paper's LeNet setup, Adam 1.2e-3, batch 60).</summary>
public sealed record TrainingHparams : IValidated
{
    /// <summary><see cref="Training.Optimizer.Adam"/> (default) or <see cref="Training.Optimizer.Sgd"/>.</summary>
    public Optimizer Optimizer { get; init; } = Optimizer.Adam;

    /// <summary>Learning rate (&gt; 0; default 1.2e-3).</summary>
    [Positive] public double LearningRate { get; init; } = 1.2e-3;

    /// <summary>SGD momentum in [0, 1) (ignored by Adam; default 0).</summary>
    [Range(0, 1, MaxExclusive = true)] public double Momentum { get; init; }

    /// <summary>L2 weight decay (≥ 0; default 0).</summary>
    [NonNegative] public double WeightDecay { get; init; }

    /// <summary>Label smoothing ε in [0, 1) of the training loss (<see cref="Losses.CrossEntropy"/>; default 0: plain cross-entropy).</summary>
    [Range(0, 1, MaxExclusive = true)] public double LabelSmoothing { get; init; }

    /// <summary>
    /// Distillation from a teacher (<see cref="Losses.Distillation"/>; default null: train on the labels alone). The
    /// teacher's logits for the training examples come with the data (<see cref="TrainingData.Teacher"/>).
    /// </summary>
    public DistillationHparams? Distillation { get; init; }

    /// <summary>
    /// Measures the gradient noise while training (<see cref="GradientNoiseScale"/>; default null: not measured). The
    /// weights trained are the same either way; the level's <see cref="TrainingResult.GradientNoise"/> holds the samples.
    /// </summary>
    public GradientNoiseHparams? GradientNoise { get; init; }

    /// <summary>Examples per mini-batch (≥ 1; default 60). The last batch of an epoch may be smaller.</summary>
    [Positive] public int BatchSize { get; init; } = 60;

    /// <summary>Passes over the training set (≥ 1; default 10).</summary>
    [Positive] public int Epochs { get; init; } = 10;

    /// <summary>Evaluate every this many iterations; 0 (default) = at the end of each epoch.</summary>
    [NonNegative] public int EvalEvery { get; init; }

    /// <summary>Batch size for evaluation (no gradients; default 1000).</summary>
    [Positive] public int EvalBatchSize { get; init; } = 1000;

    /// <inheritdoc />
    public void CheckRelations()
    {
        Check.That(GradientNoise is null || GradientNoise.SmallBatch < BatchSize,
            $"GradientNoise.SmallBatch must be in [1, {BatchSize - 1}] (below the batch size); got {GradientNoise?.SmallBatch}.",
            nameof(GradientNoise));
    }

    /// <summary>Mini-batches per epoch for <paramref name="examples"/> training examples.</summary>
    public int IterationsPerEpoch(int examples) => (Check.Positive(examples) + BatchSize - 1) / BatchSize;
}

/// <summary>
/// The distillation loss's settings: α·CE(student, labels) + (1 − α)·T²·KL(softmax(teacher/T) ‖ softmax(student/T)).
/// Both are always part of a run's key (they have no defaults).
/// </summary>
/// <param name="Temperature">T &gt; 0: softens both distributions (Hinton et al. used 2–20).</param>
/// <param name="Alpha">α in [0, 1]: the weight of the hard-label term (0: soft targets only).</param>
public sealed record DistillationHparams([property: Positive] double Temperature, [property: Range(0, 1)] double Alpha) : IValidated;

/// <summary>
/// How the trainer samples the gradient noise: every <paramref name="Every"/>-th step of a full batch of B examples,
/// the squared norm of the gradient over the first <paramref name="SmallBatch"/> examples of the batch and over the
/// whole batch, before the step (McCandlish et al.'s two batch sizes, from one batch as their per-device gradients are).
/// </summary>
/// <param name="SmallBatch">B_small, in [1, B − 1] (checked against the batch size when training starts).</param>
/// <param name="Every">Sample every this many steps (≥ 1; each sample costs one extra forward and backward of B_small examples).</param>
public sealed record GradientNoiseHparams([property: Positive] int SmallBatch, [property: Positive] int Every) : IValidated;
