using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 4: a dense teacher, and sparse ticket students found by IMP trained (i) on the labels and (ii) with
/// distillation from the teacher (Hinton et al. 2015; <see cref="Losses.Distillation"/>), beside dense networks of the
/// student's family made just small enough to have the same number of weights as each ticket, trained both ways.
/// Everything runs through <see cref="TicketExperiment"/> and so through the run store: the teacher is a dense
/// level-0 run whose trained weights the store keeps; its logits for the training examples become the
/// students' soft targets (<see cref="TrainingData.WithTeacher"/>, part of the students' keys).
/// </summary>
/// <param name="Teacher">The teacher's run (dense: level 0 only; its seed is <see cref="TeacherSeed"/>).</param>
/// <param name="Student">The students' IMP run (its <see cref="TrainingHparams.Distillation"/> must be null: set here for (ii)).</param>
/// <param name="Distillation">T and α of the distilled students.</param>
/// <param name="Data">The splits everything trains and evaluates on.</param>
/// <param name="Seeds">The students' seeds (one teacher serves them all).</param>
public sealed record DistillationExperiment(LotteryHparams Teacher, LotteryHparams Student, DistillationHparams Distillation,
    TrainingData Data, [property: NotEmpty, Distinct] IReadOnlyList<long> Seeds) : IExperiment<DistillationResult>, IValidated
{
    /// <summary>Pruning levels of the students' IMP runs after the dense level 0 (default 5).</summary>
    [Range(0, IterativeMagnitudePruning.MaxLevels)] public int Levels { get; init; } = 5;

    /// <summary>The teacher's seed (default 0, apart from the students' seeds).</summary>
    public long TeacherSeed { get; init; }

    /// <summary>Train the size-matched dense networks (default true; false: teacher and students only, for a quick variation).</summary>
    public bool SizeMatchedBaselines { get; init; } = true;

    /// <summary>Names the data in the run keys (e.g. <c>MnistData.Source</c>).</summary>
    public string? DataSource { get; init; }

    /// <inheritdoc />
    public string Kind => ExperimentKinds.Distillation;

    /// <summary>The teacher's run as a ticket experiment (dense only, no controls): its store key is the teacher's.</summary>
    public TicketExperiment TeacherRun => new(Teacher, Data, [TeacherSeed]) { Levels = 0, Controls = [], DataSource = DataSource };

    /// <inheritdoc />
    public DistillationResult Run(ExperimentContext? context = null)
    {
        var c = Validation.Check(context ?? new ExperimentContext(), nameof(context));
        Validate();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ExperimentContext Stage(string stage) => c with { Progress = Relay<ExperimentProgress>.To(c.Progress, p => p with { Stage = stage }) };

        var (logits, teacherAccuracy, teacherWeights) = TeacherLogits(c);
        using var _ = logits;
        var taught = Data.WithTeacher(logits);
        var labels = Students(Data).Run(Stage("students on labels"));
        var distilled = Students(taught, Distillation).Run(Stage("students distilled"));

        var baselines = new List<DenseBaselinePoint>();
        foreach (var p in SizeMatchedBaselines ? labels.Ticket.Points.Skip(1) : [])
        {
            var model = SizeMatched((LeNetHparams)Student.Model, labels.WeightsAt(p.PercentRemaining));
            long weights = WeightsOf(model);
            var plain = Students(Data, null, model).Run(Stage($"dense {model.Hidden1}-{model.Hidden2} on labels"));
            var soft = Students(taught, Distillation, model).Run(Stage($"dense {model.Hidden1}-{model.Hidden2} distilled"));
            baselines.Add(new DenseBaselinePoint(p.Level, 100.0 * weights / labels.PrunableWeights, weights, model.Hidden1, model.Hidden2,
                plain.Ticket.Points[0].MeanAccuracy, plain.Ticket.Points[0].StdAccuracy, soft.Ticket.Points[0].MeanAccuracy,
                soft.Ticket.Points[0].StdAccuracy));
        }
        return new DistillationResult(Distillation, teacherAccuracy, teacherWeights, labels, distilled, baselines.AsReadOnly(),
            clock.Elapsed.TotalSeconds);
    }

    // The students' IMP run, or with a dense model a size-matched dense network of their family (level 0 only).
    private TicketExperiment Students(TrainingData data, DistillationHparams? distillation = null, ModelHparams? dense = null) =>
        new(Student with { Model = dense ?? Student.Model, Training = Student.Training with { Distillation = distillation } }, data, Seeds)
        { Levels = dense is null ? Levels : 0, Controls = [], DataSource = DataSource };

    // The teacher trained (or loaded with its final weights from the store), then its logits for the training examples.
    private (Tensor Logits, double Accuracy, long Weights) TeacherLogits(ExperimentContext c)
    {
        var h = Teacher;
        var key = c.Store is null ? null : TeacherRun.KeyFor(TeacherSeed, c.Budget);
        using var levels = key is null ? null : c.Store!.OpenRun(key, TeacherSeed, c.Recompute, c.CancellationToken);
        var progress = Relay<ImpProgress>.To(c.Progress, p => new ExperimentProgress(p.Point.Iteration, p.TotalIterations, "iterations")
        {
            Stage = "teacher",
            Training = new TrainingStatus(p.Level, p.PercentRemaining, p.Point.Iteration, p.TotalIterations, p.Point.TestAccuracy),
        });
        var run = IterativeMagnitudePruning.RunChecked(h, Data, TeacherSeed, 0, progress, c.CancellationToken, levels);
        if (key is not null) c.Store!.CompleteRun(key);
        using var model = h.Model.Create(Data.Train.Device, TeacherSeed);
        run.LastTrainedWeights.LoadInto(model);
        model.eval();
        using var _ = torch.no_grad();
        var parts = new List<Tensor>();
        try
        {
            for (int start = 0; start < Data.Train.Count; start += 1000)
                parts.Add(model.call(Data.Train.Inputs.narrow(0, start, Math.Min(1000, Data.Train.Count - start))));
            return (torch.cat(parts, 0), 100 * run.Levels[0].Training.FinalTestAccuracy, model.PrunableCount);
        }
        finally
        {
            foreach (var t in parts) t.Dispose();
        }
    }

    /// <summary>
    /// The student's family made small enough to hold about <paramref name="weights"/> prunable weights: LeNet with
    /// its two hidden widths in the ratio 3 : 1 (300 : 100) solved for the count, rounded (at least 3 and 1 units).
    /// </summary>
    public static LeNetHparams SizeMatched(LeNetHparams model, double weights)
    {
        Check.NotNull(model);
        Check.That(double.IsFinite(weights) && weights > 0, $"weights must be > 0; got {weights}.", nameof(weights));
        // in·3h + 3h·h + h·classes = weights  ⇒  3h² + (3·in + classes)·h − weights = 0.
        double inputs = model.InputChannels * model.ImageSize * model.ImageSize, b = 3 * inputs + model.Classes;
        int h = Math.Max(1, (int)Math.Round((-b + Math.Sqrt(b * b + 12 * weights)) / 6));
        return model with { Hidden1 = 3 * h, Hidden2 = h };
    }

    /// <summary>The prunable weights of a LeNet with <paramref name="model"/>'s widths.</summary>
    public static long WeightsOf(LeNetHparams model)
    {
        Check.NotNull(model);
        long inputs = model.InputChannels * model.ImageSize * model.ImageSize;
        return inputs * model.Hidden1 + (long)model.Hidden1 * model.Hidden2 + (long)model.Hidden2 * model.Classes;
    }

    private void Validate()
    {
        Validation.Check(this);
        IterativeMagnitudePruning.CheckDataFits(Teacher, Data, nameof(Data));
        IterativeMagnitudePruning.CheckDataFits(Student, Data, nameof(Data));
    }

    /// <inheritdoc />
    public void CheckRelations()
    {
        Check.That(Teacher.Model.Classes == Student.Model.Classes,
            $"Teacher must have the student's class count ({Student.Model.Classes}); got {Teacher.Model.Classes}.", nameof(Teacher));
        Check.That(Student.Training.Distillation is null, "Student.Training.Distillation must be null: the experiment trains the students both ways.",
            nameof(Student));
        Check.That(Student.Model is LeNetHparams,
            $"Student must be a LeNet (the size-matched baselines shrink its widths); got {Student.Model.Name}.", nameof(Student));
    }
}

/// <summary>What <see cref="DistillationExperiment.Run"/> measured (accuracies in %).</summary>
/// <param name="Distillation">T and α of the distilled runs.</param>
/// <param name="TeacherAccuracy">The teacher's test accuracy at the end of its training (the weights whose logits were taught).</param>
/// <param name="TeacherWeights">The teacher's prunable weights.</param>
/// <param name="Labels">The students trained on the labels (IMP, no controls).</param>
/// <param name="Distilled">The students trained with distillation (their own IMP run, the same schedule).</param>
/// <param name="Baselines">One size-matched dense network per pruned student level.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record DistillationResult(DistillationHparams Distillation, double TeacherAccuracy, long TeacherWeights, TicketExperimentResult Labels,
    TicketExperimentResult Distilled, IReadOnlyList<DenseBaselinePoint> Baselines, double Seconds)
{
    /// <summary>Distilled minus labels-only ticket (points) at each pruned level.</summary>
    public IReadOnlyList<(double PercentRemaining, double Gain)> DistillationGain =>
        Labels.Ticket.Points.Skip(1).Select(p =>
            (p.PercentRemaining, (Distilled.Ticket.AtLevel(p.Level)?.MeanAccuracy ?? double.NaN) - p.MeanAccuracy)).ToList();
}

/// <summary>A dense network of the student's family with as many weights as one ticket level (accuracies % over seeds).</summary>
/// <param name="Level">The student level it matches.</param>
/// <param name="PercentRemaining">Its weights as a share (%) of the full student's.</param>
/// <param name="Weights">Its prunable weights.</param>
/// <param name="Hidden1">First hidden width.</param>
/// <param name="Hidden2">Second hidden width.</param>
/// <param name="LabelsAccuracy">Trained on labels: mean test accuracy at early stop.</param>
/// <param name="LabelsStd">Its s.d. over seeds.</param>
/// <param name="DistilledAccuracy">Trained with distillation: mean test accuracy at early stop.</param>
/// <param name="DistilledStd">Its s.d. over seeds.</param>
public sealed record DenseBaselinePoint(int Level, double PercentRemaining, long Weights, int Hidden1, int Hidden2,
    double LabelsAccuracy, double LabelsStd, double DistilledAccuracy, double DistilledStd);
