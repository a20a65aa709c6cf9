using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 01 (structure is king): structured vs unstructured tickets of LeNet-300-100 and what each buys in speed.
/// Notebook 02 runs the same two IMP experiments (so in one reproduce run it loads them from the run store).
/// </summary>
public static class StructureIsKing
{
    /// <summary>
    /// Training of every level: Adam 1.2·10⁻³, batch 60 (Frankle &amp; Carbin's LeNet set-up), evaluation every 25
    /// iterations (the resolution of notebook 02's steps to target). Quick: 5 epochs; full: 15.
    /// </summary>
    public static TrainingHparams Training(Budget budget) => new()
    {
        Optimizer = Optimizer.Adam, LearningRate = 1.2e-3, BatchSize = 60, Epochs = Check.NotNull(budget).Choose(quick: 5, full: 15),
        EvalEvery = 25,
    };

    /// <summary>Unstructured IMP: 20 % of the remaining weights per level ranked globally, 10 % of the output layer's;
    /// rewind to init. Quick 8 levels (to ~17 %), full 12 (~7 %).</summary>
    public static LotteryHparams Unstructured(Budget budget) => new()
    {
        Model = ModelHparams.LeNet300100,
        Training = Training(budget),
        Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = 0.2, OutputFraction = 0.1 },
    };

    /// <summary>Levels of both runs: quick 8 (to ~17 % of the weights), full 12 (~7 %).</summary>
    public static int Levels(Budget budget) => Check.NotNull(budget).Choose(quick: 8, full: 12);

    /// <summary>
    /// Structured IMP: 20 % of the remaining neurons of each hidden layer per level, ranked by the ℓ1 norm of their
    /// input weights (Li et al. 2017); a removed neuron also takes the next layer's inputs that read it, so fc2 shrinks
    /// by 0.8² per level. Same levels as <see cref="Unstructured"/> (the weights fall at about the same rate).
    /// </summary>
    public static LotteryHparams Structured(Budget budget) => Unstructured(budget) with
    {
        Pruning = new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.2, UnitNorm = 1 },
    };

    /// <summary>Seeds: one for quick, three (for error bars) for full.</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds();

    /// <summary>The unstructured ticket with its re-initialisation control on <paramref name="data"/>.</summary>
    public static TicketExperiment UnstructuredExperiment(Budget budget, TrainingData data) =>
        new(Unstructured(budget), data, Seeds(budget)) { Levels = Levels(budget), Controls = [TicketSeries.RandomReinit] };

    /// <summary>The structured ticket with its re-initialisation control (Liu et al.'s "train the small architecture from scratch").</summary>
    public static TicketExperiment StructuredExperiment(Budget budget, TrainingData data) =>
        new(Structured(budget), data, Seeds(budget)) { Levels = Levels(budget), Controls = [TicketSeries.RandomReinit] };

    /// <summary>
    /// The speed measurement: LeNet-300-100 at 50–99 % sparsity, batches of 16 (does not fill the machine) and 1024
    /// (does), one libtorch thread (as the notebooks train). Quick: 6 timed runs per point (after 3 untimed ones,
    /// alternating with the dense network; the classroom budget, kept short because the notebook runs alone while it
    /// times); full: 30.
    /// </summary>
    public static SpeedSweep Speed(Budget budget) => new(ModelHparams.LeNet300100, [0.5, 0.75, 0.9, 0.95, 0.98, 0.99], [16, 1024],
        Threads: 1, Warmup: 3, Repeats: Check.NotNull(budget).Choose(quick: 6, full: 30));
}
