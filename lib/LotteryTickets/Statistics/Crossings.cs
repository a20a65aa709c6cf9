namespace LotteryTickets.Statistics;

/// <summary>
/// Where a success share passes a level (a phase transition's 50 % point), and how uncertain that point is. The one
/// definition the collection reads crossings by: the planted-teacher sweeps (rising in the sample count m) and the phase
/// diagrams (falling in ρ) both call <see cref="First"/>.
/// </summary>
public static class Crossings
{
    /// <summary>
    /// The first x at which <paramref name="share"/> reaches the target side of <paramref name="level"/> — at or above it
    /// when <paramref name="rising"/>, below it otherwise — by linear interpolation between that point and the one before;
    /// <paramref name="x"/>[0] when the first point is already there; null when no point is. Points are taken in the order
    /// given (x strictly increasing).
    /// </summary>
    public static double? First(IReadOnlyList<double> x, IReadOnlyList<double> share, double level = 0.5, bool rising = true)
    {
        Check.NotNull(share);
        CheckPoints(x, share.Count, nameof(share));
        Check.That(share.All(double.IsFinite), "share must hold finite values.", nameof(share));
        Check.That(double.IsFinite(level), $"level must be finite; got {level}.", nameof(level));
        return FirstUnchecked(x, share, level, rising);
    }

    /// <summary>
    /// The crossing of the observed shares <paramref name="successes"/>[i] ÷ <paramref name="trials"/> (<see cref="First"/>)
    /// with a parametric bootstrap standard error: each point's count is redrawn as Binomial(trials, successes[i] ÷ trials),
    /// independently (the trials at different x are independent), <paramref name="resamples"/> times, and the standard
    /// error is the standard deviation of the resampled crossings that exist. Mean = the observed crossing, NaN when there
    /// is none; StandardError NaN when more than 2.5 % of the resamples have no crossing (either reads "within noise");
    /// Count = <paramref name="trials"/>. Seeded: the same arguments give the same estimate.
    /// </summary>
    public static Estimate Bootstrap(IReadOnlyList<double> x, IReadOnlyList<int> successes, int trials, double level = 0.5,
        bool rising = true, int resamples = 1000, int seed = 8)
    {
        Check.NotNull(successes);
        CheckPoints(x, successes.Count, nameof(successes));
        Check.Positive(trials);
        Check.That(successes.All(s => s >= 0 && s <= trials), $"successes must each lie in [0, {trials}] (trials).", nameof(successes));
        Check.That(double.IsFinite(level), $"level must be finite; got {level}.", nameof(level));
        Check.Positive(resamples);
        var observed = FirstUnchecked(x, successes.Select(s => (double)s / trials).ToArray(), level, rising);
        var random = new SeededRandom(seed);
        var crossings = new List<double>(resamples);
        var share = new double[x.Count];
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < x.Count; i++)
            {
                double p = (double)successes[i] / trials;
                int count = 0;
                for (int t = 0; t < trials; t++) if (random.NextDouble() < p) count++;
                share[i] = (double)count / trials;
            }
            if (FirstUnchecked(x, share, level, rising) is { } c) crossings.Add(c);
        }
        double se = double.NaN;
        if (crossings.Count >= 2 && resamples - crossings.Count <= 0.025 * resamples)
        {
            double mean = crossings.Average();
            se = Math.Sqrt(crossings.Sum(c => (c - mean) * (c - mean)) / (crossings.Count - 1));
        }
        return new Estimate(observed ?? double.NaN, se, trials);
    }

    /// <summary>
    /// The mean of crossings from independent rows (e.g. the δ rows of a phase diagram) over the rows whose crossing is resolved:
    /// rows with a NaN mean (no crossing) or a NaN standard error (the crossing goes missing in more than 2.5 % of the
    /// resamples, e.g. at the edge of the grid) are left out; SE = √Σ SEᵢ² ÷ n; Count the smallest row's. NaN mean and SE when
    /// no row is resolved.
    /// </summary>
    public static Estimate MeanOfRows(IEnumerable<Estimate> rows)
    {
        var xs = Check.NotNull(rows).ToList();
        Check.That(xs.All(r => r is not null), "rows must not hold null.", nameof(rows));
        xs = xs.Where(r => double.IsFinite(r.Mean) && double.IsFinite(r.StandardError)).ToList();
        if (xs.Count == 0) return new Estimate(double.NaN, double.NaN, 0);
        return new Estimate(xs.Average(r => r.Mean), Math.Sqrt(xs.Sum(r => r.StandardError * r.StandardError)) / xs.Count, xs.Min(r => r.Count));
    }

    private static double? FirstUnchecked(IReadOnlyList<double> x, IReadOnlyList<double> share, double level, bool rising)
    {
        for (int i = 0; i < x.Count; i++)
        {
            if ((share[i] >= level) != rising) continue;
            if (i == 0) return x[0];
            double a = share[i - 1], b = share[i];
            return x[i - 1] + (level - a) / (b - a) * (x[i] - x[i - 1]);
        }
        return null;
    }

    private static void CheckPoints(IReadOnlyList<double> x, int shares, string shareName)
    {
        Check.NotNull(x);
        Check.That(x.Count > 0, "x must hold at least one point.", nameof(x));
        Check.That(x.All(double.IsFinite) && x.Zip(x.Skip(1)).All(p => p.Second > p.First), "x must be finite and strictly increasing.",
            nameof(x));
        Check.That(shares == x.Count, $"{shareName} must hold one value per x ({x.Count}); got {shares}.", shareName);
    }
}
