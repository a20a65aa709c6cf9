using LotteryTickets.Sparse;

namespace LotteryTickets.Experiments;

/// <summary>
/// An empirical phase diagram: success probability of ℓ1 or OMP recovery (<see cref="RecoveryTrials.Trial"/>) over a
/// δ × ρ grid, in parallel over cells. Every trial's seed is derived from (Seed, δ index, ρ index, trial), so the
/// grid is identical for the same seed whatever the thread scheduling.
/// </summary>
/// <param name="Deltas">Undersampling values δ = m/n in (0, 1]; m = max(1, round(δn)).</param>
/// <param name="Rhos">Sparsity values ρ = k/m in [0, 1]; k = round(ρm).</param>
/// <param name="N">Signal dimension n.</param>
/// <param name="Trials">Trials per cell (each a fresh Gaussian A and k-sparse x).</param>
/// <param name="Seed">Master seed; every (cell, trial) derives its own seed from it, so results do not depend on scheduling.</param>
/// <param name="Method">ℓ1 or OMP.</param>
/// <param name="Signal">How the nonzeros are drawn (NonNegative also makes the ℓ1 solver enforce x ≥ 0).</param>
/// <param name="SuccessTolerance">A trial succeeds when ‖x̂ − x‖₂ ≤ SuccessTolerance·‖x‖₂.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all); not part of the run key.</param>
public sealed record PhaseDiagramSweep(
    [property: NotEmpty, Range(0, 1, MinExclusive = true)] IReadOnlyList<double> Deltas,
    [property: NotEmpty, Range(0, 1)] IReadOnlyList<double> Rhos,
    [property: Positive] int N,
    [property: Positive] int Trials,
    int Seed,
    PhaseDiagramMethod Method = PhaseDiagramMethod.L1,
    SignalKind Signal = SignalKind.Signed,
    [property: Positive] double SuccessTolerance = 1e-2,
    [property: NotInRunKey, Positive] int? MaxDegreeOfParallelism = null) : Sweep<PhaseDiagramResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.PhaseDiagram;

    /// <inheritdoc />
    protected override PhaseDiagramResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int nd = Deltas.Count, nr = Rhos.Count;
        var ms = Deltas.Select(d => Math.Max(1, (int)Math.Round(d * N))).ToArray();
        var ks = ms.Select(m => Rhos.Select(r => (int)Math.Round(r * m)).ToArray()).ToArray();
        var success = SeededParallel.Map(nd * nr, cell =>
        {
            int i = cell / nr, j = cell % nr, wins = 0;
            for (int t = 0; t < Trials; t++)
                if (RecoveryTrials.Trial(N, ms[i], ks[i][j], Method, Signal, SuccessTolerance, SplitMix64.Derive(Seed, i, j, t))) wins++;
            return (double)wins / Trials;
        }, MaxDegreeOfParallelism, progress, "cells", cancellationToken);
        return new PhaseDiagramResult(this, ms, ks, Enumerable.Range(0, nd).Select(i => success[(i * nr)..((i + 1) * nr)]).ToArray(),
            clock.Elapsed.TotalSeconds);
    }
}
