namespace LotteryTickets.Hardware;

/// <summary>What <see cref="Timing.Measure"/> measured.</summary>
/// <param name="Seconds">Every timed run, in order.</param>
/// <param name="Warmup">Untimed runs before them.</param>
/// <param name="Threads">libtorch's CPU threads during the runs.</param>
public sealed record TimingResult(IReadOnlyList<double> Seconds, int Warmup, int Threads)
{
    /// <summary>The median run (mean of the middle two for an even count).</summary>
    public double MedianSeconds
    {
        get
        {
            var s = Seconds.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
        }
    }

    /// <summary>The fastest run.</summary>
    public double MinSeconds => Seconds.Min();

    /// <summary>The slowest run.</summary>
    public double MaxSeconds => Seconds.Max();
}
