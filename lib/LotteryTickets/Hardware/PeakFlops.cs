using static TorchSharp.torch;

namespace LotteryTickets.Hardware;

/// <summary>
/// The machine's peak: the best float32 FLOP/s of dense n×n matrix products (2n³ FLOPs each) over a few sizes — the
/// fastest of the timed runs of each size, the best size — at libtorch's current thread count: the denominator of η,
/// measured here rather than read from a data sheet.
/// </summary>
public static class PeakFlops
{
    /// <summary>Times n×n×n float32 matmuls per size (<see cref="Timing.Measure"/>; the fastest run counts) and keeps every rate.</summary>
    public static PeakMeasurement Measure(IReadOnlyList<int>? sizes = null, int repeats = 5)
    {
        sizes ??= [256, 512, 1024, 2048];
        Check.That(sizes.Count > 0 && sizes.All(n => n >= 8 && n <= 8192), "sizes must be matrix sides in [8, 8192].", nameof(sizes));
        Check.InRange(repeats, 1, 1000);
        var rates = new List<(int Size, double FlopsPerSecond)>();
        using var generator = new TorchSharp.torch.Generator(0);
        foreach (int n in sizes)
        {
            using var a = randn(n, n, generator: generator);
            using var b = randn(n, n, generator: generator);
            var timing = Timing.Measure(() => { using var c = a.matmul(b); }, warmup: 2, repeats: repeats);
            rates.Add((n, 2.0 * n * n * n / timing.MinSeconds));
        }
        return new PeakMeasurement(rates, get_num_threads());
    }
}

/// <summary>What <see cref="PeakFlops.Measure"/> found.</summary>
/// <param name="Rates">FLOP/s per matrix side, in the order measured.</param>
/// <param name="Threads">libtorch's CPU threads during the measurement.</param>
public sealed record PeakMeasurement(IReadOnlyList<(int Size, double FlopsPerSecond)> Rates, int Threads)
{
    /// <summary>The best rate: the peak η is measured against.</summary>
    public double FlopsPerSecond => Rates.Max(r => r.FlopsPerSecond);
}
