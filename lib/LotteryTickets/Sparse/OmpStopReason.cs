namespace LotteryTickets.Sparse;

/// <summary>Why <see cref="OrthogonalMatchingPursuit"/> stopped.</summary>
public enum OmpStopReason
{
    /// <summary>The requested number of atoms (<see cref="OmpOptions.NonzeroCoefs"/>) was selected.</summary>
    NonzeroCoefsReached,
    /// <summary>The residual norm fell to <see cref="OmpOptions.Tolerance"/> or below.</summary>
    ToleranceReached,
    /// <summary>The best next atom was numerically dependent on the selected ones (tiny Cholesky pivot).</summary>
    LinearlyDependent,
    /// <summary>The residual is orthogonal to every atom (all correlations are zero).</summary>
    NoCorrelation,
}
