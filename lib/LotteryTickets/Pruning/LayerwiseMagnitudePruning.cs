using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>
/// Each level removes ceil(<see cref="PruningHparams.Fraction"/> × remaining) of every layer's surviving weights with
/// the smallest |w| in that layer (the output layer at <see cref="PruningHparams.OutputFraction"/> when set).
/// </summary>
public sealed class LayerwiseMagnitudePruning : IPruningStrategy
{
    /// <inheritdoc />
    public string Name => "layerwise_magnitude";

    /// <inheritdoc />
    public Mask Prune(Mask current, WeightSnapshot trainedWeights, PruningHparams hparams) =>
        MagnitudeRanking.Prune(current, trainedWeights, hparams, layers => layers.Select(l => new[] { l }));
}
