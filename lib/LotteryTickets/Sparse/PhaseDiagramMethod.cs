namespace LotteryTickets.Sparse;

/// <summary>The recovery algorithm an empirical phase diagram tests.</summary>
public enum PhaseDiagramMethod
{
    /// <summary>ℓ1 (basis pursuit approximated by the lasso at λ = 1e-3·λ_max, proximal Newton, x ≥ 0 for non-negative
    /// signals), followed by least squares on the found support when it has at most m atoms.</summary>
    L1,
    /// <summary>Orthogonal Matching Pursuit told the true k (stops earlier when the residual vanishes).</summary>
    Omp,
}
