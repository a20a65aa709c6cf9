using LotteryTickets.Data;

namespace LotteryTickets.Training;

/// <summary>
/// The three splits a run uses. Without a validation set, the early-stop point is chosen on the test set (as the
/// paper's plots do). The splits are not owned: dispose the datasets yourself.
/// </summary>
/// <param name="Train">Training examples.</param>
/// <param name="Validation">Examples that pick the early-stop iteration, or null.</param>
/// <param name="Test">Examples for the reported accuracy.</param>
public sealed record TrainingData(TensorDataset Train, TensorDataset? Validation, TensorDataset Test)
{
    /// <summary>
    /// Holds out the last <paramref name="validationCount"/> training examples for validation (as Frankle &amp; Carbin
    /// hold out 5,000 of MNIST's training set to choose the early-stop iteration). Views: no copy.
    /// </summary>
    public static TrainingData WithValidation(TensorDataset train, TensorDataset test, int validationCount)
    {
        Check.NotNull(train);
        Check.NotNull(test);
        Check.InRange(validationCount, 1, train.Count - 1);
        int kept = train.Count - validationCount;
        return new TrainingData(train.Take(kept), train.Skip(kept), test);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Train.Count:N0} train / {(Validation is null ? "no" : Validation.Count.ToString("N0"))} validation / {Test.Count:N0} test";
}
