using static TorchSharp.torch;

namespace LotteryTickets.Tests.Lottery;

public class ImpTests
{
    private static readonly TrainingData Data = Synthetic.Splits(train: 600, test: 300);

    private static LotteryHparams Tiny(int rewindStep = 0, int epochs = 1, double? outputFraction = null) => new()
    {
        Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 },
        Training = new TrainingHparams { Epochs = epochs },
        Pruning = new PruningHparams { Fraction = 0.2, OutputFraction = outputFraction },
        RewindStep = rewindStep,
    };

    private const long Seed = 1;

    private static LotteryRun Run(LotteryHparams h, int levels = 2, long seed = Seed, IProgress<ImpProgress>? progress = null,
        CancellationToken cancellationToken = default) => IterativeMagnitudePruning.Run(h, Data, seed, levels, progress, cancellationToken);

    [Fact]
    public void EachLevelKeepsTheHandComputedCountAndSparsityFallsStrictly()
    {
        var progress = new SyncProgress<ImpProgress>();
        var run = Run(Tiny(outputFraction: 0.1), levels: 4, progress: progress);
        Assert.Equal(5, run.Levels.Count);
        long hidden = 784 * 32 + 32 * 16, output = 16 * 10;
        for (int level = 0; level < run.Levels.Count; level++)
        {
            var r = run.Levels[level];
            Assert.Equal(level, r.Level);
            if (level > 0)
            {
                hidden -= (long)Math.Ceiling(0.2 * hidden);
                output -= (long)Math.Ceiling(0.1 * output);
                Assert.True(r.PercentRemaining < run.Levels[level - 1].PercentRemaining);
            }
            Assert.Equal(hidden, r.Mask.Kept("fc1.weight") + r.Mask.Kept("fc2.weight"));
            Assert.Equal(output, r.Mask.Kept("fc3.weight"));
            Assert.Equal(hidden + output, r.Sparsity.Total.Kept);
            Assert.Equal(100.0 * (hidden + output) / (784 * 32 + 32 * 16 + 16 * 10), r.PercentRemaining, 10);
        }
        Assert.Equal(100.0, run.Levels[0].PercentRemaining);
        Assert.Equal([0, 1, 2, 3, 4], progress.Reports.Select(p => p.Level).Distinct());
        Assert.All(progress.Reports, p => Assert.Equal(TicketSeries.Ticket, p.Run));
    }

    [Fact]
    public void SameSeedGivesIdenticalMasksAndAccuraciesDifferentSeedDiffers()
    {
        var a = Run(Tiny(), seed: 4);
        var b = Run(Tiny(), seed: 4);
        var c = Run(Tiny(), seed: 5);
        for (int level = 0; level < 3; level++)
        {
            Assert.True(a.Levels[level].Mask.ContentEquals(b.Levels[level].Mask));
            Assert.Equal(a.Levels[level].Training.Evaluations, b.Levels[level].Training.Evaluations.Select(e => e with { }).ToList(),
                new EvaluationComparer());
        }
        Assert.True(a.LastTrainedWeights.ContentEquals(b.LastTrainedWeights));
        Assert.False(a.Levels[2].Mask.ContentEquals(c.Levels[2].Mask));
    }

    private sealed class EvaluationComparer : IEqualityComparer<EvaluationPoint>
    {
        public bool Equals(EvaluationPoint? x, EvaluationPoint? y) =>
            x!.Iteration == y!.Iteration && x.TestAccuracy == y.TestAccuracy &&
            BitConverter.DoubleToInt64Bits(x.TrainLoss) == BitConverter.DoubleToInt64Bits(y.TrainLoss);

        public int GetHashCode(EvaluationPoint obj) => obj.Iteration;
    }

    [Fact]
    public void RewindToInitialisationRestoresTheInitialWeightsExactlyUnderTheMask()
    {
        var h = Tiny();
        var run = Run(h, levels: 1);
        using (var fresh = h.Model.Create(CPU, Seed))
            Assert.True(run.RewindWeights.ContentEquals(WeightSnapshot.Capture(fresh)));

        // Rewinding a trained model: load the snapshot, apply the level-1 mask; compare bit for bit with rewind × mask.
        using var model = h.Model.Create(CPU, 99);
        Trainer.Train(model, null, Data.Train, null, Data.Test, h.Training, seed: 9);
        run.RewindWeights.LoadInto(model);
        var mask = run.Levels[1].Mask;
        using (var masked = new MaskedModel(model, mask)) masked.ApplyMask();
        foreach (var (name, p) in model.named_parameters())
        {
            var actual = Weights.Host(p);
            var saved = run.RewindWeights.Values(name).ToArray();
            var keep = mask.Layers.Contains(name) ? mask.Values(name).ToArray() : null;
            for (int i = 0; i < actual.Length; i++)
            {
                if (keep is not null && !keep[i]) Assert.True(actual[i] == 0f, $"{name}[{i}] = {actual[i]}, pruned");
                if (keep is null || keep[i])
                    Assert.Equal(BitConverter.SingleToInt32Bits(saved[i]), BitConverter.SingleToInt32Bits(actual[i]));
            }
        }
    }

    [Fact]
    public void LateRewindingSnapshotsTheWeightsAfterKIterationsAndResumesTheSchedule()
    {
        // 600 examples / batch 60 = 10 iterations per epoch; two epochs; rewind to iteration 10.
        var h = Tiny(rewindStep: 10, epochs: 2);
        var run = Run(h, levels: 1);

        // Oracle: the same init and data seed trained for exactly one epoch.
        using var model = h.Model.Create(CPU, Seed);
        Trainer.Train(model, null, Data.Train, null, Data.Test, h.Training with { Epochs = 1 }, Seed);
        var afterOneEpoch = WeightSnapshot.Capture(model);
        Assert.True(run.RewindWeights.ContentEquals(afterOneEpoch));

        Assert.Equal([10, 20], run.Levels[0].Training.Evaluations.Select(e => e.Iteration));
        Assert.Equal([20], run.Levels[1].Training.Evaluations.Select(e => e.Iteration));
        Assert.Equal(20, run.Levels[1].Training.TotalIterations);
    }

    [Fact]
    public void DenseEpochsLengthenOnlyLevelZeroAndThePruningRanksItsWeights()
    {
        // 600 examples / batch 60 = 10 iterations per epoch: level 0 trains 3 epochs (evaluated at 10, 20, 30), the pruned
        // level and its controls the 1-epoch schedule.
        var h = Tiny() with { DenseEpochs = 3 };
        var run = Run(h, levels: 1);
        Assert.Equal([10, 20, 30], run.Levels[0].Training.Evaluations.Select(e => e.Iteration));
        Assert.Equal([10], run.Levels[1].Training.Evaluations.Select(e => e.Iteration));
        Assert.Equal([10], LotteryControls.Train(run, TicketSeries.RandomReinit, seed: 7).Levels[0].Training.Evaluations.Select(e => e.Iteration));

        // Oracle: the dense network trained 3 epochs on its own, then one global magnitude step from the rewound mask.
        using var model = h.Model.Create(CPU, Seed);
        Trainer.Train(model, null, Data.Train, null, Data.Test, h.Training with { Epochs = 3 }, Seed);
        var trained = WeightSnapshot.Capture(model);
        Assert.True(IterativeMagnitudePruning.PruneNext(h, Mask.Dense(model), trained).ContentEquals(run.Levels[1].Mask));
        Assert.Equal(h.Training, h.TrainingAt(1));
        Assert.Equal(3, h.TrainingAt(0).Epochs);
        Assert.Equal(h.Training, Tiny().TrainingAt(0));
    }

    [Fact]
    public void ALevelIsAFunctionOfItsInputsSoARunCanResumeFromSavedState()
    {
        var full = Run(Tiny(), levels: 2);
        var partial = Run(Tiny(), levels: 1);
        var dir = Path.Combine(Path.GetTempPath(), $"imp-{Guid.NewGuid():N}");
        try
        {
            partial.Levels[1].Mask.Save(Path.Combine(dir, "mask1.bin"));
            partial.RewindWeights.Save(Path.Combine(dir, "rewind.bin"));
            partial.LastTrainedWeights.Save(Path.Combine(dir, "trained1.bin"));
            var mask1 = Mask.Load(Path.Combine(dir, "mask1.bin"));
            var rewind = WeightSnapshot.Load(Path.Combine(dir, "rewind.bin"));
            var trained1 = WeightSnapshot.Load(Path.Combine(dir, "trained1.bin"));
            Assert.True(rewind.ContentEquals(partial.RewindWeights));

            var h = Tiny();
            var mask2 = IterativeMagnitudePruning.PruneNext(h, mask1, trained1);
            var outcome = IterativeMagnitudePruning.TrainLevel(h, Seed, 2, mask2, rewind, Data);
            var __ = outcome.Result.Mask;
            Assert.True(outcome.Result.Mask.ContentEquals(full.Levels[2].Mask));
            Assert.Equal(full.Levels[2].Training.FinalTestAccuracy, outcome.Result.Training.FinalTestAccuracy);
            Assert.True(outcome.TrainedWeights.ContentEquals(full.LastTrainedWeights));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void ControlsReuseTheTicketsSparsity()
    {
        var run = Run(Tiny(), levels: 2);
        var progress = new SyncProgress<ImpProgress>();
        var randomMask = LotteryControls.Train(run, TicketSeries.RandomMask, seed: 7, progress: progress);
        var reinit = LotteryControls.Train(run, TicketSeries.RandomReinit, seed: 7);
        Assert.Equal([1, 2], randomMask.Levels.Select(l => l.Level));
        Assert.Equal([1, 2], reinit.Levels.Select(l => l.Level));
        foreach (var (control, ticket) in randomMask.Levels.Zip(run.Levels.Skip(1)))
        {
            foreach (var layer in ticket.Mask.Layers)
                Assert.Equal(ticket.Mask.Kept(layer), control.Mask.Kept(layer));
            Assert.False(control.Mask.ContentEquals(ticket.Mask));
            Assert.Equal(ticket.PercentRemaining, control.PercentRemaining);
        }
        foreach (var (control, ticket) in reinit.Levels.Zip(run.Levels.Skip(1)))
            Assert.True(control.Mask.ContentEquals(ticket.Mask));
        Assert.All(progress.Reports, p => Assert.Equal(TicketSeries.RandomMask, p.Run));

        var again = LotteryControls.RandomMaskLike(run.Levels[2].Mask, 7 + 2);
        Assert.True(again.ContentEquals(randomMask.Levels[1].Mask));
    }

    [Fact]
    public void BadSettingsAreRejectedWithTheParameterName()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Run(Tiny(rewindStep: 11)));
        Assert.Equal("RewindStep", ex.ParamName);
        // The rewind point must lie within level 0's schedule too when the dense network trains fewer epochs.
        var shortDense = Tiny(rewindStep: 11, epochs: 2) with { DenseEpochs = 1 };
        Assert.Equal("RewindStep", Assert.ThrowsAny<ArgumentException>(() => Run(shortDense)).ParamName);
        Assert.Equal("levels", Assert.ThrowsAny<ArgumentException>(() => Run(Tiny(), levels: -1)).ParamName);
        Assert.Equal("mask", Assert.ThrowsAny<ArgumentException>(() =>
            IterativeMagnitudePruning.TrainLevel(Tiny(), Seed, 1, null, null, Data)).ParamName);
    }

    [Fact]
    public void CancellationStopsTraining()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Run(Tiny(), cancellationToken: cts.Token));
    }
}
