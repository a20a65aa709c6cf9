using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>One trained level of an IMP run (or of a control).</summary>
/// <param name="Level">0 = dense.</param>
/// <param name="PercentRemaining">Percentage of prunable weights kept by <paramref name="Mask"/>.</param>
/// <param name="Sparsity">Per-layer counts of <paramref name="Mask"/>.</param>
/// <param name="Training">Accuracies and timing of this level's training.</param>
/// <param name="Mask">The mask this level trained with.</param>
public sealed record LevelResult(int Level, double PercentRemaining, SparsityReport Sparsity, TrainingResult Training, Mask Mask);
