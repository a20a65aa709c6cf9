namespace LotteryTickets.Sparse;

/// <summary>The smooth part of an ℓ1-regularised objective F(Ax) + λ‖x‖₁.</summary>
public enum L1Loss
{
    /// <summary>Least squares ½‖Ax − b‖² (the lasso, unscaled: scikit-learn's Lasso divides by the sample count).</summary>
    Squared,
    /// <summary>Logistic loss Σᵢ log(1 + exp(−yᵢ aᵢᵀx)) with labels yᵢ ∈ {−1, +1} ({0, 1} is accepted; 0 means −1). No intercept.</summary>
    Logistic,
}
