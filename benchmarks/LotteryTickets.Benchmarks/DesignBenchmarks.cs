using BenchmarkDotNet.Attributes;
using LotteryTickets.Design;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// (h) Exact A-optimal design, X 24×4, k = 6: all C(24, 6) = 134,596 subsets. <see cref="ExactAOptimalSearch"/>
/// (depth-first, one inverse per full-rank prefix, Sherman–Morrison below it) against brute force with a fresh inverse
/// per subset (<see cref="AOptimality.Criterion"/>: the SVD of every X_S). Peer: the same brute force in NumPy, batched
/// (<c>np.linalg.inv</c> over the stacked information matrices of all subsets). One thread.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class DesignBenchmarks
{
    public const int Subsets = 134_596;
    private Matrix<double> _x = null!;
    private readonly ExactAOptimalSearch _exact = new(new DesignOptions(SparseInstances.DesignK));

    [GlobalSetup]
    public void Setup()
    {
        _x = SparseInstances.Design();
        var best = _exact.Select(_x);
        if (Math.Abs(BruteForce() - best.Criterion) > 1e-9 * best.Criterion)
            throw new InvalidOperationException("the exact search and the brute force disagree.");
        SparseInstances.WriteDesign(_x, best);
    }

    [Benchmark(Description = "aoptimal_exact_24x4_k6")]
    public double Exact() => _exact.Select(_x).Criterion;

    [Benchmark(Description = "aoptimal_bruteforce_24x4_k6")]
    public double BruteForce()
    {
        int m = _x.RowCount, k = SparseInstances.DesignK;
        var c = Enumerable.Range(0, k).ToArray();
        double best = double.PositiveInfinity;
        while (true)
        {
            best = Math.Min(best, AOptimality.Criterion(_x, c));
            int i = k - 1;
            while (i >= 0 && c[i] == m - k + i) i--;
            if (i < 0) return best;
            c[i]++;
            for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
        }
    }
}
