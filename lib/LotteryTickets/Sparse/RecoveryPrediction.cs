namespace LotteryTickets.Sparse;

/// <summary>
/// Whether ℓ1 minimisation is predicted to recover a k-sparse vector in dimension n from m Gaussian measurements.
/// </summary>
/// <param name="Recoverable">True when ρ = k/m lies below the weak threshold ρ_W(δ) (Margin &gt; 0).</param>
/// <param name="Margin">ρ_W(m/n) − k/m: positive below the phase transition, negative above it.</param>
/// <param name="Delta">Undersampling δ = m/n.</param>
/// <param name="Rho">Sparsity ρ = k/m.</param>
/// <param name="RhoThreshold">The weak threshold ρ_W(δ).</param>
public sealed record RecoveryPrediction(bool Recoverable, double Margin, double Delta, double Rho, double RhoThreshold);
