using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>One trained level of an IMP run (or of a control).</summary>
/// <param name="Level">0 = dense.</param>
/// <param name="PercentRemaining">Percentage of prunable weights kept by <paramref name="Mask"/>.</param>
/// <param name="Sparsity">Per-layer counts of <paramref name="Mask"/>.</param>
/// <param name="Training">Accuracies and timing of this level's training.</param>
/// <param name="Mask">The mask this level trained with.</param>
public sealed record LevelResult(int Level, double PercentRemaining, SparsityReport Sparsity, TrainingResult Training, Mask Mask)
{
    private readonly int _level = Check.NonNegative(Level);

    /// <summary>0 = dense (≥ 0).</summary>
    public int Level { get => _level; init => _level = Check.NonNegative(value, nameof(Level)); }

    private readonly SparsityReport _sparsity = Check.NotNull(Sparsity);

    /// <summary>Per-layer counts (not null).</summary>
    public SparsityReport Sparsity { get => _sparsity; init => _sparsity = Check.NotNull(value, nameof(Sparsity)); }

    private readonly TrainingResult _training = Check.NotNull(Training);

    /// <summary>The level's training (not null: curves and controls read it).</summary>
    public TrainingResult Training { get => _training; init => _training = Check.NotNull(value, nameof(Training)); }

    private readonly Mask _mask = Check.NotNull(Mask);

    /// <summary>The level's mask (not null: the next level and the controls start from it).</summary>
    public Mask Mask { get => _mask; init => _mask = Check.NotNull(value, nameof(Mask)); }
}
