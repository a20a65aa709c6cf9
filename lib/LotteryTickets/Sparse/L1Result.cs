using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>A fitted ℓ1-regularised solution (immutable).</summary>
public sealed class L1Result
{
    internal L1Result(double lambda, Vector<double> coefficients, IReadOnlyList<L1IterationRecord> history, bool converged)
    {
        Lambda = lambda;
        Coefficients = coefficients;
        History = history;
        Converged = converged;
    }

    /// <summary>The λ this solution belongs to.</summary>
    public double Lambda { get; }

    /// <summary>Coefficients x (length n). Treat as read-only.</summary>
    public Vector<double> Coefficients { get; }

    /// <summary>Objective, duality gap and elapsed time per outer iteration (entry 0 is the start).</summary>
    public IReadOnlyList<L1IterationRecord> History { get; }

    /// <summary>Final primal objective.</summary>
    public double Objective => History[^1].Objective;

    /// <summary>Final duality gap.</summary>
    public double DualityGap => History[^1].DualityGap;

    /// <summary>Outer iterations run.</summary>
    public int Iterations => History[^1].Iteration;

    /// <summary>Whether the duality-gap tolerance was met (otherwise MaxIterations ran out).</summary>
    public bool Converged { get; }

    /// <summary>Number of nonzero coefficients.</summary>
    public int SupportSize => Coefficients.Count(v => v != 0);
}

/// <summary>One entry of an ℓ1 solver's history: after outer iteration <paramref name="Iteration"/>.</summary>
/// <param name="Iteration">1-based outer iteration (0 is the starting point).</param>
/// <param name="Objective">Primal objective F(Ax) + λ‖x‖₁.</param>
/// <param name="DualityGap">Primal minus the dual value at the scaled-residual dual point (≥ 0 up to rounding).</param>
/// <param name="ElapsedSeconds">Wall-clock seconds since the fit started.</param>
/// <param name="Nonzeros">Coefficients of this iterate that are not exactly 0.</param>
public readonly record struct L1IterationRecord(int Iteration, double Objective, double DualityGap, double ElapsedSeconds, int Nonzeros = 0);
