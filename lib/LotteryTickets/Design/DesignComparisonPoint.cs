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
    double RowNormSingular, double OptimalCriterion, string OptimalMethod);
