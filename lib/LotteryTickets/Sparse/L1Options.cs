namespace LotteryTickets.Sparse;

/// <summary>Settings of <see cref="L1Regression"/> for min F(Ax) + λ‖x‖₁ (optionally subject to x ≥ 0).</summary>
/// <param name="Lambda">Regularisation weight λ ≥ 0 (scikit-learn's alpha, up to its 1/n scaling).</param>
/// <param name="Algorithm">ISTA, FISTA or proximal Newton.</param>
/// <param name="Loss">Least squares or logistic.</param>
/// <param name="Tolerance">Stop when the duality gap ≤ Tolerance·P(0), where P(0) = F(0) is the objective at x = 0.</param>
/// <param name="MaxIterations">Outer iterations at most (proximal steps, or Newton steps).</param>
/// <param name="NonNegative">Constrain x ≥ 0 (the prox becomes max(v − λ/L, 0)).</param>
public sealed record L1Options(
    double Lambda,
    L1Algorithm Algorithm = L1Algorithm.Fista,
    L1Loss Loss = L1Loss.Squared,
    double Tolerance = 1e-8,
    int MaxIterations = 20_000,
    bool NonNegative = false);
