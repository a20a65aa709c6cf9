namespace LotteryTickets.Experiments;

/// <summary>
/// The measurement an <see cref="ExperimentProgress"/> of a timing sweep reports: one way of running the network
/// (<see cref="SpeedVariants"/>) at one batch size and sparsity, or the machine's peak matmul rate.
/// </summary>
public sealed record TimingStatus
{
    /// <summary>The variant timed, one of <see cref="SpeedVariants"/> (null: the peak measurement).</summary>
    public string? Variant { get; init; }

    /// <summary>The batch size timed.</summary>
    public int Batch { get; init; }

    /// <summary>The share of weights removed (0 for dense).</summary>
    public double Sparsity { get; init; }

    /// <summary>The peak matmul rate measured (FLOP/s; null: not the peak measurement).</summary>
    public double? PeakFlopsPerSecond { get; init; }
}
