using System.Text.Json.Serialization;

namespace LotteryTickets.Statistics;

/// <summary>
/// A quantity measured over independent replicates (seeds, timing repeats): the mean, the standard error of the mean
/// (sample standard deviation ÷ √n; NaN for one replicate, which carries no spread) and n — or, for timings
/// (<see cref="OfMedian"/>), the median with its robust standard error. Plain data: what a verdict
/// (<see cref="VerdictRule"/>) is decided from.
/// </summary>
/// <param name="Mean">The centre: the mean over the replicates (the median for <see cref="OfMedian"/>).</param>
/// <param name="StandardError">Standard error of the centre; NaN when <paramref name="Count"/> is 1.</param>
/// <param name="Count">Replicates (n ≥ 1).</param>
public sealed record Estimate(double Mean, double StandardError, int Count)
{
    /// <summary>The estimate of the mean of <paramref name="samples"/> (at least one, all finite).</summary>
    public static Estimate Of(IEnumerable<double> samples)
    {
        var xs = Check.NotNull(samples).ToList();
        Check.That(xs.Count > 0, "samples must hold at least one value.", nameof(samples));
        Check.That(xs.All(double.IsFinite), "samples must all be finite.", nameof(samples));
        double mean = xs.Average();
        double se = xs.Count < 2 ? double.NaN : Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1) / xs.Count);
        return new Estimate(mean, se, xs.Count);
    }

    /// <summary>
    /// The mean of the replicate-by-replicate differences <paramref name="a"/>[i] − <paramref name="b"/>[i] (the same
    /// seeds in the same order): a paired comparison, whose spread leaves out what the two share.
    /// </summary>
    public static Estimate PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Check.NotNull(a);
        Check.NotNull(b);
        Check.That(a.Count == b.Count, $"b must pair one value with each of the {a.Count} values of a; got {b.Count}.", nameof(b));
        return Of(a.Zip(b, (x, y) => x - y));
    }

    /// <summary>
    /// The difference of two independent estimates, <paramref name="a"/> − <paramref name="b"/>: standard errors
    /// added in quadrature; n is the smaller of the two.
    /// </summary>
    public static Estimate Difference(Estimate a, Estimate b)
    {
        Check.NotNull(a);
        Check.NotNull(b);
        return new Estimate(a.Mean - b.Mean, Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError),
            Math.Min(a.Count, b.Count));
    }

    /// <summary>
    /// The median of <paramref name="samples"/> (at least one, all finite) with a robust standard error,
    /// √(π/2) · 1.4826 · MAD ÷ √n: a normal sample's large-n standard error of the median, its σ read from the median
    /// absolute deviation (MAD) instead of the standard deviation. For repeated timings on a shared machine, where a few
    /// runs slowed by other work would move a mean and widen a standard deviation but move neither the median nor the
    /// MAD. NaN standard error for one sample.
    /// </summary>
    public static Estimate OfMedian(IEnumerable<double> samples)
    {
        var xs = Check.NotNull(samples).ToList();
        Check.That(xs.Count > 0, "samples must hold at least one value.", nameof(samples));
        Check.That(xs.All(double.IsFinite), "samples must all be finite.", nameof(samples));
        double median = Median(xs);
        double mad = Median(xs.Select(x => Math.Abs(x - median)));
        double se = xs.Count < 2 ? double.NaN : Math.Sqrt(Math.PI / 2) * MadToSigma * mad / Math.Sqrt(xs.Count);
        return new Estimate(median, se, xs.Count);
    }

    /// <summary>σ ÷ MAD for a normal distribution (1 ÷ Φ⁻¹(3/4)).</summary>
    public const double MadToSigma = 1.482602218505602;

    /// <summary>
    /// The product <paramref name="a"/> · <paramref name="b"/> of two independent estimates (e.g. a ratio of steps over
    /// seeds times a ratio of step times over timing repeats), with the first-order standard error
    /// √((b·SE_a)² + (a·SE_b)²); n is the smaller of the two.
    /// </summary>
    public static Estimate Product(Estimate a, Estimate b)
    {
        Check.NotNull(a);
        Check.NotNull(b);
        return new Estimate(a.Mean * b.Mean, Math.Sqrt(Math.Pow(b.Mean * a.StandardError, 2) + Math.Pow(a.Mean * b.StandardError, 2)),
            Math.Min(a.Count, b.Count));
    }

    /// <summary>
    /// A rate, <paramref name="successes"/> of <paramref name="trials"/> independent trials, as the Agresti–Coull
    /// ("plus four") estimate with z = <see cref="VerdictRule.StandardErrors"/> = 2: the centre p̃ = (k + 2) ÷ (n + 4) and
    /// the standard error √(p̃(1 − p̃) ÷ (n + 4)), n = <paramref name="trials"/>. Its interval p̃ ± 2 SE contains Wilson's
    /// score interval and keeps near its nominal 95 % coverage even at 0 of n or n of n, where the plain share's standard
    /// error would be 0 and make 40 of 40 look certain. The centre is p̃, not k ÷ n: say so where it is shown.
    /// </summary>
    public static Estimate OfProportion(int successes, int trials)
    {
        Check.That(trials >= 1, $"trials must be at least 1; got {trials}.", nameof(trials));
        Check.That(successes >= 0 && successes <= trials, $"successes must be in [0, {trials}]; got {successes}.", nameof(successes));
        double z2 = VerdictRule.StandardErrors * VerdictRule.StandardErrors, n = trials + z2, p = (successes + z2 / 2) / n;
        return new Estimate(p, Math.Sqrt(p * (1 - p) / n), trials);
    }

    static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }

    /// <summary>The lower end of the interval a verdict reads: mean − <see cref="VerdictRule.StandardErrors"/> standard errors.</summary>
    [JsonIgnore]
    public double Low => Mean - VerdictRule.StandardErrors * StandardError;

    /// <summary>The upper end: mean + <see cref="VerdictRule.StandardErrors"/> standard errors.</summary>
    [JsonIgnore]
    public double High => Mean + VerdictRule.StandardErrors * StandardError;

    /// <summary>True when the estimate has a spread to decide from: n ≥ <see cref="VerdictRule.MinimumReplicates"/> and a finite
    /// standard error.</summary>
    [JsonIgnore]
    public bool HasSpread => Count >= VerdictRule.MinimumReplicates && double.IsFinite(StandardError);
}
