using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 00 (winning tickets): the settings its cells and its solutions share, per <see cref="Budget"/>. The
/// chapter's curriculum lives here, in the notebook layer, one class per notebook; the core library holds only model
/// and algorithm defaults.
/// </summary>
public static class WinningTickets
{
    /// <summary>
    /// Frankle &amp; Carbin's LeNet-300-100 on MNIST: Adam 1.2·10⁻³, batch 60; each level removes 20 % of the remaining
    /// weights ranked globally, the output layer 10 %; rewind to initialisation; evaluation every 50 iterations.
    /// Quick: 12 levels (to ~7 % of the weights) × 10 epochs. Full: 20 levels (to ~1.2 %, as far as the paper's
    /// LeNet figures go) × 20 epochs.
    /// </summary>
    public static LotteryHparams Hparams(Budget budget) => new()
    {
        Model = ModelHparams.LeNet300100,
        Training = new TrainingHparams
        {
            Optimizer = Optimizer.Adam, LearningRate = 1.2e-3, BatchSize = 60,
            Epochs = Check.NotNull(budget).Choose(quick: 10, full: 20), EvalEvery = 50,
        },
        Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = 0.2, OutputFraction = 0.1 },
        RewindStep = 0,
    };

    /// <summary>Pruning levels after the dense one: quick 12 (to ~7 % of the weights), full 20 (to ~1.2 %).</summary>
    public static int Levels(Budget budget) => Check.NotNull(budget).Choose(quick: 12, full: 20);

    /// <summary>Seeds per budget: one for quick, five (for error bars) for full.</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) =>
        Check.NotNull(budget).Choose<IReadOnlyList<long>>(quick: [1], full: [1, 2, 3, 4, 5]);

    /// <summary>The notebook's experiment: IMP with both controls on <paramref name="data"/>, over <see cref="Seeds"/>.</summary>
    public static TicketExperiment Experiment(Budget budget, TrainingData data) =>
        new(Hparams(budget), data, Seeds(budget)) { Levels = Levels(budget) };
}
