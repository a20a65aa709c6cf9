using LotteryTickets.Data;

namespace LotteryTickets.Training;

/// <summary>
/// The three splits a run uses. Without a validation set, the early-stop point is chosen on the test set (as the
/// paper's plots do). The splits are not owned: dispose the datasets yourself.
/// </summary>
/// <param name="Train">Training examples.</param>
/// <param name="Validation">Examples that pick the early-stop iteration, or null.</param>
/// <param name="Test">Examples for the reported accuracy.</param>
public sealed record TrainingData(TensorDataset Train, TensorDataset? Validation, TensorDataset Test);
