using LotteryTickets.Sparse;

namespace LotteryTickets.Experiments;

/// <summary>
/// Does OMP find the ticket? How often OMP recovers the exact support of a k-sparse "ticket" in an m×n correlated
/// dictionary (<see cref="Dictionaries.Correlated"/>), over shared weights (coherence) × k × SNR. For each trial, one
/// Gaussian draw is mixed into a correlated dictionary at every shared weight s (so μ rises smoothly with s); for each
/// k a k-sparse ticket is drawn, measured, corrupted by noise at each SNR (the same noise direction, rescaled), and OMP
/// runs k steps. Success is the exact support. Seeds are derived from (Seed, trial, k), so the result is identical
/// whatever the scheduling.
/// </summary>
/// <param name="M">Measurements (rows of the dictionary).</param>
/// <param name="N">Atoms (columns).</param>
/// <param name="SharedWeights">Shared-direction weights s ∈ [0, 1): 0 is a Gaussian dictionary, larger s raises μ.</param>
/// <param name="Sparsities">Ticket sizes k to try, each in [1, M].</param>
/// <param name="SnrsDb">Signal-to-noise ratios in dB; <see cref="double.PositiveInfinity"/> means noiseless.</param>
/// <param name="Trials">Trials per cell; trial t uses the same dictionary draw (rescaled by s) and the same ticket for every cell.</param>
/// <param name="Seed">Master seed; every draw's seed is derived from it, so results do not depend on scheduling.</param>
/// <param name="Signal">How the ticket's nonzeros are drawn.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all); not part of the run key.</param>
public sealed record OmpRecoverySweep(
    [property: Positive] int M,
    [property: Range(2, int.MaxValue)] int N,
    [property: NotEmpty, Range(0, 1, MaxExclusive = true)] IReadOnlyList<double> SharedWeights,
    [property: NotEmpty, Positive] IReadOnlyList<int> Sparsities,
    [property: NotEmpty, Range(double.NegativeInfinity, double.PositiveInfinity, MinExclusive = true)] IReadOnlyList<double> SnrsDb,
    [property: Positive] int Trials,
    int Seed,
    SignalKind Signal = SignalKind.Signed,
    [property: NotInRunKey, Positive] int? MaxDegreeOfParallelism = null) : Sweep<OmpRecoveryResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.OmpRecovery;

    /// <inheritdoc />
    public override void CheckRelations() =>
        Check.That(Sparsities.All(k => k <= Math.Min(M, N)),
            $"Sparsities must hold values in [1, {Math.Min(M, N)}] (k ≤ M and k ≤ N); got {string.Join(", ", Sparsities)}.", nameof(Sparsities));

    /// <inheritdoc />
    protected override OmpRecoveryResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int nw = SharedWeights.Count, nk = Sparsities.Count, ns = SnrsDb.Count;
        var units = SeededParallel.Map(nw * Trials, unit => Unit(SharedWeights[unit / Trials], unit % Trials), MaxDegreeOfParallelism,
            progress, "dictionaries", cancellationToken);
        // Reduced in unit order (shared weight, then trial), so the sums do not depend on which thread finished first.
        var exact = new double[nw][][];
        var found = new double[nw][][];
        var covered = new int[nw][];
        var failed = new int[nw][];
        for (int w = 0; w < nw; w++)
        {
            exact[w] = Enumerable.Range(0, nk).Select(_ => new double[ns]).ToArray();
            found[w] = Enumerable.Range(0, nk).Select(_ => new double[ns]).ToArray();
            covered[w] = new int[ns];
            failed[w] = new int[ns];
            var exactCount = new int[nk, ns];
            for (int t = 0; t < Trials; t++)
            {
                var u = units[w * Trials + t];
                for (int ki = 0; ki < nk; ki++)
                    for (int si = 0; si < ns; si++)
                    {
                        exactCount[ki, si] += u.Exact[ki, si];
                        found[w][ki][si] += u.Found[ki, si];
                    }
                for (int si = 0; si < ns; si++)
                {
                    covered[w][si] += u.Covered[si];
                    failed[w][si] += u.Failed[si];
                }
            }
            for (int ki = 0; ki < nk; ki++)
                for (int si = 0; si < ns; si++)
                {
                    exact[w][ki][si] = exactCount[ki, si] / (double)Trials;
                    found[w][ki][si] /= Trials;
                }
        }
        return new OmpRecoveryResult(this,
            Enumerable.Range(0, nw).Select(w => Enumerable.Range(0, Trials).Average(t => units[w * Trials + t].Coherence)).ToArray(),
            Enumerable.Range(0, nw).Select(w => Enumerable.Range(0, Trials).Max(t => units[w * Trials + t].Coherence)).ToArray(),
            exact, found, covered, failed, clock.Elapsed.TotalSeconds);
    }

    // One (shared weight, trial): its dictionary, then every k and SNR on it.
    private OmpTrials.Outcome Unit(double sharedWeight, int t)
    {
        var a = Dictionaries.Correlated(M, N, sharedWeight, SplitMix64.Derive(Seed, t, -1, 0));
        return OmpTrials.Run(a, Dictionaries.MutualCoherence(a), Sparsities, SnrsDb, Signal, Seed, t);
    }
}
