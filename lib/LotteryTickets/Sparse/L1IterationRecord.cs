namespace LotteryTickets.Sparse;

/// <summary>One entry of an ℓ1 solver's history: after outer iteration <paramref name="Iteration"/>.</summary>
/// <param name="Iteration">1-based outer iteration (0 is the starting point).</param>
/// <param name="Objective">Primal objective F(Ax) + λ‖x‖₁.</param>
/// <param name="DualityGap">Primal minus the dual value at the scaled-residual dual point (≥ 0 up to rounding).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds since the fit started.</param>
public readonly record struct L1IterationRecord(int Iteration, double Objective, double DualityGap, double ElapsedSeconds);
