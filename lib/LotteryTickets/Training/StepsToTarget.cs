namespace LotteryTickets.Training;

/// <summary>Reading a training curve for the time-to-train race: when did it first reach a target accuracy?</summary>
public static class StepsToTarget
{
    /// <summary>
    /// The first evaluated iteration whose <b>validation</b> accuracy is at least <paramref name="target"/> (in [0, 1]),
    /// or null when the curve never reaches it — "not reached" is an answer, not an error. The target is read on the
    /// validation split, which also picks the early-stop iteration, never on the test set that reports the result (a
    /// race read on the test set would select on it). The resolution is the evaluation interval. A curve without
    /// validation accuracies (trained without a validation split) is refused.
    /// </summary>
    public static int? Of(IReadOnlyList<EvaluationPoint> evaluations, double target)
    {
        Check.NotNull(evaluations);
        Check.UnitInterval(target);
        Check.That(evaluations.All(e => e.ValidationAccuracy is not null),
            "evaluations must carry validation accuracies (a run with a validation split): steps to a target are read on validation, " +
                "not on the test set.", nameof(evaluations));
        return evaluations.OrderBy(e => e.Iteration).FirstOrDefault(e => e.ValidationAccuracy >= target)?.Iteration;
    }
}
