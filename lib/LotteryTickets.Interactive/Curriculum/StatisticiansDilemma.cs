using LotteryTickets.Experiments;
using LotteryTickets.Models;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>Notebook 09 (the statistician's dilemma): the row-selection sweeps its cells and its solutions share, per
/// <see cref="Budget"/>.</summary>
public static class StatisticiansDilemma
{
    /// <summary>
    /// Random 40 × 5 matrices with log-normal row scales of spread <paramref name="rowScaleSpread"/>, k from p = 5 to
    /// m = 40, seed 9; quick 10 matrices per k, full 50.
    /// </summary>
    public static DesignComparisonSweep Random(Budget budget, double rowScaleSpread = 1.0) =>
        new(Rows: 40, Columns: 5, SubsetSizes: [5, 6, 8, 10, 15, 20, 25, 30, 35, 40], Trials: Check.NotNull(budget).Choose(10, 50), Seed: 9,
            RowScaleSpread: rowScaleSpread);

    /// <summary>
    /// The 100 hidden units feeding LeNet-300-100's output layer (rows: their 10 outgoing weights, fc3.weight's
    /// columns), after training the dense network with notebook 00's settings (<see cref="WinningTickets.Hparams"/>)
    /// for 2 epochs (quick) or its full 20 (full); keep k = 10 … 100 units.
    /// </summary>
    public static LayerDesignSweep TrainedLayer(Budget budget, TrainingData data)
    {
        var hparams = WinningTickets.Hparams(budget);
        hparams = hparams with { Training = hparams.Training with { Epochs = budget.Choose(2, hparams.Training.Epochs) } };
        return new LayerDesignSweep(hparams, "fc3.weight", [10, 12, 15, 20, 30, 40, 50, 60, 80, 100], data);
    }

    /// <summary>The k (of fc2's 100 units) at which the claims are read, fixed in advance: twice p = 10.</summary>
    public const int ClaimSubsetSize = 20;

    /// <summary>
    /// fc2's 100 units of the shared trained networks (<see cref="OmpFindsTheTicket.Networks"/>), kept by A-optimality on the
    /// activation design with p = 10 (the read-out's outputs), by notebook 01's magnitude rule (ℓ1 norm of the incoming
    /// weights) and at random; quick k ∈ {10, 15, 20, 30, 50} with 20 random draws, full k ∈ {10, 12, 15, 20, 30, 40, 50, 70}
    /// with 100.
    /// </summary>
    public static UnitSelectionSweep Units(Budget budget, TrainingData data) =>
        new(OmpFindsTheTicket.Networks(budget, data), LeNetLayer.Fc2,
            Check.NotNull(budget).Choose<IReadOnlyList<int>>(quick: [10, 15, ClaimSubsetSize, 30, 50],
                full: [10, 12, 15, ClaimSubsetSize, 30, 40, 50, 70]),
            Components: 10, RandomDraws: budget.Choose(quick: 20, full: 100), Seed: 9, UnitNorm: 1);
}
