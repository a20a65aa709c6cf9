using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// A short job: 2 warm-up and 7 measured iterations of ~0.5 s each, in process. In process because the natives that
/// TorchSharp loads here are the patched copies in this project's bin folder (build/TorchNative.targets); a
/// BenchmarkDotNet-generated child project would load unpatched ones. All work is native, so the in-process
/// toolchain's weaker isolation of the managed runtime matters little.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithId("ShortRun"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
    }
}
