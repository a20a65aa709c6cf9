namespace LotteryTickets.Sparse;

/// <summary>How the nonzero entries of a generated k-sparse signal are drawn.</summary>
public enum SignalKind
{
    /// <summary>Random signs ±1 (the hardest case for ℓ1 at a given sparsity; the "signed" phase transition).</summary>
    Signed,
    /// <summary>Independent standard normal values.</summary>
    Gaussian,
    /// <summary>|N(0,1)| values: non-negative signals (the non-negative phase transition applies).</summary>
    NonNegative,
}
