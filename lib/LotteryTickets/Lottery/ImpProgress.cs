using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>Reported at each evaluation point of an IMP run or a control.</summary>
/// <param name="Run"><c>"ticket"</c>, <c>"random_reinit"</c> or <c>"random_mask"</c>.</param>
/// <param name="Level">The level being trained.</param>
/// <param name="PercentRemaining">Percentage of prunable weights kept at this level.</param>
/// <param name="Point">The evaluation just made (iteration, epoch, accuracies, loss).</param>
/// <param name="TotalIterations">Iterations in the level's schedule.</param>
public sealed record ImpProgress(string Run, int Level, double PercentRemaining, EvaluationPoint Point, int TotalIterations);
