using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using System.Reflection;
using TorchSharp;

namespace LotteryTickets.Benchmarks;

public static class Program
{
    /// <summary>
    /// BenchmarkSwitcher: pass BenchmarkDotNet's own arguments through, e.g. <c>--filter '*'</c>,
    /// <c>--filter '*LeNet*'</c>, <c>--list flat</c>.
    /// </summary>
    public static void Main(string[] args)
    {
        var torchSharp = typeof(torch).Assembly.GetName().Version;
        Console.WriteLine($"TorchSharp {torchSharp}, {Environment.ProcessorCount} logical CPUs, default torch threads {torch.get_num_threads()}");
        Console.WriteLine($"OPENBLAS_CORETYPE={Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"} " +
                          $"OPENBLAS_L2_SIZE={Environment.GetEnvironmentVariable("OPENBLAS_L2_SIZE") ?? "(unset)"} (libtorch does not use OpenBLAS)");
        // One summary table for all classes (each class keeps its own [Config] job).
        BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly())
            .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
    }
}
