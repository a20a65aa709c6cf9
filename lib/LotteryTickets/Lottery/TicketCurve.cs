namespace LotteryTickets.Lottery;

/// <summary>
/// One series of Frankle &amp; Carbin's figure — the ticket, or a control — as points per pruning level, aggregated
/// over seeds. Plain numbers only (no tensors), so it outlives the runs it came from.
/// </summary>
/// <param name="Name">The series.</param>
/// <param name="Points">One point per level (empty is a curve with no level, e.g. a control not trained).</param>
public sealed record TicketCurve(TicketSeries Name, IReadOnlyList<TicketCurvePoint> Points)
{
    /// <summary>Aggregates the levels of several seeds' runs (each list indexed the same way) into one curve.</summary>
    public static TicketCurve FromLevels(TicketSeries name, IReadOnlyList<IReadOnlyList<LevelResult>> perSeed)
    {
        Check.NotNull(perSeed);
        Check.That(perSeed.Count > 0, "perSeed must hold at least one seed's levels.", nameof(perSeed));
        int count = perSeed[0].Count;
        Check.That(perSeed.All(s => s.Count == count), "every seed must have the same number of levels.", nameof(perSeed));
        var points = new List<TicketCurvePoint>();
        for (int i = 0; i < count; i++)
        {
            var levels = perSeed.Select(s => s[i]).ToList();
            var acc = levels.Select(l => 100 * l.Training.EarlyStopTestAccuracy).ToList();
            var its = levels.Select(l => (double)l.Training.EarlyStopIteration).ToList();
            points.Add(new TicketCurvePoint(levels[0].Level, levels.Average(l => l.PercentRemaining),
                acc.Average(), StandardDeviation(acc), its.Average(), StandardDeviation(its), levels.Count));
        }
        return new TicketCurve(name, points.AsReadOnly());
    }

    /// <summary>
    /// Mean accuracy (%) at <paramref name="percentRemaining"/> weights remaining, interpolated linearly in
    /// log(percent) between the two nearest points; null outside the curve's range (no extrapolation).
    /// </summary>
    public double? AccuracyAt(double percentRemaining)
    {
        Check.That(double.IsFinite(percentRemaining) && percentRemaining > 0 && percentRemaining <= 100,
            $"percentRemaining must be in (0, 100]; got {percentRemaining}.", nameof(percentRemaining));
        var points = Points.OrderBy(p => p.PercentRemaining).ToList();
        for (int i = 0; i < points.Count; i++)
        {
            var hi = points[i];
            if (Math.Abs(hi.PercentRemaining - percentRemaining) < 1e-9) return hi.MeanAccuracy;
            if (hi.PercentRemaining < percentRemaining) continue;
            if (i == 0) return null; // below the sparsest point
            var lo = points[i - 1];
            double t = (Math.Log(percentRemaining) - Math.Log(lo.PercentRemaining)) / (Math.Log(hi.PercentRemaining) - Math.Log(lo.PercentRemaining));
            return lo.MeanAccuracy + t * (hi.MeanAccuracy - lo.MeanAccuracy);
        }
        return null;
    }

    /// <summary>The point at a level, or null when the curve has none there (controls start at level 1).</summary>
    public TicketCurvePoint? AtLevel(int level) => Points.FirstOrDefault(p => p.Level == level);

    // The sample standard deviation (n − 1), 0 for fewer than two values.
    internal static double StandardDeviation(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return 0;
        double mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1));
    }
}

/// <summary>One pruning level of a <see cref="TicketCurve"/>, aggregated over seeds: test accuracy (%) at the
/// early-stop iteration and the early-stop iteration itself, each as mean and sample standard deviation.</summary>
public sealed record TicketCurvePoint(int Level, double PercentRemaining, double MeanAccuracy, double StdAccuracy,
    double MeanEarlyStopIteration, double StdEarlyStopIteration, int Seeds);
