namespace LotteryTickets.Design;

/// <summary>A-optimal vs row-norm selection as k varies, for one kind of matrix (JSON-serialisable).</summary>
/// <param name="Source">What the rows are (e.g. "Gaussian 60 × 8, log-normal scales σ = 1").</param>
/// <param name="Rows">m.</param>
/// <param name="Columns">p.</param>
/// <param name="Points">One per k, ascending.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds.</param>
public sealed record DesignComparisonResult(string Source, int Rows, int Columns, IReadOnlyList<DesignComparisonPoint> Points,
    double ElapsedSeconds)
{
    /// <summary>The point for k (null when k was not compared).</summary>
    public DesignComparisonPoint? At(int subsetSize) => Points.FirstOrDefault(p => p.SubsetSize == subsetSize);
}
