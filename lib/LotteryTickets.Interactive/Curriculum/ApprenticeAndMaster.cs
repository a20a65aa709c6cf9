using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 04 (the apprentice and the master): a dense convolutional teacher, sparse LeNet-300-100 tickets as
/// students trained on labels and by distillation, and size-matched small dense networks (<see cref="DistillationExperiment"/>).
/// </summary>
public static class ApprenticeAndMaster
{
    /// <summary>T = 4, α = 0.1: mostly soft targets, as Hinton et al. found best (a small weight on the hard term).</summary>
    public static DistillationHparams Distillation => new(Temperature: 4, Alpha: 0.1);

    /// <summary>
    /// The teacher: a dense Conv-2 with 16 filters per convolution and 128 units (421,520 weights, 1.6× LeNet-300-100's),
    /// Adam 1.2·10⁻³, batch 60. A LeNet-300-100 teacher is no better than its dense student on this training set
    /// (94.9 vs 95.0 % at the quick budget), and a teacher that knows no more than the student only drags it toward its own
    /// mistakes; the convolutional network reaches 96.8 % after 5 epochs. Quick: 8 epochs; full: 20.
    /// </summary>
    public static LotteryHparams Teacher(Budget budget) => new()
    {
        Model = ModelHparams.Conv2(convWidth: 16, fcWidth: 128), Training = new() { Epochs = Check.NotNull(budget).Choose(quick: 8, full: 20) },
    };

    /// <summary>
    /// The students: IMP on LeNet-300-100, 50 % of the remaining weights per level (global magnitude, the output layer at
    /// 20 %), rewind to init; Adam 1.2·10⁻³, batch 60. Quick: 5 levels × 5 epochs (to 3.2 %); full: 6 levels × 15 epochs (to 1.7 %).
    /// </summary>
    public static LotteryHparams Student(Budget budget) => new()
    {
        Model = ModelHparams.LeNet300100,
        Training = new TrainingHparams { Epochs = Check.NotNull(budget).Choose(quick: 5, full: 15) },
        Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = 0.5, OutputFraction = 0.2 },
    };

    /// <summary>The students' levels: quick 5 (to 3.2 %), full 6 (to 1.7 %).</summary>
    public static int StudentLevels(Budget budget) => Check.NotNull(budget).Choose(quick: 5, full: 6);

    /// <summary>Student seeds: one for quick, three for full (one teacher, seed 0, serves them all).</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds();

    /// <summary>A LeNet-300-100 teacher (10 epochs at both budgets; with <paramref name="epsilon"/> &gt; 0, trained
    /// with label smoothing) for the exercises.</summary>
    public static LotteryHparams LeNetTeacher(double epsilon = 0)
    {
        Check.FractionBelowOne(epsilon);
        return new()
        {
            Model = ModelHparams.LeNet300100, Training = new TrainingHparams { Epochs = 10, LabelSmoothing = epsilon },
        };
    }

    /// <summary>The whole experiment on <paramref name="data"/>.</summary>
    public static DistillationExperiment Experiment(Budget budget, TrainingData data) =>
        new(Teacher(budget), Student(budget), Distillation, data, Seeds(budget)) { Levels = StudentLevels(budget) };
}
