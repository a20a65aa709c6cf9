namespace LotteryTickets.Sparse;

/// <summary>Solutions along a λ path (largest λ first), each warm-started from the previous one.</summary>
public sealed class L1PathResult
{
    internal L1PathResult(double[] lambdas, L1Result[] results)
    {
        Lambdas = Array.AsReadOnly(lambdas);
        Results = Array.AsReadOnly(results);
        SupportSizes = Array.AsReadOnly(results.Select(r => r.SupportSize).ToArray());
    }

    /// <summary>The λ values, in the order solved.</summary>
    public IReadOnlyList<double> Lambdas { get; }

    /// <summary>One fitted solution per λ.</summary>
    public IReadOnlyList<L1Result> Results { get; }

    /// <summary>Number of nonzero coefficients per λ.</summary>
    public IReadOnlyList<int> SupportSizes { get; }
}
