namespace LotteryTickets.Sparse;

/// <summary>Which proximal method <see cref="L1Regression"/> runs.</summary>
public enum L1Algorithm
{
    /// <summary>Proximal gradient with the fixed step 1/L, L = ‖A‖₂² (squared) or ‖A‖₂²/4 (logistic).</summary>
    Ista,
    /// <summary>Accelerated proximal gradient (Beck–Teboulle) with backtracking on L and function-value restart.</summary>
    Fista,
    /// <summary>Proximal Newton: the quadratic model is minimised by coordinate descent, then a backtracking line search.</summary>
    ProximalNewton,
}
