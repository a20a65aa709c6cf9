using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>A fitted Orthogonal Matching Pursuit solution (immutable).</summary>
public sealed class OmpResult
{
    internal OmpResult(int[] support, Vector<double> coefficients, double[] residualNorms, OmpStopReason stopReason)
    {
        Support = Array.AsReadOnly(support);
        Coefficients = coefficients;
        ResidualNormHistory = Array.AsReadOnly(residualNorms);
        StopReason = stopReason;
    }

    /// <summary>Selected atom indices in selection order.</summary>
    public IReadOnlyList<int> Support { get; }

    /// <summary>Dense coefficient vector of length n (zero off the support). Treat as read-only.</summary>
    public Vector<double> Coefficients { get; }

    /// <summary>‖b − Ax‖₂ before the first step (‖b‖) and after each selection: length |Support| + 1.</summary>
    public IReadOnlyList<double> ResidualNormHistory { get; }

    /// <summary>Final residual norm ‖b − Ax‖₂.</summary>
    public double ResidualNorm => ResidualNormHistory[^1];

    /// <summary>Why the pursuit stopped.</summary>
    public OmpStopReason StopReason { get; }
}

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
