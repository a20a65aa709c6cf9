using System.Diagnostics;

namespace LotteryTickets.Sparse;

/// <summary>
/// Does OMP find the ticket? For each trial, one Gaussian draw is mixed into a correlated dictionary at every shared
/// weight s (so μ rises smoothly with s); for each k a k-sparse ticket is drawn, measured, corrupted by noise at each
/// SNR (the same noise direction, rescaled), and OMP runs k steps. Success is the exact support. Seeds are derived
/// from (Seed, trial, k), so the result is identical whatever the scheduling.
/// </summary>
public static class OmpRecoverySweep
{
    /// <summary>Runs the sweep; <paramref name="progress"/> gets one report per finished (shared weight, trial) unit.</summary>
    public static OmpRecoveryResult Run(OmpRecoveryOptions options, IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(options);
        var o = options;
        var clock = Stopwatch.StartNew();
        int nw = o.SharedWeights.Count, nk = o.Sparsities.Count, ns = o.SnrsDb.Count, total = nw * o.Trials, done = 0;
        var exact = new int[nw, nk, ns];
        var found = new double[nw, nk, ns];
        var covered = new int[nw, ns];
        var failed = new int[nw, ns];
        var mu = new double[nw, o.Trials];
        // Each unit keeps its own share of the atoms found; they are added up in trial order after the loop, so the
        // floating-point sums do not depend on which thread finished first (same seed ⇒ same result, serial or parallel).
        var unitFound = new double[total][,];
        var gate = new object();
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, total, parallel, unit =>
        {
            int w = unit / o.Trials, t = unit % o.Trials;
            var a = Dictionaries.Correlated(o.M, o.N, o.SharedWeights[w], PhaseDiagram.DeriveSeed(o.Seed, t, -1, 0));
            double coherence = Dictionaries.MutualCoherence(a);
            var localExact = new int[nk, ns];
            var localFound = new double[nk, ns];
            var localCovered = new int[ns];
            var localFailed = new int[ns];
            for (int ki = 0; ki < nk; ki++)
            {
                int k = o.Sparsities[ki];
                var x = SparseSignals.KSparse(o.N, k, o.Signal, PhaseDiagram.DeriveSeed(o.Seed, t, k, 1));
                var ticket = SparseSignals.Support(x).ToHashSet();
                var clean = a * x;
                var omp = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: k));
                bool guaranteed = CoherenceGuarantee.Covers(k, coherence);
                for (int si = 0; si < ns; si++)
                {
                    double snr = o.SnrsDb[si];
                    var b = double.IsPositiveInfinity(snr) ? clean : SparseSignals.AddNoise(clean, snr, PhaseDiagram.DeriveSeed(o.Seed, t, k, 2));
                    var support = omp.Fit(a, b).Support;
                    int hits = support.Count(ticket.Contains);
                    bool success = hits == k && support.Count == k;
                    if (success) localExact[ki, si]++;
                    localFound[ki, si] += (double)hits / k;
                    if (guaranteed)
                    {
                        localCovered[si]++;
                        if (!success) localFailed[si]++;
                    }
                }
            }
            lock (gate)
            {
                mu[w, t] = coherence;
                unitFound[unit] = localFound;
                for (int ki = 0; ki < nk; ki++)
                    for (int si = 0; si < ns; si++)
                    {
                        exact[w, ki, si] += localExact[ki, si];
                    }
                for (int si = 0; si < ns; si++)
                {
                    covered[w, si] += localCovered[si];
                    failed[w, si] += localFailed[si];
                }
            }
            progress?.Report(new SweepProgress(Interlocked.Increment(ref done), total));
        });
        for (int unit = 0; unit < total; unit++)
            for (int ki = 0; ki < nk; ki++)
                for (int si = 0; si < ns; si++)
                    found[unit / o.Trials, ki, si] += unitFound[unit][ki, si];
        double trials = o.Trials;
        return new OmpRecoveryResult(o,
            Enumerable.Range(0, nw).Select(w => Enumerable.Range(0, o.Trials).Average(t => mu[w, t])).ToArray(),
            Enumerable.Range(0, nw).Select(w => Enumerable.Range(0, o.Trials).Max(t => mu[w, t])).ToArray(),
            Cube(nw, nk, ns, (w, k, s) => exact[w, k, s] / trials),
            Cube(nw, nk, ns, (w, k, s) => found[w, k, s] / trials),
            Enumerable.Range(0, nw).Select(w => Enumerable.Range(0, ns).Select(s => covered[w, s]).ToArray()).ToArray(),
            Enumerable.Range(0, nw).Select(w => Enumerable.Range(0, ns).Select(s => failed[w, s]).ToArray()).ToArray(),
            clock.Elapsed.TotalSeconds);
    }

    private static double[][][] Cube(int a, int b, int c, Func<int, int, int, double> value) =>
        Enumerable.Range(0, a).Select(i => Enumerable.Range(0, b).Select(j => Enumerable.Range(0, c).Select(k => value(i, j, k)).ToArray()).ToArray()).ToArray();

    private static void Validate(OmpRecoveryOptions o)
    {
        Check.NotNull(o, "options");
        Check.Positive(o.M, nameof(OmpRecoveryOptions.M));
        Check.That(o.N >= 2, $"N must be at least 2 (atoms); got {o.N}.", nameof(OmpRecoveryOptions.N));
        Check.That(o.SharedWeights is { Count: > 0 } && o.SharedWeights.All(s => double.IsFinite(s) && s >= 0 && s < 1),
            "SharedWeights must be a non-empty list of values in [0, 1).", nameof(OmpRecoveryOptions.SharedWeights));
        Check.That(o.Sparsities is { Count: > 0 } && o.Sparsities.All(k => k >= 1 && k <= Math.Min(o.M, o.N)),
            $"Sparsities must be a non-empty list of values in [1, {Math.Min(o.M, o.N)}] (k ≤ M and k ≤ N).", nameof(OmpRecoveryOptions.Sparsities));
        Check.That(o.SnrsDb is { Count: > 0 } && o.SnrsDb.All(s => double.IsFinite(s) || double.IsPositiveInfinity(s)),
            "SnrsDb must be a non-empty list of finite dB values or +∞ (noiseless).", nameof(OmpRecoveryOptions.SnrsDb));
        Check.Positive(o.Trials, nameof(OmpRecoveryOptions.Trials));
        Check.That(Enum.IsDefined(o.Signal), $"Signal must be Signed, Gaussian or NonNegative; got {o.Signal}.", nameof(OmpRecoveryOptions.Signal));
        if (o.MaxDegreeOfParallelism is int p) Check.Positive(p, nameof(OmpRecoveryOptions.MaxDegreeOfParallelism));
    }
}
