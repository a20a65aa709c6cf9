using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// Thresholding rules: magnitude pruning is hard thresholding (keep the large entries as they are), the ℓ1 proximal step
/// is soft thresholding (keep them, shrunk by t). With an orthonormal A the lasso solution is exactly Soft(Aᵀb, λ).
/// </summary>
public static class Shrinkage
{
    /// <summary>sign(zᵢ)·max(|zᵢ| − t, 0).</summary>
    public static Vector<double> Soft(Vector<double> z, double t)
    {
        Check.Finite(z);
        Check.NonNegative(t);
        return Vector<double>.Build.Dense(z.Count, i => Math.Sign(z[i]) * Math.Max(Math.Abs(z[i]) - t, 0));
    }

    /// <summary>zᵢ where |zᵢ| &gt; t, else 0.</summary>
    public static Vector<double> Hard(Vector<double> z, double t)
    {
        Check.Finite(z);
        Check.NonNegative(t);
        return Vector<double>.Build.Dense(z.Count, i => Math.Abs(z[i]) > t ? z[i] : 0);
    }

    /// <summary>Magnitude pruning to <paramref name="count"/> entries: the indices of the largest |xᵢ| (ties: lower
    /// index first), sorted.</summary>
    public static int[] KeepLargest(Vector<double> x, int count)
    {
        Check.Finite(x);
        Check.InRange(count, 0, x.Count);
        return Enumerable.Range(0, x.Count).OrderByDescending(i => Math.Abs(x[i])).ThenBy(i => i).Take(count).Order().ToArray();
    }
}
