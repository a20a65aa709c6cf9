namespace LotteryTickets.Lottery;

/// <summary>How figures and progress lines name a <see cref="TicketSeries"/>.</summary>
public static class TicketSeriesLabels
{
    /// <summary>The series' display label, e.g. "winning ticket (rewound)".</summary>
    public static string Label(this TicketSeries series) => series switch
    {
        TicketSeries.Ticket => "winning ticket (rewound)",
        TicketSeries.RandomReinit => "same mask, random re-init",
        TicketSeries.RandomMask => "random mask, same sparsity",
        _ => throw new ArgumentOutOfRangeException(nameof(series), series, $"series must be one of {string.Join(", ", Enum.GetNames<TicketSeries>())}."),
    };
}
