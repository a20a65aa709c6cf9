using static TorchSharp.torch;

namespace LotteryTickets.Tests.Training;

/// <summary>The trainer's distillation path and its gradient-noise sampling (sections 4 and 5).</summary>
public class DistillationAndNoiseTrainingTests
{
    private static readonly ModelHparams Small = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 };
    private static readonly TrainingHparams Short = new() { Epochs = 2, BatchSize = 20 };

    private static Tensor LogitsOf(int seed, TrainingData data, int classes = 10)
    {
        using var teacher = (Small with { Classes = classes }).Create(CPU, seed);
        using var _ = no_grad();
        return teacher.call(data.Train.Inputs).detach();
    }

    [Fact]
    public void AlphaOneTrainsExactlyAsTheLabelsAlone()
    {
        // α = 1 leaves only the hard term: the same data order and the same gradients, so bit-identical weights.
        var data = Synthetic.Splits();
        using var teacher = LogitsOf(7, data);
        using var a = Small.Create(CPU, 1);
        using var b = Small.Create(CPU, 1);
        Trainer.Train(a, null, data.Train, null, data.Test, Short, seed: 3);
        Trainer.Train(b, null, data.Train, null, data.Test, Short with { Distillation = new(Temperature: 3, Alpha: 1) }, seed: 3, teacher: teacher);
        foreach (var (name, p) in a.PrunableTensors())
            Assert.Equal(Weights.Host(p), Weights.Host(b.PrunableTensors()[name]));
    }

    [Fact]
    public void SoftTargetsPullTheStudentTowardTheTeacher()
    {
        // With α = 0 the student sees only the teacher: its agreement with the teacher's argmax must rise well above
        // the ~10 % of an unrelated network (the teacher is an untrained one: an arbitrary function of the inputs), and
        // well above that of the same student trained on the labels.
        var data = Synthetic.Splits();
        using var teacher = LogitsOf(7, data);
        using var teacherClass = teacher.argmax(1);
        double Agreement(PrunableModel m)
        {
            using var _ = no_grad();
            using var p = m.call(data.Train.Inputs).argmax(1);
            return p.eq(teacherClass).to(ScalarType.Float64).mean().item<double>();
        }
        using var distilled = Small.Create(CPU, 1);
        using var onLabels = Small.Create(CPU, 1);
        var h = Short with { Epochs = 5 };
        Trainer.Train(distilled, null, data.Train, null, data.Test, h with { Distillation = new(Temperature: 2, Alpha: 0) }, seed: 3,
            teacher: teacher);
        Trainer.Train(onLabels, null, data.Train, null, data.Test, h, seed: 3);
        Assert.True(Agreement(distilled) > 0.6, $"distilled agrees with the teacher on {Agreement(distilled):P0}");
        Assert.True(Agreement(distilled) > Agreement(onLabels) + 0.2);
    }

    [Fact]
    public void BadTeachersAndSettingsAreNamedBeforeTraining()
    {
        var data = Synthetic.Splits();
        using var model = Small.Create(CPU, 1);
        var h = Short with { Distillation = new(2, 0.5) };
        string Param(Action a) => Assert.ThrowsAny<ArgumentException>(a).ParamName!;
        Assert.Equal("teacher", Param(() => Trainer.Train(model, null, data.Train, null, data.Test, h, 1)));
        using var fiveClasses = LogitsOf(7, data, classes: 5);
        Assert.Equal("teacher", Param(() => Trainer.Train(model, null, data.Train, null, data.Test, h, 1, teacher: fiveClasses)));
        using var fewRows = LogitsOf(7, data).narrow(0, 0, 10);
        Assert.Equal("teacher", Param(() => Trainer.Train(model, null, data.Train, null, data.Test, h, 1, teacher: fewRows)));
        Assert.Equal("teacher", Param(() => data.WithTeacher(zeros(3, 10))));
        Assert.Equal("GradientNoise", Param(() => Trainer.Train(model, null, data.Train, null, data.Test,
            Short with { GradientNoise = new(SmallBatch: 20, Every: 1) }, 1)));
        var student = new LotteryHparams { Model = Small, Training = Short };
        var mismatched = new DistillationExperiment(student with { Model = Small with { Classes = 5 } }, student, new(2, 0.5), data, [1]);
        Assert.Equal("Teacher", Param(() => mismatched.Run()));
    }

    [Fact]
    public void NoiseSamplingChangesNoWeightAndKeepsItsSamples()
    {
        // The extra small-batch backward runs before the batch's own, whose gradient is recomputed from zero: the
        // trained weights are bit-identical with and without sampling. Samples: every 3rd step, all batches full.
        var data = Synthetic.Splits();
        var mask = PruningStrategies.PruneRepeatedly(Small.Create(CPU, 1), new PruningHparams { Fraction = 0.5 }, levels: 1);
        using var a = Small.Create(CPU, 1);
        using var b = Small.Create(CPU, 1);
        Trainer.Train(a, mask, data.Train, null, data.Test, Short, seed: 3);
        var r = Trainer.Train(b, mask, data.Train, null, data.Test, Short with { GradientNoise = new(SmallBatch: 5, Every: 3) }, seed: 3);
        foreach (var (name, p) in a.PrunableTensors())
            Assert.Equal(Weights.Host(p), Weights.Host(b.PrunableTensors()[name]));
        Assert.Equal(60, r.TotalIterations);   // 600 examples in full batches of 20, 2 epochs
        Assert.Equal(Enumerable.Range(0, 60).Where(i => i % 3 == 0).ToArray(), r.GradientNoise.Select(s => s.Iteration).ToArray());
        Assert.All(r.GradientNoise, s => Assert.True(s.SmallSquaredNorm > 0 && s.BigSquaredNorm > 0));
        // A sub-batch of 5 is noisier than the batch of 20 on average: E|G_5|² − E|G_20|² = tr(Σ)(c_5 − c_20) > 0, with
        // c_B = (600 − B)/(599·B) for batches drawn without replacement from the 600 training examples.
        Assert.True(r.GradientNoise.Average(s => s.SmallSquaredNorm) > r.GradientNoise.Average(s => s.BigSquaredNorm));
        var estimate = GradientNoiseScale.FromSamples(r.GradientNoise, new(5, 3), 20, data.Train.Count)!;
        Assert.True(estimate.TraceCovariance > 0);
        Assert.Equal(600, estimate.PopulationSize);
    }

    [Fact]
    public void NewSettingsNameNewRunsAndLeaveOldKeysAlone()
    {
        var plain = new LotteryHparams();
        var key = RunKey.For("k", plain);
        Assert.Equal(key, RunKey.For("k", plain with { Training = plain.Training with { Distillation = null, GradientNoise = null } }));
        var distilled = RunKey.For("k", plain with { Training = plain.Training with { Distillation = new(4, 0.1) } });
        Assert.NotEqual(key, distilled);
        Assert.Contains("Training.Distillation.Temperature=4", distilled.Lines);
        Assert.Contains("Training.Distillation.Alpha=0.1", distilled.Lines);
        Assert.NotEqual(distilled, RunKey.For("k", plain with { Training = plain.Training with { Distillation = new(4, 0.2) } }));
        var noisy = RunKey.For("k", plain with { Training = plain.Training with { GradientNoise = new(10, 5) } });
        Assert.Contains("Training.GradientNoise.SmallBatch=10", noisy.Lines);
    }

    [Fact]
    public void ATeacherChangesTheDataFingerprint()
    {
        var data = Synthetic.Splits();
        using var t1 = LogitsOf(7, data);
        using var t2 = LogitsOf(8, data);
        string plain = DataFingerprint.Describe(data, "s");
        Assert.NotEqual(plain, DataFingerprint.Describe(data.WithTeacher(t1), "s"));
        Assert.NotEqual(DataFingerprint.Describe(data.WithTeacher(t1), "s"), DataFingerprint.Describe(data.WithTeacher(t2), "s"));
        Assert.DoesNotContain("teacher", plain);
    }

    [Theory]
    [InlineData(266_200)]   // LeNet-300-100 itself
    [InlineData(33_275)]    // its 12.5 % ticket
    [InlineData(2_000)]
    public void SizeMatchedDenseNetworksHaveTheTicketsWeightCount(int weights)
    {
        var m = DistillationExperiment.SizeMatched(ModelHparams.LeNet300100, weights);
        Assert.Equal(3 * m.Hidden2, m.Hidden1);
        long count = DistillationExperiment.WeightsOf(m);
        using var built = m.Create(CPU, 0);
        Assert.Equal(built.PrunableCount, count);
        // One unit of h changes the count by about 3·784 + 6h + 10: the match is within one unit's worth.
        Assert.InRange(Math.Abs(count - weights), 0, 3 * 784 + 6 * m.Hidden2 + 13);
        if (weights == 266_200) Assert.Equal((300, 100), (m.Hidden1, m.Hidden2));
    }
}
