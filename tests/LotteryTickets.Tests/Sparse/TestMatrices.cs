using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

internal static class TestMatrices
{
    public static Matrix<double> Gaussian(int m, int n, int seed)
    {
        var rng = new SeededRandom(seed);
        return Matrix<double>.Build.Dense(m, n, (_, _) => Normal.Sample(rng, 0, 1));
    }

    public static Vector<double> GaussianVector(int n, int seed)
    {
        var rng = new SeededRandom(seed);
        return Vector<double>.Build.Dense(n, _ => Normal.Sample(rng, 0, 1));
    }

    /// <summary>Random n×n orthogonal matrix (Q of a Gaussian matrix).</summary>
    public static Matrix<double> Orthogonal(int n, int seed) => Gaussian(n, n, seed).QR().Q;

    public static double Soft(double v, double t) => Math.Sign(v) * Math.Max(Math.Abs(v) - t, 0);
}
