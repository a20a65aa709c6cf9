using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Experiments;

/// <summary>
/// One trial of section 6's recovery sweeps on one dictionary: for each k a k-sparse ticket over its atoms, measured,
/// corrupted by noise at each SNR (the same noise direction, rescaled), and OMP run k steps; success is the exact
/// support. Seeds are derived from (seed, trial, k), so a trial's outcome does not depend on scheduling.
/// </summary>
internal static class OmpTrials
{
    /// <summary>A trial's outcomes, indexed [k][SNR] and [SNR] (a guaranteed trial: k below the dictionary's own bound).</summary>
    internal sealed record Outcome(double Coherence, int[,] Exact, double[,] Found, int[] Covered, int[] Failed);

    /// <summary>Runs trial <paramref name="trial"/> on <paramref name="a"/> (unit-norm columns, μ =
    /// <paramref name="coherence"/>).</summary>
    internal static Outcome Run(Matrix<double> a, double coherence, IReadOnlyList<int> sparsities, IReadOnlyList<double> snrsDb,
        SignalKind signal, int seed, int trial)
    {
        int nk = sparsities.Count, ns = snrsDb.Count;
        var r = new Outcome(coherence, new int[nk, ns], new double[nk, ns], new int[ns], new int[ns]);
        for (int ki = 0; ki < nk; ki++)
        {
            int k = sparsities[ki];
            var x = SparseSignals.KSparse(a.ColumnCount, k, signal, SplitMix64.Derive(seed, trial, k, 1));
            var ticket = SparseSignals.Support(x).ToHashSet();
            var clean = a * x;
            var omp = new OrthogonalMatchingPursuit(new OmpOptions(NonzeroCoefs: k));
            bool guaranteed = CoherenceGuarantee.Covers(k, coherence);
            for (int si = 0; si < ns; si++)
            {
                double snr = snrsDb[si];
                var b = double.IsPositiveInfinity(snr) ? clean : SparseSignals.AddNoise(clean, snr, SplitMix64.Derive(seed, trial, k, 2));
                var support = omp.Fit(a, b).Support;
                int hits = support.Count(ticket.Contains);
                bool success = hits == k && support.Count == k;
                if (success) r.Exact[ki, si]++;
                r.Found[ki, si] += (double)hits / k;
                if (guaranteed)
                {
                    r.Covered[si]++;
                    if (!success) r.Failed[si]++;
                }
            }
        }
        return r;
    }
}
