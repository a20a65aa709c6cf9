namespace LotteryTickets.Sparse;

/// <summary>
/// Settings of <see cref="L1PathSweep"/>: lasso paths on problems with a planted ticket (A Gaussian m×n, k Gaussian
/// nonzeros, noise at SnrDb), compared with magnitude pruning of the dense (minimum-norm) fit.
/// </summary>
/// <param name="M">Measurements.</param>
/// <param name="N">Unknowns.</param>
/// <param name="K">Nonzeros of the ticket (≤ N).</param>
/// <param name="SnrDb">Measurement SNR in dB (finite).</param>
/// <param name="Lambdas">Points of the λ path, geometric from λ_max down to LambdaRatio·λ_max (≥ 2).</param>
/// <param name="LambdaRatio">Smallest λ / λ_max, in (0, 1).</param>
/// <param name="Problems">Independent problems; the path's numbers are means over them.</param>
/// <param name="Seed">Master seed (problem p as in <see cref="L1Convergence.Problem"/>).</param>
/// <param name="PruneFraction">Share of the kept atoms each level of iterative pruning removes, in (0, 1).</param>
/// <param name="Algorithm">The ℓ1 solver along the path (FISTA by default: its iteration counts show what warm starts save;
/// proximal Newton solves a least-squares lasso in one outer step either way).</param>
/// <param name="Tolerance">Duality-gap tolerance of each fit (relative to P(0)).</param>
/// <param name="MaxIterations">Outer iterations at most per fit.</param>
public sealed record L1PathSweepOptions(
    int M,
    int N,
    int K,
    double SnrDb,
    int Lambdas,
    double LambdaRatio,
    int Problems,
    int Seed,
    double PruneFraction = 0.2,
    L1Algorithm Algorithm = L1Algorithm.Fista,
    double Tolerance = 1e-8,
    int MaxIterations = 5000);
