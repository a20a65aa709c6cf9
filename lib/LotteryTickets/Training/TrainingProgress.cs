namespace LotteryTickets.Training;

/// <summary>Reported at each evaluation point while training.</summary>
/// <param name="Point">The evaluation just made.</param>
/// <param name="TotalIterations">Iterations the whole training takes.</param>
public sealed record TrainingProgress(EvaluationPoint Point, int TotalIterations)
{
    private readonly EvaluationPoint _point = Check.NotNull(Point);

    /// <summary>The evaluation just made (not null: progress relays read it).</summary>
    public EvaluationPoint Point { get => _point; init => _point = Check.NotNull(value, nameof(Point)); }
}
