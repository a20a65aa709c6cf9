using System.Globalization;

namespace LotteryTickets.Training;

/// <summary>What one training run produced.</summary>
public sealed class TrainingResult
{
    internal TrainingResult(IReadOnlyList<EvaluationPoint> evaluations, int totalIterations, double wallSeconds,
        IReadOnlyList<GradientNoiseSample>? gradientNoise = null)
    {
        Evaluations = evaluations;
        GradientNoise = gradientNoise ?? [];
        TotalIterations = totalIterations;
        WallSeconds = wallSeconds;
        FinalTestAccuracy = evaluations.Count > 0 ? evaluations[^1].TestAccuracy : double.NaN;
        EvaluationPoint? best = null;
        foreach (var e in evaluations)
        {
            var score = e.ValidationAccuracy ?? e.TestAccuracy;
            if (best is null || score > (best.ValidationAccuracy ?? best.TestAccuracy)) best = e;
        }
        EarlyStopIteration = best?.Iteration ?? 0;
        EarlyStopTestAccuracy = best?.TestAccuracy ?? double.NaN;
    }

    /// <summary>Every evaluation, in order (the last is at the end of training).</summary>
    public IReadOnlyList<EvaluationPoint> Evaluations { get; }

    /// <summary>
    /// The gradient-noise samples taken while training (<see cref="TrainingHparams.GradientNoise"/>; empty when not measured):
    /// their batches are drawn without replacement from the training set, whose size <see cref="GradientNoiseScale.FromSamples"/> takes.
    /// </summary>
    public IReadOnlyList<GradientNoiseSample> GradientNoise { get; }

    /// <summary>Test accuracy at the end of training.</summary>
    public double FinalTestAccuracy { get; }

    /// <summary>Iteration of the best validation accuracy (test accuracy without a validation set); the earliest on ties.</summary>
    public int EarlyStopIteration { get; }

    /// <summary>Test accuracy at <see cref="EarlyStopIteration"/>.</summary>
    public double EarlyStopTestAccuracy { get; }

    /// <summary>Optimizer steps over the whole schedule (including any skipped by a late-rewound start).</summary>
    public int TotalIterations { get; }

    /// <summary>Wall-clock seconds, evaluations included.</summary>
    public double WallSeconds { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"final test acc {FinalTestAccuracy:P2}, early stop at it {EarlyStopIteration} ({EarlyStopTestAccuracy:P2}), " +
            $"{TotalIterations} its, {WallSeconds:F1} s");
}

/// <summary>One gradient-noise sample: the squared norms of the mini-batch gradient over B_small and over B examples at one step.</summary>
/// <param name="Iteration">The step (0-based) whose batch was measured, before its update.</param>
/// <param name="SmallSquaredNorm">|G_small|² over the prunable weights (kept entries only, under a mask).</param>
/// <param name="BigSquaredNorm">|G_big|², the same for the whole batch.</param>
public sealed record GradientNoiseSample(int Iteration, double SmallSquaredNorm, double BigSquaredNorm);
