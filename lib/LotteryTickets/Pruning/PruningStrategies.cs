using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>The registry of pruning strategies by name. Structured strategies are bound to a model's unit groups.</summary>
public static class PruningStrategies
{
    private static readonly Dictionary<string, Func<ModelHparams?, IPruningStrategy>> Factories = new()
    {
        ["global_magnitude"] = _ => new GlobalMagnitudePruning(),
        ["layerwise_magnitude"] = _ => new LayerwiseMagnitudePruning(),
        ["structured_magnitude"] = model => new StructuredMagnitudePruning(
            (model ?? throw new ArgumentException("structured_magnitude prunes the unit groups of a model: pass its ModelHparams.", nameof(model)))
            .UnitGroups()),
    };

    /// <summary>The registered names.</summary>
    public static IReadOnlyList<string> Names { get; } = Factories.Keys.ToList().AsReadOnly();

    /// <summary>The strategy registered as <paramref name="name"/>, for the network <paramref name="model"/> (needed by
    /// structured strategies).</summary>
    public static IPruningStrategy Get(string name, ModelHparams? model = null) => Factories[Check.OneOf(name, Names)](model);

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
        var strategy = hparams.Strategy == "structured_magnitude" ? new StructuredMagnitudePruning(model.UnitGroups) : Get(hparams.Strategy);
        var weights = WeightSnapshot.FromTensors(model.PrunableTensors());
        var mask = Mask.Dense(model);
        for (int k = 0; k < levels; k++) mask = strategy.Prune(mask, weights, hparams);
        return mask;
    }
}
