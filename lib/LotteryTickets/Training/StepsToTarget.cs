namespace LotteryTickets.Training;

/// <summary>Reading a training curve for the time-to-train race: when did it first reach a target accuracy?</summary>
public static class StepsToTarget
{
    /// <summary>
    /// The first evaluated iteration whose test accuracy is at least <paramref name="target"/> (in [0, 1]), or null when
    /// the curve never reaches it — "not reached" is an answer, not an error. The resolution is the evaluation interval.
    /// </summary>
    public static int? Of(IReadOnlyList<EvaluationPoint> evaluations, double target)
    {
        Check.NotNull(evaluations);
        Check.UnitInterval(target);
        return evaluations.OrderBy(e => e.Iteration).FirstOrDefault(e => e.TestAccuracy >= target)?.Iteration;
    }
}
