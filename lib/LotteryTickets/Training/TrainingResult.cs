namespace LotteryTickets.Training;

/// <summary>What one training run produced.</summary>
public sealed class TrainingResult
{
    internal TrainingResult(IReadOnlyList<EvaluationPoint> evaluations, int totalIterations, double wallSeconds)
    {
        Evaluations = evaluations;
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
        FormattableString.Invariant($"final test acc {FinalTestAccuracy:P2}, early stop at it {EarlyStopIteration} ({EarlyStopTestAccuracy:P2}), {TotalIterations} its, {WallSeconds:F1} s");
}
