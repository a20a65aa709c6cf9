using LotteryTickets.Experiments;
using LotteryTickets.Sparse;
using LotteryTickets.Statistics;
using System.Globalization;

namespace LotteryTickets.Interactive;

/// <summary>Figures of notebook 06: how often OMP finds the ticket, against SNR, sparsity and coherence, with the
/// coherence guarantee k &lt; (1 + 1/μ)/2 drawn against the measured curves.</summary>
public static class OmpFigures
{
    static string Mu(double mu) => mu.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Exact-recovery rate against SNR (finite SNRs only) at one shared weight, one line per ticket size k
    /// (<paramref name="name"/>: the CSV name, when a notebook shows several).</summary>
    public static LineFigure RecoveryVsSnr(OmpRecoveryResult result, int weightIndex = 0, IReadOnlyList<int>? sparsities = null, string? name = null)
    {
        Check.NotNull(result);
        var o = result.Options;
        Check.InRange(weightIndex, 0, o.SharedWeights.Count - 1);
        var snrs = o.SnrsDb.Select((s, i) => (s, i)).Where(p => double.IsFinite(p.s)).OrderBy(p => p.s).ToList();
        var series = o.Sparsities.Select((k, ki) => (k, ki)).Where(p => sparsities is null || sparsities.Contains(p.k))
            .Select(p => FigureText.Series($"k = {p.k}", snrs, s => s.s, s => 100 * result.ExactRecovery[weightIndex][p.ki][s.i],
                s => TwoSe(result.ExactRecovery[weightIndex][p.ki][s.i], o.Trials))).ToList();
        return new LineFigure(name ?? "omp-recovery-vs-snr",
            $"OMP finds the ticket: exact support recovery vs SNR ({o.M}×{o.N} dictionary, μ = {Mu(result.MeanCoherence[weightIndex])}, {o.Trials} " +
                "trials)",
            "SNR (dB)", RateAxis, series);
    }

    /// <summary>Exact-recovery rate against k, one line per coherence, with the guarantee's bound for each as a vertical line.</summary>
    public static LineFigure RecoveryVsSparsity(OmpRecoveryResult result, int snrIndex, string? name = null)
    {
        Check.NotNull(result);
        var o = result.Options;
        Check.InRange(snrIndex, 0, o.SnrsDb.Count - 1);
        var ks = o.Sparsities.Select(k => (double)k).ToList();
        var series = new List<FigureSeries>();
        for (int w = 0; w < o.SharedWeights.Count; w++)
            series.Add(new FigureSeries(
                $"μ = {Mu(result.MeanCoherence[w])} (s = {o.SharedWeights[w].ToString("0.##", CultureInfo.InvariantCulture)})", ks,
                o.Sparsities.Select((_, ki) => 100 * result.ExactRecovery[w][ki][snrIndex]).ToList(),
                o.Sparsities.Select((_, ki) => TwoSe(result.ExactRecovery[w][ki][snrIndex], o.Trials)).ToList()));
        for (int w = 0; w < o.SharedWeights.Count; w++)
        {
            double bound = result.GuaranteeBound(w);
            series.Add(new FigureSeries($"guarantee k < {Mu(bound)} (μ = {Mu(result.MeanCoherence[w])})", [bound, bound], [0, 100]));
        }
        return new LineFigure(name ?? $"omp-recovery-vs-k-{Slug(o.SnrsDb[snrIndex])}",
            $"Exact recovery vs ticket size k, {LabelText.Snr(o.SnrsDb[snrIndex])}: measured curves and the coherence guarantee (vertical lines)",
            "ticket size k (non-zeros)", RateAxis, series);
    }

    /// <summary>Heat map of exact recovery over coherence μ × k, with the guarantee's boundary k = (1 + 1/μ)/2.</summary>
    public static HeatmapFigure CoherenceMap(OmpRecoveryResult result, int snrIndex)
    {
        Check.NotNull(result);
        var o = result.Options;
        Check.InRange(snrIndex, 0, o.SnrsDb.Count - 1);
        var z = o.Sparsities.Select((_, ki) =>
            (IReadOnlyList<double>)o.SharedWeights.Select((_, w) => result.ExactRecovery[w][ki][snrIndex]).ToList()).ToList();
        double lo = result.MeanCoherence.Min(), hi = result.MeanCoherence.Max();
        var mus = Enumerable.Range(0, 50).Select(i => lo + (hi - lo) * i / 49.0).ToList();
        var boundary = new FigureSeries("guarantee k = (1 + 1/μ)/2", mus, mus.Select(CoherenceGuarantee.SparsityBound).ToList());
        return new HeatmapFigure($"omp-coherence-map-{Slug(o.SnrsDb[snrIndex])}",
            $"OMP exact recovery over coherence and ticket size, {LabelText.Snr(o.SnrsDb[snrIndex])} ({o.Trials} trials per cell)",
            "mutual coherence μ (mean over the trials' dictionaries)", "ticket size k (non-zeros)", "exact recovery rate",
            result.MeanCoherence, o.Sparsities.Select(k => (double)k).ToList(), z) { Overlays = [boundary], ZRange = (0, 1) };
    }

    /// <summary>
    /// OMP in a network's dictionary: exact recovery against k at one SNR for the trained layer, the same layer at
    /// initialisation, and a Gaussian dictionary of the trained one's shape (± 2 SE, Agresti–Coull).
    /// </summary>
    public static LineFigure NetworkRecovery(NetworkDictionaryResult result, int snrIndex, string? name = null)
    {
        Check.NotNull(result);
        var o = result.Options;
        Check.InRange(snrIndex, 0, o.SnrsDb.Count - 1);
        var series = new List<FigureSeries>();
        foreach (var source in Enum.GetValues<AtomSource>())
        {
            var counts = o.Sparsities.Select(k => (k, c: result.Count(source, k, snrIndex))).Where(p => p.c.Trials > 0).ToList();
            double mu = result.Coherence[(int)source].Average();
            series.Add(FigureText.Series($"{SourceLabel(source)} (μ = {Mu(mu)})", counts, p => p.k, p => 100.0 * p.c.Successes / p.c.Trials,
                p => TwoSe((double)p.c.Successes / p.c.Trials, p.c.Trials)));
        }
        return new LineFigure(name ?? $"omp-network-recovery-{Slug(o.SnrsDb[snrIndex])}",
            $"OMP in LeNet's {o.Layer.ToString().ToLowerInvariant()} units over {o.Inputs} digits, {LabelText.Snr(o.SnrsDb[snrIndex])} " +
                $"({o.Trials} trials)",
            "ticket size k (units of the planted read-out)", RateAxis, series);
    }

    /// <summary>How <see cref="NetworkRecovery"/> names a source.</summary>
    public static string SourceLabel(AtomSource source) => Check.Defined(source) switch
    {
        AtomSource.Gaussian => "Gaussian dictionary",
        AtomSource.Initial => "network at initialisation",
        _ => "trained network",
    };

    const string RateAxis = "exact support recovered (% of trials, ± 2 SE)";

    // Twice the Agresti–Coull standard error of a share of n trials, in percentage points (the verdicts' interval half-width).
    static double TwoSe(double share, int trials) =>
        VerdictRule.StandardErrors * 100 * Estimate.OfProportion((int)Math.Round(share * trials), trials).StandardError;

    static string Slug(double snrDb) =>
        double.IsPositiveInfinity(snrDb) ? "noiseless"
            : snrDb.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', '_').Replace('-', 'm') + "db";
}
