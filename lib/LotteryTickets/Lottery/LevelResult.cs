using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>One trained level of an IMP run (or of a control).</summary>
/// <param name="Level">0 = dense.</param>
/// <param name="PercentRemaining">Percentage of prunable weights kept by <paramref name="Mask"/>.</param>
/// <param name="Sparsity">Per-layer counts of <paramref name="Mask"/>.</param>
/// <param name="Training">Accuracies and timing of this level's training.</param>
/// <param name="Mask">The mask this level trained with (owned by the run).</param>
public sealed record LevelResult(int Level, double PercentRemaining, SparsityReport Sparsity, TrainingResult Training, Mask Mask)
{
    /// <summary>0 = dense (≥ 0).</summary>
    public int Level { get; init; } = Check.NonNegative(Level);

    /// <summary>Per-layer counts (not null).</summary>
    public SparsityReport Sparsity { get; init; } = Check.NotNull(Sparsity);

    /// <summary>The level's training (not null: curves and controls read it).</summary>
    public TrainingResult Training { get; init; } = Check.NotNull(Training);

    /// <summary>The level's mask (not null: controls copy it and disposing the run frees it).</summary>
    public Mask Mask { get; init; } = Check.NotNull(Mask);
}
