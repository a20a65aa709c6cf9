using static TorchSharp.torch;

namespace LotteryTickets.Tests.Training;

public class LossesTests
{
    // Two examples, three classes; the expected values were worked out by hand in double precision (log-softmax,
    // smoothed targets, per-example KL summed over classes and averaged over the two examples).
    private static Tensor Student => tensor(new float[] { 1, 2, 0.5f, 0, -1, 3 }, [2, 3]);
    private static Tensor Teacher => tensor(new float[] { 2, 0, 1, 1, 1, 1 }, [2, 3]);
    private static Tensor Labels => tensor(new long[] { 1, 2 });

    [Fact]
    public void LabelSmoothedCrossEntropyEqualsTheHandComputedValue()
    {
        Assert.Equal(0.4234596772660205, Losses.CrossEntropy(Student, Labels, epsilon: 0.1).item<float>(), 5);
        Assert.Equal(0.2651263439326872, Losses.CrossEntropy(Student, Labels).item<float>(), 5);   // ε = 0: plain cross-entropy
    }

    [Fact]
    public void DistillationIsAlphaHardPlusTSquaredBatchMeanKl()
    {
        // CE = 0.26513, KL(p_T ‖ p_S) at T = 2, batch mean = 0.28485; 0.3·CE + 0.7·4·KL = 0.87711.
        Assert.Equal(0.8771087053365682, Losses.Distillation(Student, Teacher, Labels, temperature: 2, alpha: 0.3).item<float>(), 5);
        Assert.Equal(0.2651263439326872, Losses.Distillation(Student, Teacher, Labels, 2, alpha: 1).item<float>(), 5);
        Assert.Equal(4 * 0.28484671505598647, Losses.Distillation(Student, Teacher, Labels, 2, alpha: 0).item<float>(), 5);
        // A student equal to its teacher has no soft loss at any temperature.
        Assert.Equal(0, Losses.Distillation(Teacher, Teacher, Labels, 5, alpha: 0).item<float>(), 6);
    }

    [Fact]
    public void DistillationSendsNoGradientIntoTheTeacher()
    {
        var student = Student.requires_grad_(true);
        var teacher = Teacher.requires_grad_(true);
        Losses.Distillation(student, teacher, Labels, 2, 0.5).backward();
        Assert.NotNull(student.grad);
        Assert.Null(teacher.grad);
    }

    [Theory]
    [InlineData("epsilon")]
    [InlineData("temperature")]
    [InlineData("alpha")]
    [InlineData("teacher")]
    [InlineData("labels")]
    public void BadInputIsNamedBeforeLibtorch(string parameter)
    {
        Action bad = parameter switch
        {
            "epsilon" => () => Losses.CrossEntropy(Student, Labels, epsilon: 1),
            "temperature" => () => Losses.Distillation(Student, Teacher, Labels, temperature: 0, alpha: 0.5),
            "alpha" => () => Losses.Distillation(Student, Teacher, Labels, 2, alpha: 1.5),
            "teacher" => () => Losses.Distillation(Student, zeros(2, 4), Labels, 2, 0.5),   // another class count
            _ => () => Losses.CrossEntropy(Student, tensor(new long[] { 1, 3 })),            // class 3 of 3
        };
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(bad).ParamName);
    }
}
