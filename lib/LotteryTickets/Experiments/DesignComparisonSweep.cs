using LotteryTickets.Design;

namespace LotteryTickets.Experiments;

/// <summary>
/// A-optimal vs row-norm selection (<see cref="DesignComparison"/>) on random m×p matrices with log-normal row scales
/// (<see cref="DesignComparison.RandomRows"/>), compared for each k over the trials, in parallel; each (k, trial)
/// derives its matrix's seed from (Seed, k index, trial), so the result is the same at any thread count.
/// </summary>
/// <param name="Rows">m, the candidate rows (data points, units).</param>
/// <param name="Columns">p, the parameters each row informs.</param>
/// <param name="SubsetSizes">k values to compare, each in [p, m] (fewer than p rows are always singular).</param>
/// <param name="Trials">Random matrices per k.</param>
/// <param name="Seed">Master seed; each (k, trial) derives its own.</param>
/// <param name="RowScaleSpread">σ of the log-normal row scales: row i is e^{σzᵢ}·gᵢ with gᵢ ~ N(0, I_p); 0 gives rows
/// of similar norm, larger values make a few rows dominate by magnitude.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all); not part of the run key.</param>
/// <param name="RandomDraws">Uniformly random k-row selections drawn per matrix, the baseline of no rule (default 0: none).</param>
public sealed record DesignComparisonSweep(
    [property: Positive] int Rows,
    [property: Positive] int Columns,
    [property: NotEmpty, Distinct] IReadOnlyList<int> SubsetSizes,
    [property: Positive] int Trials,
    int Seed,
    [property: NonNegative] double RowScaleSpread = 1.0,
    [property: NotInRunKey, Positive] int? MaxDegreeOfParallelism = null,
    [property: NonNegative] int RandomDraws = 0) : Sweep<DesignComparisonResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.DesignComparison;

    /// <inheritdoc />
    public override void CheckRelations()
    {
        Check.That(Columns <= Rows, $"Columns must be ≤ Rows = {Rows}; got {Columns}.", nameof(Columns));
        DesignComparison.CheckSizes(SubsetSizes, Rows, Columns, nameof(SubsetSizes));
    }

    /// <inheritdoc />
    protected override DesignComparisonResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sizes = SubsetSizes.Order().ToArray();
        var cells = SeededParallel.Map(sizes.Length * Trials, cell =>
        {
            int i = cell / Trials, t = cell % Trials;
            var x = DesignComparison.RandomRows(Rows, Columns, RowScaleSpread, SplitMix64.Derive(Seed, i, 1, t));
            var pair = DesignComparison.Pair(x, sizes[i]);
            var random = RandomDraws == 0 ? ([], []) : DesignComparison.RandomDraws(x, pair.Optimal, RandomDraws, SplitMix64.Derive(Seed, i, 2, t));
            return (Pair: pair, Random: random);
        }, MaxDegreeOfParallelism, progress, "matrices", cancellationToken);
        var points = sizes.Select((k, i) =>
        {
            var mine = cells.Skip(i * Trials).Take(Trials).ToArray();
            var point = DesignComparison.Summarise(k, mine.Select(c => c.Pair).ToArray());
            if (RandomDraws == 0) return point;
            double[] eff = mine.SelectMany(c => c.Random.Efficiency).ToArray(), jac = mine.SelectMany(c => c.Random.Jaccard).ToArray();
            return point with
            {
                RandomEfficiency = eff.Average(), RandomEfficiencySpread = DesignComparison.Spread(eff),
                RandomJaccard = jac.Average(), RandomJaccardSpread = DesignComparison.Spread(jac),
            };
        }).ToArray();
        string source = $"Gaussian {Rows} × {Columns}, log-normal row scales σ = {RowScaleSpread:0.##}";
        return new DesignComparisonResult(source, Rows, Columns, points, clock.Elapsed.TotalSeconds);
    }
}
