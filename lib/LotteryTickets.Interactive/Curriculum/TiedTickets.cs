using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 03 (tickets in RNNs): IMP with rewinding on the row-by-row RNN of sequential MNIST with weights tied
/// across its 28 steps, and on the untied RNN with one weight set per step (<see cref="RowRnn"/>), each with its
/// random re-initialisation control.
/// </summary>
public static class TiedTickets
{
    /// <summary>
    /// Training of every level: Adam 2·10⁻³ (the best of 2, 5 and 10·10⁻³ for the dense tied RNN here; 10⁻² diverges),
    /// batch 60, evaluation every epoch. Quick: 4 epochs; full: 10.
    /// </summary>
    public static TrainingHparams Training(Budget budget) =>
        new() { Optimizer = Optimizer.Adam, LearningRate = 2e-3, BatchSize = 60, Epochs = Check.NotNull(budget).Choose(quick: 4, full: 10) };

    /// <summary>
    /// IMP on the tied (<paramref name="tied"/> true) or untied RNN, hidden width 128: global magnitude pruning over
    /// W_x, W_h (every step's, untied) and the read-out (at a tenth of the rate), rewind to init. Quick: 3 levels of
    /// 50 % (to ~13 %); full: 10 levels of 30 % (to ~3 %: the untied network then has fewer weights than the dense tied one).
    /// </summary>
    public static LotteryHparams Hparams(Budget budget, bool tied) => new()
    {
        Model = ModelHparams.Rnn(tied),
        Training = Training(budget),
        Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = budget.Choose(quick: 0.5, full: 0.3),
            OutputFraction = budget.Choose(quick: 0.05, full: 0.03) },
    };

    /// <summary>Levels: quick 3 (to ~13 %), full 10 (to ~3 %).</summary>
    public static int Levels(Budget budget) => Check.NotNull(budget).Choose(quick: 3, full: 10);

    /// <summary>Seeds: one for quick, three (for error bars) for full.</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds();

    /// <summary>The tied or untied RNN's ticket with its random re-initialisation control.</summary>
    public static TicketExperiment Experiment(Budget budget, TrainingData data, bool tied) =>
        new(Hparams(budget, tied), data, Seeds(budget)) { Levels = Levels(budget), Controls = [TicketSeries.RandomReinit] };
}
