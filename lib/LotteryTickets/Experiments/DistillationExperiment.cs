using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 4: does a sparse ticket learn more from a dense teacher than from the labels alone? IMP on the labels finds
/// each seed's tickets; the <b>same masks</b> are then trained with distillation from the teacher (Hinton et al. 2015;
/// <see cref="Losses.Distillation"/>) — from the ticket's own initialisation and, as a control, from a fresh one —
/// so that labels-only and distilled differ only in the loss (same mask, same initialisation, same data order) and pair
/// seed by seed. Beside them, dense networks of the student's family made just small enough to have as many weights
/// as a ticket, trained both ways. Everything goes through the run store: the teacher is a dense level-0 run whose
/// trained weights the store keeps; its logits for the training examples become the soft targets
/// (<see cref="TrainingData.WithTeacher"/>, part of the distilled runs' keys); the distilled trainings of a seed's
/// masks are one run (<see cref="DistilledKeyFor"/>) that names the labels run its masks come from.
/// </summary>
/// <param name="Teacher">The teacher's run (dense: level 0 only; its seed is <see cref="TeacherSeed"/>).</param>
/// <param name="Student">The students' IMP run on the labels (its <see cref="TrainingHparams.Distillation"/> must be null: set here
/// for the distilled trainings).</param>
/// <param name="Distillation">T and α of the distilled trainings.</param>
/// <param name="Data">The splits everything trains and evaluates on.</param>
/// <param name="Seeds">The students' seeds (one teacher serves them all).</param>
public sealed record DistillationExperiment(LotteryHparams Teacher, LotteryHparams Student, DistillationHparams Distillation,
    TrainingData Data, [property: NotEmpty, Distinct] IReadOnlyList<long> Seeds) : IExperiment<DistillationResult>, IValidated
{
    /// <summary>Pruning levels of the students' IMP run on the labels after the dense level 0 (default 5).</summary>
    [Range(0, IterativeMagnitudePruning.MaxLevels)] public int Levels { get; init; } = 5;

    /// <summary>The levels whose masks are trained distilled from the ticket's initialisation (null, the default: every
    /// level 0 … <see cref="Levels"/>; level 0 is the dense student); levels past <see cref="Levels"/> are skipped.</summary>
    [Distinct, Range(0, IterativeMagnitudePruning.MaxLevels)] public IReadOnlyList<int>? DistilledLevels { get; init; }

    /// <summary>The pruned levels whose masks are also trained distilled from a fresh initialisation — the re-initialisation
    /// control (null, the default: the pruned levels of <see cref="DistilledLevels"/>; empty: none).</summary>
    [Distinct, Range(1, IterativeMagnitudePruning.MaxLevels)] public IReadOnlyList<int>? ControlLevels { get; init; }

    /// <summary>The pruned levels with a size-matched dense network, trained on the labels and distilled (null, the default:
    /// every level 1 … <see cref="Levels"/>; empty: none).</summary>
    [Distinct, Range(1, IterativeMagnitudePruning.MaxLevels)] public IReadOnlyList<int>? BaselineLevels { get; init; }

    /// <summary>Train the size-matched dense networks on the labels as well as distilled (default true; false: distilled only).</summary>
    public bool BaselinesOnLabels { get; init; } = true;

    /// <summary>The teacher's seed (default 0, apart from the students' seeds).</summary>
    public long TeacherSeed { get; init; }

    /// <summary>Names the data in the run keys (e.g. <c>MnistData.Source</c>).</summary>
    public string? DataSource { get; init; }

    /// <inheritdoc />
    public string Kind => ExperimentKinds.Distillation;

    /// <summary>The teacher's run as a ticket experiment (dense only, no controls): its store key is the teacher's.</summary>
    public TicketExperiment TeacherRun => new(Teacher, Data, [TeacherSeed]) { Levels = 0, Controls = [], DataSource = DataSource };

    /// <summary>The students' IMP run on the labels (no controls): it finds the masks every other student series trains.</summary>
    public TicketExperiment LabelsRun => Students(Data);

    /// <summary>The students' settings for the distilled trainings.</summary>
    public LotteryHparams DistilledStudent => Student with { Training = Student.Training with { Distillation = Distillation } };

    /// <summary><see cref="DistilledLevels"/> as this experiment runs them, ascending.</summary>
    public IReadOnlyList<int> DistilledLevelsRun => Within(DistilledLevels ?? Enumerable.Range(0, Levels + 1).ToList(), 0);

    /// <summary><see cref="ControlLevels"/> as this experiment runs them, ascending.</summary>
    public IReadOnlyList<int> ControlLevelsRun => Within(ControlLevels ?? DistilledLevelsRun, 1);

    /// <summary><see cref="BaselineLevels"/> as this experiment runs them, ascending.</summary>
    public IReadOnlyList<int> BaselineLevelsRun => Within(BaselineLevels ?? Enumerable.Range(1, Levels).ToList(), 1);

    private List<int> Within(IEnumerable<int> levels, int first) => levels.Where(l => l >= first && l <= Levels).Distinct().Order().ToList();

    /// <summary>
    /// The key under which <see cref="Run"/> stores the distilled trainings of seed <paramref name="seed"/>'s masks, with
    /// <paramref name="teacherLogits"/> as the soft targets: the distilled student's settings, the seed, the taught data,
    /// and the key of the labels run whose masks they train.
    /// </summary>
    public RunKey DistilledKeyFor(long seed, Tensor teacherLogits, Budget? budget = null)
    {
        Validation.Check(this);
        var b = budget ?? Budget.Current;
        Check.NotNull(teacherLogits);
        Check.That(teacherLogits.dim() == 2 && teacherLogits.shape[0] == Data.Train.Count,
            $"teacherLogits must hold one row per training example ({Data.Train.Count}); got [{string.Join(", ", teacherLogits.shape)}].",
            nameof(teacherLogits));
        var taught = Data.WithTeacher(teacherLogits);
        return DistilledKey(seed, DataFingerprint.Describe(taught, DataSource), LabelsRun.KeyFor(seed, b), b);
    }

    private RunKey DistilledKey(long seed, string taughtData, RunKey masks, Budget budget) =>
        RunKey.For(ExperimentKinds.MaskRetraining, [DistilledStudent, new Replicate(seed)], ("budget", budget.Name), ("data", taughtData),
            ("control_seed_offset", TicketExperiment.ControlSeedOffset), ("masks", masks.Hash));

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
        var (labels, runs) = LabelsRun.RunKeepingRuns(Stage("students on labels"));
        var distilled = Distilled(runs, taught, Stage("the same masks distilled"));

        var baselines = new List<DenseBaselinePoint>();
        foreach (var level in BaselineLevelsRun)
        {
            var model = SizeMatched((LeNetHparams)Student.Model, labels.WeightsAt(labels.Ticket.AtLevel(level)!.PercentRemaining));
            long weights = WeightsOf(model);
            var plain = BaselinesOnLabels ? Students(Data, null, model).Run(Stage($"dense {model.Hidden1}-{model.Hidden2} on labels")) : null;
            var soft = Students(taught, Distillation, model).Run(Stage($"dense {model.Hidden1}-{model.Hidden2} distilled"));
            baselines.Add(new DenseBaselinePoint(level, 100.0 * weights / labels.PrunableWeights, weights, model.Hidden1, model.Hidden2,
                plain?.SeedAccuracies(TicketSeries.Ticket, 0) ?? [], soft.SeedAccuracies(TicketSeries.Ticket, 0)));
        }
        return new DistillationResult(Distillation, teacherAccuracy, teacherWeights, labels, distilled, baselines.AsReadOnly(),
            clock.Elapsed.TotalSeconds);
    }

    // Each seed's masks trained with distillation: from the ticket's initialisation (series Ticket) at the distilled levels,
    // from a fresh one (RandomReinit, the labels run's control seed) at the control levels; one stored run per seed.
    private TicketExperimentResult Distilled(IReadOnlyList<LotteryRun> runs, TrainingData taught, ExperimentContext c)
    {
        var hparams = DistilledStudent;
        string? taughtData = c.Store is null ? null : DataFingerprint.Describe(taught, DataSource);
        List<int> ticketLevels = [.. DistilledLevelsRun], controlLevels = [.. ControlLevelsRun];
        int T = hparams.Training.IterationsPerEpoch(Data.Train.Count) * hparams.Training.Epochs;
        int perSeed = ticketLevels.Count + controlLevels.Count;
        // Progress in iterations over every distilled training: a seed's ticket levels, then its controls; a loaded level counts as done.
        ExperimentProgress At(int s, TicketSeries series, int level, double percent, int iteration, double accuracy, bool loaded) =>
            new(((s * perSeed) + (series == TicketSeries.Ticket ? ticketLevels.IndexOf(level) : ticketLevels.Count + controlLevels.IndexOf(level)))
                * T + iteration, Seeds.Count * perSeed * T, "iterations")
            {
                Training = new TrainingStatus(level, percent, iteration, T, accuracy) { Seed = Seeds[s], Series = series, Loaded = loaded },
            };
        Action<LevelResult>? Loaded(int s, TicketSeries series) => c.Progress is null ? null : r =>
            c.Progress.Report(At(s, series, r.Level, r.PercentRemaining, T, r.Training.FinalTestAccuracy, loaded: true));
        var ticket = new List<IReadOnlyList<LevelResult>>();
        var reinit = new List<IReadOnlyList<LevelResult>>();
        var trainings = new List<LevelTraining>();
        IReadOnlyList<LevelResult> none = [];
        for (int s = 0; s < Seeds.Count; s++)
        {
            long seed = Seeds[s];
            int index = s;
            var progress = Relay<ImpProgress>.To(c.Progress, p =>
                At(index, p.Run, p.Level, p.PercentRemaining, p.Point.Iteration, p.Point.TestAccuracy, loaded: false));
            var key = c.Store is null ? null : DistilledKey(seed, taughtData!, LabelsRun.KeyFor(seed, c.Budget), c.Budget);
            using var levels = key is null ? null : c.Store!.OpenRun(key, seed, c.Recompute, c.CancellationToken);
            var own = LotteryControls.Retrain(runs[s], TicketSeries.Ticket, hparams.Training, taught, seed, ticketLevels, progress,
                c.CancellationToken, levels, Loaded(index, TicketSeries.Ticket));
            var fresh = LotteryControls.Retrain(runs[s], TicketSeries.RandomReinit, hparams.Training, taught,
                seed + TicketExperiment.ControlSeedOffset, controlLevels, progress, c.CancellationToken, levels,
                Loaded(index, TicketSeries.RandomReinit));
            if (key is not null) c.Store!.CompleteRun(key);
            ticket.Add(own.Levels);
            reinit.Add(fresh.Levels);
            trainings.AddRange(TicketExperiment.Trainings(TicketSeries.Ticket, seed, own.Levels));
            trainings.AddRange(TicketExperiment.Trainings(TicketSeries.RandomReinit, seed, fresh.Levels));
        }
        return new TicketExperimentResult(hparams, Seeds.ToList().AsReadOnly(), TicketCurve.FromLevels(TicketSeries.Ticket, ticket),
            TicketCurve.FromLevels(TicketSeries.RandomReinit, reinit), TicketCurve.FromLevels(TicketSeries.RandomMask, [.. runs.Select(_ => none)]),
            runs.Select(r => r.Levels[^1].Sparsity).ToList().AsReadOnly(), 0)
        {
            Trainings = trainings.AsReadOnly(),
            TrainingExamples = Data.Train.Count,
        };
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
/// <param name="Labels">IMP on the labels (no controls): the tickets, and the masks every other series trains.</param>
/// <param name="Distilled">The same masks trained with distillation: <see cref="TicketSeries.Ticket"/> from each ticket's own
/// initialisation (at <see cref="DistillationExperiment.DistilledLevels"/>; level 0 is the dense student),
/// <see cref="TicketSeries.RandomReinit"/> from a fresh one (at <see cref="DistillationExperiment.ControlLevels"/>). Its curves
/// hold only those levels; pair it with <paramref name="Labels"/> seed by seed through <see cref="TicketExperimentResult.At"/>.</param>
/// <param name="Baselines">One size-matched dense network per level of <see cref="DistillationExperiment.BaselineLevels"/>.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record DistillationResult(DistillationHparams Distillation, double TeacherAccuracy, long TeacherWeights, TicketExperimentResult Labels,
    TicketExperimentResult Distilled, IReadOnlyList<DenseBaselinePoint> Baselines, double Seconds)
{
    /// <summary>Distilled minus labels-only ticket (points; mean over seeds of the seed-by-seed differences) at each level
    /// trained both ways.</summary>
    public IReadOnlyList<(double PercentRemaining, double Gain)> DistillationGain =>
        Distilled.Ticket.Points.Where(p => Labels.Ticket.AtLevel(p.Level) is not null)
            .Select(p => (p.PercentRemaining, p.MeanAccuracy - Labels.Ticket.AtLevel(p.Level)!.MeanAccuracy)).ToList();
}

/// <summary>A dense network of the student's family with as many weights as one ticket level (test accuracy at early
/// stop, %, one per student seed in the order of the seeds).</summary>
/// <param name="Level">The student level it matches.</param>
/// <param name="PercentRemaining">Its weights as a share (%) of the full student's.</param>
/// <param name="Weights">Its prunable weights.</param>
/// <param name="Hidden1">First hidden width.</param>
/// <param name="Hidden2">Second hidden width.</param>
/// <param name="LabelsAccuracies">Trained on the labels, per seed (empty when they were trained distilled only).</param>
/// <param name="DistilledAccuracies">Trained with distillation, per seed.</param>
public sealed record DenseBaselinePoint(int Level, double PercentRemaining, long Weights, int Hidden1, int Hidden2,
    IReadOnlyList<double> LabelsAccuracies, IReadOnlyList<double> DistilledAccuracies)
{
    /// <summary>Trained on the labels: mean over seeds (NaN when not trained on the labels).</summary>
    public double LabelsAccuracy => LabelsAccuracies.Count == 0 ? double.NaN : LabelsAccuracies.Average();

    /// <summary>Its s.d. over seeds (0 for one seed).</summary>
    public double LabelsStd => TicketCurve.StandardDeviation(LabelsAccuracies);

    /// <summary>Trained with distillation: mean over seeds.</summary>
    public double DistilledAccuracy => DistilledAccuracies.Average();

    /// <summary>Its s.d. over seeds (0 for one seed).</summary>
    public double DistilledStd => TicketCurve.StandardDeviation(DistilledAccuracies);
}
