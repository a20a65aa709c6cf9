using LotteryTickets.Design;

namespace LotteryTickets.Interactive;

/// <summary>Figures of the statistician's dilemma: overlap and efficiency of the row-norm selection against k.</summary>
public static class DesignFigures
{
    /// <summary>Jaccard overlap between the A-optimal and the row-norm selections against k / m, one line per result.</summary>
    public static LineFigure Overlap(string name, params DesignComparisonResult[] results) =>
        Figure(name, "Do magnitude and A-optimality keep the same rows?", "Jaccard overlap |A ∩ B| / |A ∪ B|", p => p.Jaccard, results);

    /// <summary>A-efficiency of the row-norm selection (optimal ÷ row-norm criterion) against k / m, one line per result.</summary>
    public static LineFigure Efficiency(string name, params DesignComparisonResult[] results) =>
        Figure(name, "How much does keeping the largest rows cost?", "A-efficiency of row norm (1 = optimal)", p => p.Efficiency, results);

    private static LineFigure Figure(string name, string title, string yTitle, Func<DesignComparisonPoint, double> y,
        DesignComparisonResult[] results)
    {
        Check.NoNulls(results);
        Check.That(results.Length > 0, "at least one result is needed.", nameof(results));
        return new LineFigure(name, title, "k / m (share of rows kept)", yTitle,
            results.Select(r => FigureText.Series(r.Source, r.Points, p => (double)p.SubsetSize / r.Rows, y)).ToList());
    }
}
