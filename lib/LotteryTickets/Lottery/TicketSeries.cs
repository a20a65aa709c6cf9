using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace LotteryTickets.Lottery;

/// <summary>
/// The series an IMP experiment trains — the ticket and the paper's two controls, which
/// <see cref="LotteryControls.Train"/> takes — stored (run-store rows and folders, JSON) as <c>"ticket"</c>,
/// <c>"random_reinit"</c> and <c>"random_mask"</c> (<see cref="SerialNames"/>).
/// </summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum TicketSeries
{
    /// <summary>The winning ticket: IMP's masks, rewound.</summary>
    [EnumMember(Value = "ticket")] Ticket,

    /// <summary>A control: the ticket's mask, trained from a fresh random initialisation.</summary>
    [EnumMember(Value = "random_reinit")] RandomReinit,

    /// <summary>A control: a random mask with the ticket's per-layer counts, trained from the ticket's rewind point.</summary>
    [EnumMember(Value = "random_mask")] RandomMask,
}
