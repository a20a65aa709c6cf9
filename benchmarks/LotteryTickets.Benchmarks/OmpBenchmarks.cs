using BenchmarkDotNet.Attributes;
using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// (e) Orthogonal Matching Pursuit on A 256×1024 (unit columns), k = 32 — one signal through the plain path
/// (<see cref="OrthogonalMatchingPursuit.Fit"/>; peer: scikit-learn's <c>orthogonal_mp</c>) and 100 signals through the
/// Gram path (<see cref="OrthogonalMatchingPursuit.FitMany"/>, Gram included; peer: <c>orthogonal_mp(precompute=True)</c>).
/// One thread on both sides. The instance and this side's supports are written for the peer (<see cref="SparseInstances"/>).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class OmpBenchmarks
{
    private Matrix<double> _a = null!, _b = null!;
    private Vector<double> _first = null!;
    private readonly OrthogonalMatchingPursuit _omp = new(new OmpOptions(NonzeroCoefs: SparseInstances.OmpK));

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = SparseInstances.Omp();
        _first = _b.Column(0);
        var results = _omp.FitMany(_a, _b);
        if (!results[0].Support.Order().SequenceEqual(_omp.Fit(_a, _first).Support.Order()))
            throw new InvalidOperationException("the plain and Gram paths disagree on signal 0's support.");
        SparseInstances.WriteOmp(_a, _b, results);
    }

    [Benchmark(Description = "omp_one_signal_256x1024_k32")]
    public int OneSignal() => _omp.Fit(_a, _first).Support.Count;

    [Benchmark(Description = "omp_100_signals_gram_256x1024_k32")]
    public int HundredSignals() => _omp.FitMany(_a, _b).Count;
}
