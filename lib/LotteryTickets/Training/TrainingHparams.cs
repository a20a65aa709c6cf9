namespace LotteryTickets.Training;

/// <summary>Optimisation settings (defaults: the paper's LeNet setup, Adam 1.2e-3, batch 60).</summary>
public sealed record TrainingHparams
{
    /// <summary>The optimizer names <see cref="Optimizer"/> accepts.</summary>
    public static IReadOnlyList<string> Optimizers { get; } = ["adam", "sgd"];

    private readonly string _optimizer = "adam";
    private readonly double _learningRate = 1.2e-3, _momentum, _weightDecay, _labelSmoothing;
    private readonly int _batchSize = 60, _epochs = 10, _evalEvery, _evalBatchSize = 1000;

    /// <summary><c>"adam"</c> (default) or <c>"sgd"</c>.</summary>
    public string Optimizer { get => _optimizer; init => _optimizer = Check.OneOf(value, Optimizers, nameof(Optimizer)); }

    /// <summary>Learning rate (&gt; 0; default 1.2e-3).</summary>
    public double LearningRate { get => _learningRate; init => _learningRate = Check.Positive(value, nameof(LearningRate)); }

    /// <summary>SGD momentum in [0, 1) (ignored by Adam; default 0).</summary>
    public double Momentum { get => _momentum; init => _momentum = Check.FractionBelowOne(value, nameof(Momentum)); }

    /// <summary>L2 weight decay (≥ 0; default 0).</summary>
    public double WeightDecay { get => _weightDecay; init => _weightDecay = Check.NonNegative(value, nameof(WeightDecay)); }

    /// <summary>Label smoothing ε in [0, 1) of the training loss (<see cref="Losses.CrossEntropy"/>; default 0: plain cross-entropy).</summary>
    public double LabelSmoothing { get => _labelSmoothing; init => _labelSmoothing = Check.FractionBelowOne(value, nameof(LabelSmoothing)); }

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
    public int BatchSize { get => _batchSize; init => _batchSize = Check.Positive(value, nameof(BatchSize)); }

    /// <summary>Passes over the training set (≥ 1; default 10).</summary>
    public int Epochs { get => _epochs; init => _epochs = Check.Positive(value, nameof(Epochs)); }

    /// <summary>Evaluate every this many iterations; 0 (default) = at the end of each epoch.</summary>
    public int EvalEvery { get => _evalEvery; init => _evalEvery = Check.NonNegative(value, nameof(EvalEvery)); }

    /// <summary>Batch size for evaluation (no gradients; default 1000).</summary>
    public int EvalBatchSize { get => _evalBatchSize; init => _evalBatchSize = Check.Positive(value, nameof(EvalBatchSize)); }

    /// <summary>Mini-batches per epoch for <paramref name="examples"/> training examples.</summary>
    public int IterationsPerEpoch(int examples) => (Check.Positive(examples) + BatchSize - 1) / BatchSize;
}

/// <summary>
/// The distillation loss's settings: α·CE(student, labels) + (1 − α)·T²·KL(softmax(teacher/T) ‖ softmax(student/T)).
/// Both are always part of a run's key (they have no defaults).
/// </summary>
/// <param name="Temperature">T &gt; 0: softens both distributions (Hinton et al. used 2–20).</param>
/// <param name="Alpha">α in [0, 1]: the weight of the hard-label term (0: soft targets only).</param>
public sealed record DistillationHparams(double Temperature, double Alpha)
{
    private readonly double _temperature = Check.Positive(Temperature, nameof(Temperature)), _alpha = Check.UnitInterval(Alpha, nameof(Alpha));

    /// <summary>T &gt; 0.</summary>
    public double Temperature { get => _temperature; init => _temperature = Check.Positive(value, nameof(Temperature)); }

    /// <summary>α in [0, 1].</summary>
    public double Alpha { get => _alpha; init => _alpha = Check.UnitInterval(value, nameof(Alpha)); }
}

/// <summary>
/// How the trainer samples the gradient noise: every <paramref name="Every"/>-th step of a full batch of B examples,
/// the squared norm of the gradient over the first <paramref name="SmallBatch"/> examples of the batch and over the
/// whole batch, before the step (McCandlish et al.'s two batch sizes, from one batch as their per-device gradients are).
/// </summary>
/// <param name="SmallBatch">B_small, in [1, B − 1] (checked against the batch size when training starts).</param>
/// <param name="Every">Sample every this many steps (≥ 1; each sample costs one extra forward and backward of B_small examples).</param>
public sealed record GradientNoiseHparams(int SmallBatch, int Every)
{
    private readonly int _smallBatch = Check.Positive(SmallBatch, nameof(SmallBatch)), _every = Check.Positive(Every, nameof(Every));

    /// <summary>B_small ≥ 1.</summary>
    public int SmallBatch { get => _smallBatch; init => _smallBatch = Check.Positive(value, nameof(SmallBatch)); }

    /// <summary>Sample every this many steps (≥ 1).</summary>
    public int Every { get => _every; init => _every = Check.Positive(value, nameof(Every)); }
}
