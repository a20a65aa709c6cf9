using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace LotteryTickets.Sparse;

/// <summary>
/// The theoretical ℓ1 phase transition (Donoho–Tanner weak threshold) through the statistical dimension of the
/// descent cone (Amelunxen–Lotz–McCoy–Tropp, "Living on the edge"): with ε = k/n,
/// ψ(ε) = min_{τ≥0} ε(1 + τ²) + (1 − ε)·E(|g| − τ)₊² (signed) or ε(1 + τ²) + (1 − ε)·E(g − τ)₊² (non-negative),
/// g ~ N(0, 1); the transition is δ = ψ(ε), and ρ = ε/δ. Asymptotically equal to Donoho–Tanner's weak threshold.
/// </summary>
public static class PhaseTransition
{
    private static double Q(double t) => 0.5 * SpecialFunctions.Erfc(t / Math.Sqrt(2));
    private static double Phi(double t) => Math.Exp(-0.5 * t * t) / Math.Sqrt(2 * Math.PI);

    /// <summary>E(g − τ)₊² = (1 + τ²)Q(τ) − τφ(τ) for g ~ N(0, 1).</summary>
    private static double TailSecondMoment(double t) => (1 + t * t) * Q(t) - t * Phi(t);

    /// <summary>The minimising threshold τ*(ε) of the statistical dimension.</summary>
    public static double OptimalThreshold(double epsilon, bool nonNegative = false)
    {
        Check.UnitInterval(epsilon);
        if (epsilon >= 1) return 0;
        if (epsilon <= 0) return double.PositiveInfinity;
        double c = nonNegative ? 1 : 2;
        // d/dτ = 0  ⇔  ετ = c(1 − ε)(φ(τ) − τQ(τ)); the left side increases and the right side decreases in τ.
        double H(double t) => epsilon * t - c * (1 - epsilon) * (Phi(t) - t * Q(t));
        return Brent.FindRoot(H, 0, 40, 1e-15, 500);
    }

    /// <summary>Statistical dimension per coordinate ψ(ε) of the ℓ1 descent cone at a k-sparse point, ε = k/n ∈ [0, 1].</summary>
    public static double StatisticalDimension(double epsilon, bool nonNegative = false)
    {
        Check.UnitInterval(epsilon);
        if (epsilon <= 0) return 0;
        if (epsilon >= 1) return 1;
        double t = OptimalThreshold(epsilon, nonNegative);
        double c = nonNegative ? 1 : 2;
        return epsilon * (1 + t * t) + (1 - epsilon) * c * TailSecondMoment(t);
    }

    /// <summary>
    /// The weak threshold ρ_W(δ) = k/m at undersampling δ = m/n ∈ (0, 1]: solves ψ(ε) = δ for ε (Brent, to ~1e-15)
    /// and returns ε/δ. Signed signals by default; <paramref name="nonNegative"/> for x ≥ 0 with the constraint used.
    /// </summary>
    public static double WeakThreshold(double delta, bool nonNegative = false)
    {
        Check.That(double.IsFinite(delta) && delta > 0 && delta <= 1, $"delta must be in (0, 1]; got {delta}.", nameof(delta));
        if (delta >= 1) return 1;
        double eps = Brent.FindRoot(e => StatisticalDimension(e, nonNegative) - delta, 1e-300, 1, 1e-16, 500);
        return eps / delta;
    }

    /// <summary>
    /// Predicts whether a k-sparse "ticket" in dimension n (e.g. the k nonzero weights of a planted sparse linear
    /// teacher with n inputs) is recoverable by ℓ1 from m samples: Margin = ρ_W(m/n) − k/m, recoverable when &gt; 0.
    /// </summary>
    public static RecoveryPrediction Predict(int k, int m, int n, bool nonNegative = false)
    {
        Check.Positive(n);
        Check.InRange(m, 1, n);
        Check.InRange(k, 0, m);
        double delta = (double)m / n, rho = (double)k / m, threshold = WeakThreshold(delta, nonNegative);
        double margin = threshold - rho;
        return new RecoveryPrediction(margin > 0, margin, delta, rho, threshold);
    }

    /// <summary>
    /// The fewest samples m ∈ [max(k, 1), n] for which <see cref="Predict"/> says a k-sparse vector in dimension n is
    /// recoverable (the margin ρ_W(m/n) − k/m grows with m, so a bisection finds it); n when k = n.
    /// </summary>
    public static int MinimumSamples(int k, int n, bool nonNegative = false)
    {
        Check.Positive(n);
        Check.InRange(k, 0, n);
        int lo = Math.Max(k, 1), hi = n;
        if (!Predict(k, hi, n, nonNegative).Recoverable) return n;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Predict(k, mid, n, nonNegative).Recoverable) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
