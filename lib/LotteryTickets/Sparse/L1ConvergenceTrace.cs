namespace LotteryTickets.Sparse;

/// <summary>One solver's history on one problem of <see cref="L1Convergence"/>.</summary>
/// <param name="Algorithm">The solver.</param>
/// <param name="Problem">The problem's index.</param>
/// <param name="Seconds">Wall-clock seconds since the fit started, per outer iteration (entry i is iteration i).</param>
/// <param name="Objective">Primal objective per outer iteration.</param>
/// <param name="Converged">Whether the duality-gap tolerance was met.</param>
/// <param name="SupportSize">Nonzeros of the final iterate.</param>
public sealed record L1ConvergenceTrace(L1Algorithm Algorithm, int Problem, double[] Seconds, double[] Objective, bool Converged, int SupportSize)
{
    /// <summary>Outer iterations run.</summary>
    public int Iterations => Objective.Length - 1;
}
