using LotteryTickets.Experiments;

namespace LotteryTickets.Interactive;

/// <summary>The progress line of a <see cref="TicketExperiment"/>: seed, series, level, iteration, test accuracy, ETA.</summary>
public static class TicketProgress
{
    /// <summary>Starts a live progress line titled <paramref name="title"/>; call <see cref="LiveProgress{T}.Complete"/> at the end.</summary>
    public static LiveProgress<TicketExperimentProgress> Start(string title = "IMP + controls") =>
        new(title,
            p => $"seed {p.Seed} · {TicketFigures.Label(p.Series)} · level {p.Level} ({p.PercentRemaining:0.0} % left) · " +
                 $"iteration {p.Iteration}/{p.TotalIterations} · test {p.TestAccuracy:P1}",
            p => p.FractionDone);
}
