using LotteryTickets.Lottery;

namespace LotteryTickets.Experiments;

/// <summary>Where a <see cref="TicketExperiment"/> is: seed, series ("ticket", "random_reinit", "random_mask"),
/// level, iteration, the latest test accuracy, and the share of all training done (0–1).</summary>
public sealed record TicketExperimentProgress(long Seed, string Series, int Level, double PercentRemaining, int Iteration,
    int TotalIterations, double TestAccuracy, double FractionDone);
