namespace LotteryTickets.Training;

/// <summary>One evaluation during training.</summary>
/// <param name="Iteration">Optimizer steps taken so far.</param>
/// <param name="Epoch">Iteration / iterations per epoch (fractional between epoch ends).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation set in [0, 1], or null without one.</param>
/// <param name="TestAccuracy">Accuracy on the test set in [0, 1].</param>
/// <param name="TrainLoss">Mean training loss over the iterations since the previous evaluation (NaN if none).</param>
public sealed record EvaluationPoint(int Iteration, double Epoch, double? ValidationAccuracy, double TestAccuracy, double TrainLoss);
