using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>The pruning strategies by <see cref="PruningStrategy"/>. Structured strategies are bound to a model's unit groups.</summary>
public static class PruningStrategies
{
    /// <summary>The strategy <paramref name="strategy"/>, for the network <paramref name="model"/> (needed by
    /// structured strategies).</summary>
    public static IPruningStrategy Get(PruningStrategy strategy, ModelHparams? model = null) => strategy switch
    {
        PruningStrategy.GlobalMagnitude => new GlobalMagnitudePruning(),
        PruningStrategy.LayerwiseMagnitude => new LayerwiseMagnitudePruning(),
        PruningStrategy.StructuredMagnitude => new StructuredMagnitudePruning(
            (model ?? throw new ArgumentException("StructuredMagnitude prunes the unit groups of a model: pass its ModelHparams.", nameof(model)))
            .UnitGroups()),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy,
            $"strategy must be one of {string.Join(", ", Enum.GetNames<PruningStrategy>())}; got {(int)strategy}."),
    };

    /// <summary>
    /// The mask after <paramref name="levels"/> rounds of <paramref name="hparams"/>' strategy applied to
    /// <paramref name="model"/>'s current weights, without training in between (IMP trains between rounds): a mask
    /// of a given sparsity for demonstrations and timings. The model is not changed.
    /// </summary>
    public static Mask PruneRepeatedly(PrunableModel model, PruningHparams hparams, int levels)
    {
        Check.NotNull(model);
        Validation.Check(hparams);
        Check.InRange(levels, 0, 1000);
        var strategy = hparams.Strategy == PruningStrategy.StructuredMagnitude ? new StructuredMagnitudePruning(model.UnitGroups)
            : Get(hparams.Strategy);
        var weights = WeightSnapshot.FromTensors(model.PrunableTensors());
        var mask = Mask.Dense(model);
        for (int k = 0; k < levels; k++) mask = strategy.Prune(mask, weights, hparams);
        return mask;
    }
}
