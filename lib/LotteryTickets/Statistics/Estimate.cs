using System.Text.Json.Serialization;

namespace LotteryTickets.Statistics;

/// <summary>
/// A quantity measured over independent replicates (seeds, timing repeats): the mean, the standard error of the mean
/// (sample standard deviation ÷ √n; NaN for one replicate, which carries no spread) and n. Plain data: what a verdict
/// (<see cref="VerdictRule"/>) is decided from.
/// </summary>
/// <param name="Mean">The mean over the replicates.</param>
/// <param name="StandardError">Standard error of the mean; NaN when <paramref name="Count"/> is 1.</param>
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
