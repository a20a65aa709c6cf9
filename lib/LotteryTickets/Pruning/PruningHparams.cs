namespace LotteryTickets.Pruning;

/// <summary>How each IMP level prunes.</summary>
public sealed record PruningHparams : IValidated
{
    /// <summary><see cref="PruningStrategy.GlobalMagnitude"/> (default), <see cref="PruningStrategy.LayerwiseMagnitude"/>
    /// or <see cref="PruningStrategy.StructuredMagnitude"/> (whole filters, neurons and heads).</summary>
    public PruningStrategy Strategy { get; init; } = PruningStrategy.GlobalMagnitude;

    /// <summary>Share of the weights still remaining that one level removes, in [0, 1) (default 0.2).</summary>
    [Range(0, 1, MaxExclusive = true)] public double Fraction { get; init; } = 0.2;

    /// <summary>
    /// Null (default): the output layer is pruned together with the others. A value in [0, 1): the output layer is
    /// pruned separately at this rate (the paper prunes LeNet's output layer at 10 %).
    /// </summary>
    [Range(0, 1, MaxExclusive = true)] public double? OutputFraction { get; init; }

    /// <summary>Structured pruning ranks units by the ℓ1 (1, default: Li et al. 2017) or ℓ2 (2) norm of their weights.</summary>
    [Range(1, 2)] public int UnitNorm { get; init; } = 1;
}
