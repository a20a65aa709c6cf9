using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Training;

/// <summary>
/// The training losses of sections 4 and 5, each a mean over the examples of a batch, with its parameters checked
/// before anything reaches libtorch: cross-entropy with label smoothing, and Hinton et al.'s distillation loss.
/// </summary>
public static class Losses
{
    /// <summary>
    /// Cross-entropy against labels smoothed by <paramref name="epsilon"/> in [0, 1): the target of an example of class
    /// y is (1 − ε)·onehot(y) + ε/K over the K classes (PyTorch's <c>label_smoothing</c>), so the loss is
    /// −Σ_k q_k log softmax(z)_k averaged over the batch. ε = 0 is plain cross-entropy.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels, double epsilon = 0)
    {
        CheckLogitsAndLabels(logits, labels, nameof(logits), nameof(labels));
        Check.FractionBelowOne(epsilon);
        return CrossEntropyChecked(logits, labels, epsilon);
    }

    // The training loop's call: its labels and ε were checked once, before the first step (no host sync per step).
    internal static Tensor CrossEntropyChecked(Tensor logits, Tensor labels, double epsilon) =>
        nn.functional.cross_entropy(logits, labels, label_smoothing: epsilon);

    /// <summary>
    /// Distillation (Hinton, Vinyals &amp; Dean 2015): α·CE(student, labels) + (1 − α)·T²·KL(softmax(teacher/T) ‖
    /// softmax(student/T)), the KL summed over classes and averaged over examples (PyTorch's <c>batchmean</c>; written
    /// out here because TorchSharp's <c>kl_div</c> has no batch-mean reduction and its <c>log_target</c> default differs).
    /// The T² keeps the soft term's gradients on the scale of the hard term's as T grows. The teacher's logits carry no
    /// gradient.
    /// </summary>
    /// <param name="student">Student logits [N, K].</param>
    /// <param name="teacher">Teacher logits [N, K] (same shape).</param>
    /// <param name="labels">Class indices [N] (int64).</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <param name="alpha">Weight of the hard-label term, in [0, 1].</param>
    public static Tensor Distillation(Tensor student, Tensor teacher, Tensor labels, double temperature, double alpha)
    {
        CheckLogitsAndLabels(student, labels, nameof(student), nameof(labels));
        Check.NotNull(teacher);
        Check.That(teacher.shape.SequenceEqual(student.shape),
            $"teacher must have the student's shape [{string.Join(", ", student.shape)}] (as many examples and classes); got " +
                $"[{string.Join(", ", teacher.shape)}].",
            nameof(teacher));
        Check.Positive(temperature);
        Check.UnitInterval(alpha);
        return DistillationChecked(student, teacher, labels, temperature, alpha, 0);
    }

    // The training loop's call (checked once before the first step); the hard term may carry label smoothing ε.
    internal static Tensor DistillationChecked(Tensor student, Tensor teacher, Tensor labels, double temperature, double alpha, double epsilon)
    {
        using var scope = torch.NewDisposeScope();
        var hard = nn.functional.cross_entropy(student, labels, label_smoothing: epsilon);
        var logStudent = nn.functional.log_softmax(student.div(temperature), 1);
        var logTeacher = nn.functional.log_softmax(teacher.detach().div(temperature), 1);
        var kl = logTeacher.exp().mul(logTeacher.sub(logStudent)).sum(dim: 1).mean();
        return hard.mul(alpha).add(kl.mul((1 - alpha) * temperature * temperature)).MoveToOuterDisposeScope();
    }

    private static void CheckLogitsAndLabels(Tensor logits, Tensor labels, string logitsName, string labelsName)
    {
        Check.NotNull(logits, logitsName);
        Check.NotNull(labels, labelsName);
        Check.That(logits.dim() == 2 && logits.shape[0] >= 1 && logits.shape[1] >= 2,
            $"{logitsName} must be [N, K] with N ≥ 1 examples and K ≥ 2 classes; got [{string.Join(", ", logits.shape)}].", logitsName);
        Check.That(labels.dtype == ScalarType.Int64 && labels.dim() == 1 && labels.shape[0] == logits.shape[0],
            $"{labelsName} must be int64 class indices, one per row of {logitsName} ({logits.shape[0]}); got {labels.dtype} " +
                $"[{string.Join(", ", labels.shape)}].",
            labelsName);
        Check.That(labels.device.type == logits.device.type, $"{labelsName} must be on {logitsName}'s device ({logits.device}).", labelsName);
        if (labels.device.type == DeviceType.CPU && labels.numel() > 0)
        {
            long min = labels.min().item<long>(), max = labels.max().item<long>();
            Check.That(min >= 0 && max < logits.shape[1], $"{labelsName} must be class indices in [0, {logits.shape[1] - 1}]; got [{min}, {max}].",
                labelsName);
        }
    }
}
