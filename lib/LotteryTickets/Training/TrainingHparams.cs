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
