using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 05 (the gentle art of training): IMP on LeNet-300-100 with plain cross-entropy and with label smoothing,
/// the gradient noise scale measured while every level trains (<see cref="SmoothingComparison"/>).
/// </summary>
public static class GentleArtOfTraining
{
    /// <summary>ε = 0.1, the value of Szegedy et al. (2016) and of most uses since.</summary>
    public const double Epsilon = 0.1;

    /// <summary>
    /// Training: Adam 1.2·10⁻³, batch 60, and the gradient noise sampled every 5th step from the first 10 examples of
    /// the batch against the whole batch of 60 (<see cref="GradientNoiseHparams"/>). Quick: 5 epochs; full: 12.
    /// </summary>
    public static TrainingHparams Training(Budget budget, double epsilon = 0)
    {
        Check.NotNull(budget);
        Check.FractionBelowOne(epsilon); // named epsilon, as the caller passed it, not LabelSmoothing
        return new TrainingHparams
        {
            BatchSize = 60, Epochs = budget.Choose(quick: 5, full: 12), LabelSmoothing = epsilon,
            GradientNoise = new GradientNoiseHparams(SmallBatch: 10, Every: 5),
        };
    }

    /// <summary>
    /// IMP with label smoothing <paramref name="epsilon"/>: global magnitude pruning (the output layer at half the rate),
    /// rewind to init. Quick: 8 levels of 40 % (to 1.7 %); full: 16 levels of 25 % (to 1.0 %).
    /// </summary>
    public static LotteryHparams Hparams(Budget budget, double epsilon = 0)
    {
        Check.NotNull(budget);
        Check.FractionBelowOne(epsilon);
        double fraction = budget.Choose(quick: 0.4, full: 0.25);
        return new LotteryHparams
        {
            Model = ModelHparams.LeNet300100,
            Training = Training(budget, epsilon),
            Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = fraction, OutputFraction = fraction / 2 },
        };
    }

    /// <summary>Levels: quick 8 (of 40 %, to 1.7 %), full 16 (of 25 %, to 1.0 %).</summary>
    public static int Levels(Budget budget) => Check.NotNull(budget).Choose(quick: 8, full: 16);

    /// <summary>Seeds: one for quick, three for full.</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds();

    /// <summary>The ticket (no controls) trained with label smoothing <paramref name="epsilon"/> (0: plain cross-entropy).</summary>
    public static TicketExperiment Experiment(Budget budget, TrainingData data, double epsilon = 0) =>
        new(Hparams(budget, epsilon), data, Seeds(budget)) { Levels = Levels(budget), Controls = [] };
}
