using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>
/// open_lth's <c>sparse_global</c>: each level removes ceil(<see cref="PruningHparams.Fraction"/> × remaining) of the
/// surviving weights with the smallest |w|, ranked together across all prunable layers. With
/// <see cref="PruningHparams.OutputFraction"/> set, the output layer is ranked on its own at that rate.
/// </summary>
public sealed class GlobalMagnitudePruning : IPruningStrategy
{
    /// <inheritdoc />
    public string Name => "global_magnitude";

    /// <inheritdoc />
    public Mask Prune(Mask current, WeightSnapshot trainedWeights, PruningHparams hparams) =>
        MagnitudeRanking.Prune(current, trainedWeights, hparams, layers => [layers.ToArray()]);
}
