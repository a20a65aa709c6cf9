namespace LotteryTickets.Sparse;

/// <summary>
/// Settings of <see cref="L1Convergence"/>: ISTA, FISTA and proximal Newton on the same lasso problems
/// min ½‖Ax − b‖² + λ‖x‖₁ (A Gaussian m×n, b a noisy measurement of a k-sparse Gaussian ticket, λ = LambdaRatio·λ_max).
/// </summary>
/// <param name="M">Measurements.</param>
/// <param name="N">Unknowns.</param>
/// <param name="K">Nonzeros of the planted ticket (≤ N).</param>
/// <param name="SnrDb">Measurement SNR in dB (finite).</param>
/// <param name="LambdaRatio">λ / λ_max ∈ (0, 1]: smaller means a larger support and a harder problem.</param>
/// <param name="Problems">Independent problems (each its own A, ticket and noise).</param>
/// <param name="Seed">Master seed; problem p derives its seeds from (Seed, p).</param>
/// <param name="Tolerance">Each solver stops when its duality gap ≤ Tolerance·P(0).</param>
/// <param name="MaxIterations">Outer iterations at most, per solver and problem.</param>
public sealed record L1ConvergenceOptions(
    int M,
    int N,
    int K,
    double SnrDb,
    double LambdaRatio,
    int Problems,
    int Seed,
    double Tolerance = 1e-10,
    int MaxIterations = 5000);
