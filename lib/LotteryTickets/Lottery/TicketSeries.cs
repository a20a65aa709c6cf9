namespace LotteryTickets.Lottery;

/// <summary>
/// The names of the series an IMP experiment trains — the ticket and its two controls — as the run store, the
/// progress reports and the figures spell them. The one place these strings are written (the notebook layer words them
/// for the reader).
/// </summary>
public static class TicketSeries
{
    /// <summary>The winning ticket: IMP's masks, rewound.</summary>
    public const string Ticket = "ticket";

    /// <summary>The ticket's masks from a fresh random initialisation (<see cref="ControlKind.RandomReinit"/>).</summary>
    public const string RandomReinit = "random_reinit";

    /// <summary>Random masks of the ticket's per-layer sparsity (<see cref="ControlKind.RandomMask"/>).</summary>
    public const string RandomMask = "random_mask";

    /// <summary>The three series, ticket first.</summary>
    public static IReadOnlyList<string> All { get; } = [Ticket, RandomReinit, RandomMask];

    /// <summary>The series a control trains.</summary>
    public static string Of(ControlKind kind) => kind switch
    {
        ControlKind.RandomReinit => RandomReinit,
        ControlKind.RandomMask => RandomMask,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be one of {string.Join(", ", Enum.GetNames<ControlKind>())}."),
    };
}
