namespace LotteryTickets.Pruning;

/// <summary>The registry of pruning strategies by name.</summary>
public static class PruningStrategies
{
    private static readonly Dictionary<string, Func<IPruningStrategy>> Factories = new()
    {
        ["global_magnitude"] = () => new GlobalMagnitudePruning(),
        ["layerwise_magnitude"] = () => new LayerwiseMagnitudePruning(),
    };

    /// <summary>The registered names.</summary>
    public static IReadOnlyList<string> Names { get; } = Factories.Keys.ToList().AsReadOnly();

    /// <summary>The strategy registered as <paramref name="name"/>.</summary>
    public static IPruningStrategy Get(string name) => Factories[Check.OneOf(name, Names)]();
}
