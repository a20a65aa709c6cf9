namespace LotteryTickets.Experiments;

/// <summary>One network's three selections of k units (<see cref="UnitSelectionSweep"/>), on the activation design.</summary>
/// <param name="SubsetSize">k, the units kept.</param>
/// <param name="OptimalMethod">"exact" (searched exhaustively) or "exchange" (Fedorov exchange from greedy: a local optimum, so
/// the efficiencies against it are upper bounds and can exceed 1).</param>
/// <param name="OptimalUnits">The A-optimal units, ascending.</param>
/// <param name="MagnitudeUnits">The units of largest incoming-weight norm (notebook 01's rule), ascending.</param>
/// <param name="MagnitudeEfficiency">A-efficiency of the magnitude units: optimal ÷ their criterion (0 when singular).</param>
/// <param name="MagnitudeJaccard">Jaccard overlap of the magnitude and A-optimal units.</param>
/// <param name="ChanceJaccard">The overlap of two uniformly random k-subsets (<c>DesignComparison.RandomJaccard</c>).</param>
/// <param name="RandomEfficiency">Mean A-efficiency of the random draws.</param>
/// <param name="RandomEfficiencySpread">Standard deviation of the random draws' efficiencies.</param>
/// <param name="RandomJaccard">Mean Jaccard overlap of the random draws with the A-optimal units.</param>
/// <param name="OptimalAccuracy">Test accuracy (%) of the read-out refitted on the A-optimal units.</param>
/// <param name="MagnitudeAccuracy">Test accuracy (%) of the read-out refitted on the magnitude units.</param>
/// <param name="RandomAccuracy">Mean test accuracy (%) of the read-outs refitted on the random draws (the first
/// <c>RefitDraws</c> of them).</param>
/// <param name="RandomAccuracySpread">Standard deviation of the random draws' accuracies (points).</param>
public sealed record UnitSelectionPoint(int SubsetSize, string OptimalMethod, IReadOnlyList<int> OptimalUnits, IReadOnlyList<int> MagnitudeUnits,
    double MagnitudeEfficiency, double MagnitudeJaccard, double ChanceJaccard, double RandomEfficiency, double RandomEfficiencySpread,
    double RandomJaccard, double OptimalAccuracy, double MagnitudeAccuracy, double RandomAccuracy, double RandomAccuracySpread);
