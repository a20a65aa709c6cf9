namespace LotteryTickets.Hardware;

/// <summary>What <see cref="Timing.Measure"/> measured.</summary>
/// <param name="Seconds">Every timed run, in order.</param>
/// <param name="Warmup">Untimed runs before them.</param>
/// <param name="Threads">libtorch's CPU threads during the runs.</param>
public sealed record TimingResult(IReadOnlyList<double> Seconds, int Warmup, int Threads)
{
    /// <summary>The median run (mean of the middle two for an even count).</summary>
    public double MedianSeconds => Median(Seconds);

    /// <summary>The fastest run.</summary>
    public double MinSeconds => Seconds.Min();

    /// <summary>The slowest run.</summary>
    public double MaxSeconds => Seconds.Max();

    // The median of values (mean of the middle two for an even count); the library's one median.
    internal static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }
}
