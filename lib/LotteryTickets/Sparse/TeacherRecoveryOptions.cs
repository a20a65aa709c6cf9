namespace LotteryTickets.Sparse;

/// <summary>Settings of the planted-teacher experiment (<see cref="TeacherRecovery.Run"/>).</summary>
/// <param name="N">Inputs n of the linear teacher y = w*ᵀx.</param>
/// <param name="K">Non-zero weights k of w* (the "winning ticket").</param>
/// <param name="Samples">Sample counts m to try, each in [1, n].</param>
/// <param name="Trials">Trials per m (each a fresh Gaussian X and teacher w*).</param>
/// <param name="Seed">Master seed; each (m, trial) derives its own, so results do not depend on scheduling.</param>
/// <param name="Signal">How the teacher's non-zero weights are drawn.</param>
/// <param name="PruneFraction">Share of the surviving weights each IMP level removes.</param>
/// <param name="SuccessTolerance">A learner succeeds when ‖ŵ − w*‖₂ ≤ SuccessTolerance·‖w*‖₂.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all).</param>
public sealed record TeacherRecoveryOptions(
    int N,
    int K,
    IReadOnlyList<int> Samples,
    int Trials,
    int Seed,
    SignalKind Signal = SignalKind.Signed,
    double PruneFraction = 0.2,
    double SuccessTolerance = 1e-2,
    int? MaxDegreeOfParallelism = null);
