using LotteryTickets.Data;
using static TorchSharp.torch;

namespace LotteryTickets.Training;

/// <summary>
/// The three splits a run uses. Without a validation set, the early-stop point is chosen on the test set (as the
/// paper's plots do). The splits are not owned: dispose the datasets yourself. Checked, with the settings that train
/// on it, where work enters (an experiment's or sweep's Run).
/// </summary>
/// <param name="Train">Training examples.</param>
/// <param name="Validation">Examples that pick the early-stop iteration, or null.</param>
/// <param name="Test">Examples for the reported accuracy.</param>
public sealed record TrainingData(TensorDataset Train, TensorDataset? Validation, TensorDataset Test) : IValidated
{
    /// <summary>
    /// A teacher's logits for the training examples, float32 [N_train, K] on the training data's device (default
    /// null), which runs with <see cref="TrainingHparams.Distillation"/> learn from. Not owned. Part of the data's
    /// fingerprint in a run key, so students of different teachers never share a key.
    /// </summary>
    public Tensor? Teacher { get; init; }

    /// <summary>These splits with <paramref name="teacher"/>'s logits for the training examples (checked: [N_train, K ≥ 2], same device).</summary>
    public TrainingData WithTeacher(Tensor teacher)
    {
        Check.NotNull(teacher);
        Check.That(teacher.dim() == 2 && teacher.shape[0] == Train.Count && teacher.shape[1] >= 2,
            $"teacher must hold logits [{Train.Count}, K ≥ 2], one row per training example; got [{string.Join(", ", teacher.shape)}].",
            nameof(teacher));
        Check.That(teacher.device.type == Train.Device.type && teacher.device.index == Train.Device.index,
            $"teacher is on {teacher.device} but the training data is on {Train.Device}.", nameof(teacher));
        return this with { Teacher = teacher };
    }

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
