using LotteryTickets.Experiments;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>Notebook 06 (OMP finds the ticket): the sweep its cells and its solutions share, per <see cref="Budget"/>;
/// copy with <c>with</c> to change one setting.</summary>
public static class OmpFindsTheTicket
{
    /// <summary>
    /// OMP on 64×128 correlated dictionaries, seed 6. Quick: 4 coherences × 10 ticket sizes × 6 SNRs, 40 trials;
    /// full: 8 coherences × k = 1…24 × 11 SNRs, 200 trials. The first SNR is +∞ (noiseless).
    /// </summary>
    public static OmpRecoverySweep Recovery(Budget budget) => new(M: 64, N: 128,
        SharedWeights: Check.NotNull(budget).Choose<double[]>(quick: [0, 0.3, 0.6, 0.8], full: [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
        Sparsities: budget.Choose<int[]>(quick: [1, 2, 3, 4, 6, 8, 10, 12, 16, 20], full: [.. Enumerable.Range(1, 24)]),
        SnrsDb: budget.Choose<double[]>(quick: [double.PositiveInfinity, 30, 20, 15, 10, 5],
            full: [double.PositiveInfinity, 40, 30, 25, 20, 15, 12, 10, 7, 5, 0]),
        Trials: budget.Choose(quick: 40, full: 200), Seed: 6);

    /// <summary>
    /// The dense LeNet-300-100s that sections 6–9 read (their hidden units as atoms, their read-out as an ℓ1 problem,
    /// their units as a design): notebook 00's network and optimiser (<see cref="WinningTickets.Hparams"/>) trained on
    /// <paramref name="data"/> for 5 epochs (quick) or its full 20 (full), one per seed, quick 3 seeds and full 5. Trained once
    /// per run store: every notebook that nests these settings loads the same networks.
    /// </summary>
    public static DenseNetworks Networks(Budget budget, TrainingData data)
    {
        var hparams = WinningTickets.Hparams(Check.NotNull(budget));
        hparams = hparams with { Training = hparams.Training with { Epochs = budget.Choose(quick: 5, full: hparams.Training.Epochs) } };
        return new DenseNetworks(hparams, data, budget.Seeds(quick: 3, full: 5));
    }
}
