namespace LotteryTickets.Training;

/// <summary>Reported at each evaluation point while training.</summary>
/// <param name="Point">The evaluation just made.</param>
/// <param name="TotalIterations">Iterations the whole training takes.</param>
public sealed record TrainingProgress(EvaluationPoint Point, int TotalIterations)
{
}
