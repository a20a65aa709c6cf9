namespace LotteryTickets.Sparse;

/// <summary>Success fractions of the three learners at one sample count m, beside the ℓ1 prediction.</summary>
/// <param name="Samples">m.</param>
/// <param name="Delta">δ = m/n.</param>
/// <param name="L1">Share of trials ℓ1 recovered w*.</param>
/// <param name="OneShot">Share recovered by the linear layer pruned once by magnitude to k weights and retrained.</param>
/// <param name="Iterative">Share recovered by iterative magnitude pruning of the linear layer.</param>
/// <param name="PredictedMargin"><see cref="PhaseTransition.Predict"/>'s margin ρ_W(m/n) − k/m (recoverable when &gt; 0).</param>
public sealed record TeacherRecoveryPoint(int Samples, double Delta, double L1, double OneShot, double Iterative, double PredictedMargin);
