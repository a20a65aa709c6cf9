namespace LotteryTickets.Lottery;

/// <summary>The paper's controls for a winning ticket.</summary>
public enum ControlKind
{
    /// <summary>The ticket's mask, trained from a fresh random initialisation.</summary>
    RandomReinit,

    /// <summary>A random mask with the ticket's per-layer counts, trained from the ticket's rewind point.</summary>
    RandomMask,
}
