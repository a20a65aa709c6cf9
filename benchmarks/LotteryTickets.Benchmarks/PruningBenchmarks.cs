using BenchmarkDotNet.Attributes;
using LotteryTickets.Models;
using LotteryTickets.Pruning;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// (d) One GlobalMagnitudePruning.Prune call on LeNet-300-100's 266,200 prunable weights (a snapshot, as IMP passes
/// them): the dense mask in, 20 % of the surviving weights removed (one IMP level), a new Mask out. 1 thread.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class PruningBenchmarks
{
    private PrunableModel _model = null!;
    private Mask _dense = null!;
    private WeightSnapshot _weights = null!;
    private readonly GlobalMagnitudePruning _strategy = new();
    private readonly PruningHparams _hparams = new() { Fraction = 0.2 };

    [GlobalSetup]
    public void Setup()
    {
        Workload.Threads(1);
        _model = Workload.LeNet();
        _dense = Mask.Dense(_model);
        _weights = WeightSnapshot.Capture(_model);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
    }

    [Benchmark(Description = "lenet_global_prune")]
    public long Prune()
    {
        var mask = _strategy.Prune(_dense, _weights, _hparams);
        return mask.KeptCount;
    }
}
