using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using System.Globalization;

namespace LotteryTickets.Interactive;

/// <summary>How figures, tables, findings and progress lines name what the library names by a constant: a ticket
/// experiment's series, a way of running a network, a noise level.</summary>
public static class LabelText
{
    /// <summary>A series of a ticket experiment, e.g. "winning ticket (rewound)".</summary>
    public static string Series(TicketSeries series) => series switch
    {
        TicketSeries.Ticket => "winning ticket (rewound)",
        TicketSeries.RandomReinit => "same mask, random re-init",
        TicketSeries.RandomMask => "random mask, same sparsity",
        _ => throw new ArgumentOutOfRangeException(nameof(series), series,
            $"series must be one of {string.Join(", ", Enum.GetNames<TicketSeries>())}; got {(int)series}."),
    };

    /// <summary>A way of running a network (one of <see cref="SpeedVariants"/>), e.g. "structured, compacted"; another
    /// name reads as itself.</summary>
    public static string Variant(string variant) => variant switch
    {
        SpeedVariants.Dense => "dense",
        SpeedVariants.Masked => "unstructured, dense kernel (masked)",
        SpeedVariants.SparseKernel => "unstructured, sparse kernel (COO)",
        SpeedVariants.Compacted => "structured, compacted",
        _ => Check.NotNull(variant),
    };

    /// <summary>A signal-to-noise ratio in dB: "noiseless" for +∞, else e.g. "20 dB".</summary>
    public static string Snr(double snrDb) =>
        double.IsPositiveInfinity(snrDb) ? "noiseless" : snrDb.ToString("0.#", CultureInfo.InvariantCulture) + " dB";
}
