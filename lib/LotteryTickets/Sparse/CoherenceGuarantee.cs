namespace LotteryTickets.Sparse;

/// <summary>
/// The mutual-coherence guarantee for OMP (Tropp 2004; Donoho–Elad 2003): in a dictionary with unit-norm atoms and
/// coherence μ, every k-sparse x with k &lt; (1 + 1/μ)/2 is the unique sparsest solution of b = Ax and OMP recovers its
/// support exactly in k steps from noiseless b. A worst case over all supports and signs: random supports do far better.
/// </summary>
public static class CoherenceGuarantee
{
    /// <summary>The bound (1 + 1/μ)/2 for μ ∈ (0, 1] (+∞ for μ = 0).</summary>
    public static double SparsityBound(double mu)
    {
        Check.UnitInterval(mu);
        return mu == 0 ? double.PositiveInfinity : (1 + 1 / mu) / 2;
    }

    /// <summary>The largest k the guarantee covers: the largest integer strictly below <see cref="SparsityBound"/>.</summary>
    public static int MaxGuaranteedSparsity(double mu)
    {
        double bound = SparsityBound(mu);
        if (double.IsPositiveInfinity(bound)) return int.MaxValue;
        return (int)Math.Ceiling(bound) - 1;
    }

    /// <summary>True when k &lt; (1 + 1/μ)/2.</summary>
    public static bool Covers(int k, double mu)
    {
        Check.NonNegative(k);
        return k < SparsityBound(mu);
    }
}
