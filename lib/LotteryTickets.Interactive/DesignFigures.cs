using LotteryTickets.Design;
using LotteryTickets.Experiments;

namespace LotteryTickets.Interactive;

/// <summary>Figures of the statistician's dilemma: overlap and efficiency of the magnitude (row-norm) selection against k,
/// beside the baseline of random selections (mean ± standard deviation over the draws) where the results hold one, and the
/// check that matters on a network: the test accuracy of the read-out refitted on the kept units.</summary>
public static class DesignFigures
{
    /// <summary>Jaccard overlap between the A-optimal and the row-norm selections against k / m, one line per result (and one
    /// for its random selections where it drew them).</summary>
    public static LineFigure Overlap(string name, params DesignComparisonResult[] results) => Overlap(name, null, results);

    /// <summary>As <see cref="Overlap(string, DesignComparisonResult[])"/>, with a network's units first: the magnitude rule
    /// (mean ± SD over the networks) and random selections (mean ± their SD).</summary>
    public static LineFigure Overlap(string name, UnitSelectionResult? units, params DesignComparisonResult[] results) =>
        Figure(name, "Do magnitude and A-optimality keep the same rows?", "Jaccard overlap |A ∩ B| / |A ∪ B|",
            p => p.Jaccard, p => (p.RandomJaccard, p.RandomJaccardSpread), p => p.MagnitudeJaccard, p => (p.RandomJaccard, double.NaN), units,
            results);

    /// <summary>A-efficiency of the row-norm selection (optimal ÷ row-norm criterion) against k / m, one line per result (and
    /// one for its random selections where it drew them).</summary>
    public static LineFigure Efficiency(string name, params DesignComparisonResult[] results) => Efficiency(name, null, results);

    /// <summary>As <see cref="Efficiency(string, DesignComparisonResult[])"/>, with a network's units first.</summary>
    public static LineFigure Efficiency(string name, UnitSelectionResult? units, params DesignComparisonResult[] results) =>
        Figure(name, "How much does keeping the largest rows cost?", "A-efficiency (1 = A-optimal)",
            p => p.Efficiency, p => (p.RandomEfficiency, p.RandomEfficiencySpread), p => p.MagnitudeEfficiency,
            p => (p.RandomEfficiency, p.RandomEfficiencySpread), units, results);

    /// <summary>
    /// The check that matters: test accuracy of the least-squares read-out refitted on the k kept units, against k, for the
    /// A-optimal, magnitude and random units (means over the networks; error bars the SD over the networks, for random
    /// the mean SD over the draws), with the refit on all units and the trained network itself as flat lines.
    /// </summary>
    public static LineFigure RefitAccuracy(string name, UnitSelectionResult units)
    {
        Check.NotNull(units);
        Check.That(units.Networks.Count > 0, "units must hold at least one network.", nameof(units));
        var ks = units.SubsetSizes;
        FigureSeries Line(string label, Func<UnitSelectionPoint, double> y, Func<IReadOnlyList<UnitSelectionPoint>, double>? error = null) =>
            FigureText.Series(label, ks, k => k, k => units.At(k).Average(y), k => error is null ? Sd(units.At(k).Select(y)) : error(units.At(k)));
        FigureSeries Flat(string label, Func<UnitSelectionNetwork, double> y) =>
            FigureText.Series(label, ks, k => k, _ => units.Networks.Average(y), _ => Sd(units.Networks.Select(y)));
        return new LineFigure(name, $"Refit the read-out on the kept units: test accuracy ({SerialNames.Of(units.Layer)})",
            $"k (units kept of {units.Units})", "test accuracy after refitting the read-out (%)",
            [
                Line("A-optimal units", p => p.OptimalAccuracy),
                Line("magnitude units (ℓ1 of incoming weights)", p => p.MagnitudeAccuracy),
                Line("random units (± SD over draws)", p => p.RandomAccuracy, ps => ps.Average(p => Zero(p.RandomAccuracySpread))),
                Flat("all units, refitted", n => n.AllUnitsAccuracy),
                Flat("trained network", n => n.DenseAccuracy),
            ]);
    }

    private static LineFigure Figure(string name, string title, string yTitle, Func<DesignComparisonPoint, double> y,
        Func<DesignComparisonPoint, (double Mean, double Spread)> random, Func<UnitSelectionPoint, double> unitY,
        Func<UnitSelectionPoint, (double Mean, double Spread)> unitRandom, UnitSelectionResult? units, DesignComparisonResult[] results)
    {
        Check.NoNulls(results);
        Check.That(results.Length > 0 || units is not null, "at least one result is needed.", nameof(results));
        var series = new List<FigureSeries>();
        if (units is not null)
        {
            Check.That(units.Networks.Count > 0, "units must hold at least one network.", nameof(units));
            var ks = units.SubsetSizes;
            double X(int k) => (double)k / units.Units;
            string layer = $"LeNet {SerialNames.Of(units.Layer)} units";
            series.Add(FigureText.Series($"{layer}: magnitude", ks, X, k => units.At(k).Average(unitY), k => Sd(units.At(k).Select(unitY))));
            series.Add(FigureText.Series($"{layer}: random (± SD over draws)", ks, X, k => units.At(k).Average(p => unitRandom(p).Mean),
                k => units.At(k).Average(p => Zero(unitRandom(p).Spread))));
        }
        foreach (var r in results)
        {
            series.Add(FigureText.Series(r.Source, r.Points, p => (double)p.SubsetSize / r.Rows, y));
            if (r.Points.Any(p => !double.IsNaN(random(p).Mean)))
                series.Add(FigureText.Series($"random rows, {r.Source} (± SD over draws)", r.Points, p => (double)p.SubsetSize / r.Rows,
                    p => random(p).Mean, p => Zero(random(p).Spread)));
        }
        return new LineFigure(name, title, "k / m (share of rows kept)", yTitle, series);
    }

    private static double Sd(IEnumerable<double> values)
    {
        var v = values.ToList();
        if (v.Count < 2) return 0;
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
    }

    private static double Zero(double spread) => double.IsNaN(spread) ? 0 : spread;
}
