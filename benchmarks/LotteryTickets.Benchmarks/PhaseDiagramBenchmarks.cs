using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LotteryTickets.Experiments;
using LotteryTickets.Sparse;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// (i) The empirical phase diagram at the size: 30 δ × 30 ρ cells × 20 trials, n = 200, by ℓ1 (the lasso at
/// λ = 10⁻³·λ_max by the homotopy path, then least squares on its support) and by OMP — 18,000 fresh Gaussian
/// problems each, on all cores (the sweep's own parallelism, 2 here). No peer: the goal is ≤ 60 s for both together.
/// Each is tens of seconds, so one measured run per round (<see cref="MacroConfig"/>), after a 6×6×2 warm-up grid.
/// </summary>
[Config(typeof(MacroConfig))]
public class PhaseDiagramBenchmarks
{
    private static readonly double[] Steps = Enumerable.Range(1, 30).Select(i => i / 30.0).ToArray();

    [GlobalSetup]
    public void Setup()
    {
        var few = Steps.Where((_, i) => i % 5 == 4).ToArray();
        foreach (var method in new[] { PhaseDiagramMethod.L1, PhaseDiagramMethod.Omp })
            new PhaseDiagramSweep(few, few, 200, 2, 1, method).Run();
    }

    [Benchmark(Description = "phase_diagram_30x30x20_n200_l1")]
    public double L1() => new PhaseDiagramSweep(Steps, Steps, 200, 20, 8, PhaseDiagramMethod.L1).Run().ElapsedSeconds;

    [Benchmark(Description = "phase_diagram_30x30x20_n200_omp")]
    public double Omp() => new PhaseDiagramSweep(Steps, Steps, 200, 20, 8, PhaseDiagramMethod.Omp).Run().ElapsedSeconds;
}

/// <summary>One measured invocation per round, no BenchmarkDotNet warm-up (the benchmark's set-up warms the JIT on a
/// small grid): for workloads of tens of seconds.</summary>
public sealed class MacroConfig : ManualConfig
{
    public MacroConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(0)
            .WithIterationCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("Macro"));
        AddExporter(BenchmarkDotNet.Exporters.Json.JsonExporter.Brief);
    }
}
