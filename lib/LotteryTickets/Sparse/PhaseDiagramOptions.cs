namespace LotteryTickets.Sparse;

/// <summary>Settings of an empirical phase diagram (<see cref="PhaseDiagram.Run"/>).</summary>
/// <param name="Deltas">Undersampling values δ = m/n in (0, 1]; m = max(1, round(δn)).</param>
/// <param name="Rhos">Sparsity values ρ = k/m in [0, 1]; k = round(ρm).</param>
/// <param name="N">Signal dimension n.</param>
/// <param name="Trials">Trials per cell (each a fresh Gaussian A and k-sparse x).</param>
/// <param name="Seed">Master seed; every (cell, trial) derives its own seed from it, so results do not depend on scheduling.</param>
/// <param name="Method">ℓ1 or OMP.</param>
/// <param name="Signal">How the nonzeros are drawn (NonNegative also makes the ℓ1 solver enforce x ≥ 0).</param>
/// <param name="SuccessTolerance">A trial succeeds when ‖x̂ − x‖₂ ≤ SuccessTolerance·‖x‖₂.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all).</param>
public sealed record PhaseDiagramOptions(
    IReadOnlyList<double> Deltas,
    IReadOnlyList<double> Rhos,
    int N,
    int Trials,
    int Seed,
    PhaseDiagramMethod Method = PhaseDiagramMethod.L1,
    SignalKind Signal = SignalKind.Signed,
    double SuccessTolerance = 1e-2,
    int? MaxDegreeOfParallelism = null);
