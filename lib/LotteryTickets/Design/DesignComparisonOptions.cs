namespace LotteryTickets.Design;

/// <summary>Settings of the A-optimal vs row-norm comparison on random matrices (<see cref="DesignComparison.RunRandom"/>).</summary>
/// <param name="Rows">m, the candidate rows (data points, units).</param>
/// <param name="Columns">p, the parameters each row informs.</param>
/// <param name="SubsetSizes">k values to compare, each in [p, m] (fewer than p rows are always singular).</param>
/// <param name="Trials">Random matrices per k.</param>
/// <param name="Seed">Master seed; each (k, trial) derives its own.</param>
/// <param name="RowScaleSpread">σ of the log-normal row scales: row i is e^{σzᵢ}·gᵢ with gᵢ ~ N(0, I_p); 0 gives rows
/// of similar norm, larger values make a few rows dominate by magnitude.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all).</param>
public sealed record DesignComparisonOptions(
    int Rows,
    int Columns,
    IReadOnlyList<int> SubsetSizes,
    int Trials,
    int Seed,
    double RowScaleSpread = 1.0,
    int? MaxDegreeOfParallelism = null);
