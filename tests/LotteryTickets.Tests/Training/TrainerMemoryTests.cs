using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Training;

public class TrainerMemoryTests
{
    /// <summary>Tensors left alive by training do not depend on how many epochs ran (every batch is disposed).</summary>
    [Fact]
    public void LiveTensorCountDoesNotGrowWithEpochs()
    {
        var data = Synthetic.Splits();
        using var model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 }.Create(CPU, 1);
        var mask = Mask.Dense(model);
        long LiveAfter(int epochs)
        {
            long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            Trainer.Train(model, mask, data.Train, null, data.Test, new TrainingHparams { Epochs = epochs }, seed: 1);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
        }
        LiveAfter(1);
        long one = LiveAfter(1);
        long five = LiveAfter(5);
        Assert.True(five <= one && one <= 0, $"live tensors after 1 epoch: +{one}, after 5 epochs: +{five}");
    }

    /// <summary>An IMP run and its controls leave no tensors behind, however many levels ran (the run's snapshots
    /// and masks are host arrays).</summary>
    [Fact]
    public void ImpRunLeavesNoTensorsBehind()
    {
        var data = Synthetic.Splits();
        var h = new LotteryHparams { Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 }, Training = new TrainingHparams { Epochs = 1 } };
        long Leaked(int levels)
        {
            long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            var run = IterativeMagnitudePruning.Run(h, data, seed: 0, levels);
            LotteryControls.Train(run, TicketSeries.RandomMask, 1);
            LotteryControls.Train(run, TicketSeries.RandomReinit, 1);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
        }
        Leaked(1);
        long one = Leaked(1), three = Leaked(3);
        Assert.True(one <= 0 && three <= 0, $"tensors left alive: {one} after 1 level, {three} after 3 levels");
    }

    [Fact]
    public void ATwentyLevelRunHoldsNoMoreTensorsPerLevel()
    {
        // Live tensors at the end of each level's training must not grow: a level's mask, kept in the run's results,
        // is host arrays, so any growth would be a per-level leak.
        var data = Synthetic.Splits();
        var h = new LotteryHparams
        {
            Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 }, Training = new TrainingHparams { Epochs = 1 },
        };
        var liveAtLevelEnd = new Dictionary<int, long>();
        var recorder = new Recorder(p =>
        {
            if (p.Point.Iteration == p.TotalIterations) liveAtLevelEnd[p.Level] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        });
        var run = IterativeMagnitudePruning.Run(h, data, seed: 0, levels: 20, recorder);
        var growth = Enumerable.Range(2, 19).Select(l => liveAtLevelEnd[l] - liveAtLevelEnd[l - 1]).ToList();
        Assert.All(growth, g => Assert.Equal(0, g));
    }

    private sealed class Recorder(Action<ImpProgress> onReport) : IProgress<ImpProgress>
    {
        public void Report(ImpProgress value) => onReport(value);
    }
}
