using System.Diagnostics;
using static TorchSharp.torch;

namespace LotteryTickets.Hardware;

/// <summary>
/// Wall-clock timing of a piece of work, the way the notebooks and the benchmarks both measure it: a few warm-up runs
/// (JIT, allocator, libtorch's first-call set-up) that are not counted, then repeated runs whose median is reported
/// with the spread and libtorch's CPU thread count.
/// </summary>
public static class Timing
{
    /// <summary>Runs <paramref name="work"/> <paramref name="warmup"/> times untimed, then <paramref name="repeats"/> times timed.</summary>
    public static TimingResult Measure(Action work, int warmup = 3, int repeats = 10)
    {
        Check.NotNull(work);
        Check.InRange(warmup, 0, 1_000_000);
        Check.InRange(repeats, 1, 1_000_000);
        for (int i = 0; i < warmup; i++) work();
        var seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) seconds[i] = Seconds(work);
        return new TimingResult(seconds, warmup, get_num_threads());
    }

    /// <summary>
    /// Times <paramref name="a"/> and <paramref name="b"/> alternately (a, b, a, b, …) after <paramref name="warmup"/>
    /// untimed runs of each, so that drift of the machine (clock, neighbours, cache state) falls on both alike: the
    /// ratio of their medians is then a fair comparison even where either median alone wanders between measurements.
    /// </summary>
    public static (TimingResult A, TimingResult B) MeasureAlternating(Action a, Action b, int warmup = 3, int repeats = 10)
    {
        Check.NotNull(a);
        Check.NotNull(b);
        Check.InRange(warmup, 0, 1_000_000);
        Check.InRange(repeats, 1, 1_000_000);
        for (int i = 0; i < warmup; i++) { a(); b(); }
        var sa = new double[repeats];
        var sb = new double[repeats];
        for (int i = 0; i < repeats; i++) (sa[i], sb[i]) = (Seconds(a), Seconds(b)); // a's run, then b's
        int threads = get_num_threads();
        return (new TimingResult(sa, warmup, threads), new TimingResult(sb, warmup, threads));
    }

    // The wall-clock seconds of one run of work.
    private static double Seconds(Action work)
    {
        long start = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
