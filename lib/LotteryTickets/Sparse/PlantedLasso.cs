using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// Lasso problems with a planted ticket, as the ℓ1 chapter draws them: A Gaussian m×n (unit columns),
/// b = A·x + noise at a given SNR, x with k Gaussian nonzeros. Problem <c>index</c> of a seed derives its three draws
/// from (seed, index), so a sweep's problems do not depend on how many it draws or in which order.
/// </summary>
public static class PlantedLasso
{
    /// <summary>Checks the sizes of a family of problems (each ArgumentException names M, N, K or SnrDb, as the sweeps
    /// that draw them call their settings).</summary>
    internal static void CheckRelations(int n, int k) => Check.InRange(k, 1, n, "K");

    /// <summary>Problem <paramref name="index"/>: the matrix A and the noisy measurement b.</summary>
    public static (Matrix<double> A, Vector<double> B) Problem(int m, int n, int k, double snrDb, int seed, int index)
    {
        var a = Dictionaries.Gaussian(m, n, SplitMix64.Derive(seed, index, 0, 0));
        var x = Ticket(n, k, seed, index);
        return (a, SparseSignals.AddNoise(a * x, snrDb, SplitMix64.Derive(seed, index, 2, 0)));
    }

    /// <summary>The planted ticket x of <see cref="Problem"/> (same seeds).</summary>
    public static Vector<double> Ticket(int n, int k, int seed, int index) =>
        SparseSignals.KSparse(n, k, SignalKind.Gaussian, SplitMix64.Derive(seed, index, 1, 0));
}
