namespace LotteryTickets.Lottery;

/// <summary>One pruning level of a <see cref="TicketCurve"/>, aggregated over seeds: test accuracy (%) at the
/// early-stop iteration and the early-stop iteration itself, each as mean and sample standard deviation.</summary>
public sealed record TicketCurvePoint(int Level, double PercentRemaining, double MeanAccuracy, double StdAccuracy,
    double MeanEarlyStopIteration, double StdEarlyStopIteration, int Seeds);
