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
