using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// A short job: 2 warm-up and 7 measured iterations of ~0.5 s each, run in process. In process so that a run builds
/// no generated child project (each would lay down ~480 MB of libtorch natives again) and the natives loaded are
/// exactly the ones in this project's bin folder (patched by build/TorchNative.targets). All the timed work is native,
/// so the in-process toolchain's weaker isolation of the managed runtime matters little; torch's thread count is
/// process-wide and each class's GlobalSetup sets it.
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
        AddExporter(JsonExporter.Brief); // benchmarks/aggregate.py reads the medians (ns) from it
    }
}
