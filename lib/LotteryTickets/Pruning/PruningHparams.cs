namespace LotteryTickets.Pruning;

/// <summary>How each IMP level prunes.</summary>
public sealed record PruningHparams
{
    private readonly string _strategy = "global_magnitude";
    private readonly double _fraction = 0.2;
    private readonly double? _outputFraction;
    private readonly int _unitNorm = 1;

    /// <summary>A name from <see cref="PruningStrategies.Names"/>: <c>"global_magnitude"</c> (default),
    /// <c>"layerwise_magnitude"</c> or <c>"structured_magnitude"</c> (whole filters, neurons and heads).</summary>
    public string Strategy { get => _strategy; init => _strategy = Check.OneOf(value, PruningStrategies.Names, nameof(Strategy)); }

    /// <summary>Share of the weights still remaining that one level removes, in [0, 1) (default 0.2).</summary>
    public double Fraction { get => _fraction; init => _fraction = Check.FractionBelowOne(value, nameof(Fraction)); }

    /// <summary>
    /// Null (default): the output layer is pruned together with the others. A value in [0, 1): the output layer is
    /// pruned separately at this rate (the paper prunes LeNet's output layer at 10 %).
    /// </summary>
    public double? OutputFraction { get => _outputFraction; init => _outputFraction = Check.FractionBelowOneOrNull(value, nameof(OutputFraction)); }

    /// <summary>Structured pruning ranks units by the ℓ1 (1, default: Li et al. 2017) or ℓ2 (2) norm of their weights.</summary>
    public int UnitNorm { get => _unitNorm; init => _unitNorm = Check.InRange(value, 1, 2, nameof(UnitNorm)); }
}
