namespace LotteryTickets.Design;

/// <summary>A-optimal vs row-norm selection of k rows, averaged over trials.</summary>
/// <param name="SubsetSize">k.</param>
/// <param name="Trials">Matrices averaged over.</param>
/// <param name="Jaccard">Mean Jaccard overlap of the two selections (1: the same rows).</param>
/// <param name="Efficiency">Mean A-efficiency of the row-norm selection: optimal ÷ row-norm criterion (0 when singular).</param>
/// <param name="MinEfficiency">Worst efficiency over the trials.</param>
/// <param name="RowNormSingular">Share of trials where the row-norm rows are rank-deficient (criterion +∞).</param>
/// <param name="OptimalCriterion">Mean tr((X_SᵀX_S)⁻¹) of the A-optimal selection.</param>
/// <param name="OptimalMethod">"exact" when every trial was searched exhaustively, else "exchange" (Fedorov exchange
/// from the greedy start: a local optimum, so the efficiency is an upper bound).</param>
public sealed record DesignComparisonPoint(int SubsetSize, int Trials, double Jaccard, double Efficiency, double MinEfficiency,
    double RowNormSingular, double OptimalCriterion, string OptimalMethod)
{
    /// <summary>Standard error of <see cref="Efficiency"/> over the trials (NaN for one trial, or in a result stored before it
    /// was recorded).</summary>
    public double EfficiencyStandardError { get; init; } = double.NaN;

    /// <summary>Standard error of <see cref="Jaccard"/> over the trials (NaN as for <see cref="EfficiencyStandardError"/>).</summary>
    public double JaccardStandardError { get; init; } = double.NaN;

    /// <summary>Mean A-efficiency of uniformly random k-row selections (the baseline of no rule; NaN when none were drawn).</summary>
    public double RandomEfficiency { get; init; } = double.NaN;

    /// <summary>Standard deviation of the random selections' efficiencies, over every draw of every trial.</summary>
    public double RandomEfficiencySpread { get; init; } = double.NaN;

    /// <summary>Mean Jaccard overlap of the random selections with the A-optimal one (NaN when none were drawn).</summary>
    public double RandomJaccard { get; init; } = double.NaN;

    /// <summary>Standard deviation of the random selections' overlaps, over every draw of every trial.</summary>
    public double RandomJaccardSpread { get; init; } = double.NaN;
}
