namespace LotteryTickets.Tests.Hardware;

public class SpeedSweepTests
{
    // A LeNet of 8×8 inputs, 32 and 16 hidden units: every variant in well under a second.
    private static readonly ModelHparams Small = new LeNetHparams { Hidden1 = 32, Hidden2 = 16, ImageSize = 8 };

    private static SpeedSweep Sweep => new(Small, [0.5, 0.9], [4, 32], Warmup: 1, Repeats: 2);

    [Fact]
    public void MeasuresEveryVariantAtEverySparsityAndBatch()
    {
        var r = Sweep.Run();
        Assert.Equal(2 * (1 + 2 * 3), r.Rows.Count);
        Assert.Equal([4, 32], r.BatchSizes);
        Assert.True(r.PeakFlopsPerSecond > 0);
        Assert.Equal(1, r.Threads);
        foreach (var row in r.Rows)
        {
            Assert.True(row.Train.Median > 0 && row.Inference.Median > 0 && row.Train.Repeats >= 2);
            double eta = r.Efficiency(row);
            Assert.True(eta > 0 && eta <= 1, $"η = {eta} for {row.Variant} at {row.Sparsity}");
        }
        Assert.Equal(1.0, r.Speedup(r.Dense(4)));
        // Every run's seconds are kept, paired with the dense runs timed beside them: the spread a timing claim reads.
        foreach (var row in r.Rows.Where(x => x.Variant != SpeedVariants.Dense))
        {
            Assert.Equal(2, row.Train.Seconds.Count);
            Assert.Equal(row.Train.Seconds.Zip(row.DenseTrain.Seconds, (a, d) => a / d), row.TimeRatios());
            Assert.Equal(row.Train.Median, row.Train.Seconds.Average(), 12);                  // two runs: the median is their mean
        }
        Assert.All(r.Dense(4).TimeRatios(), x => Assert.Equal(1, x));
        // Uniform per-layer masks: the useful MACs are the kept weights, so theory = dense weights ÷ kept weights.
        var masked = r.Of(SpeedVariants.Masked, 4);
        Assert.Equal((double)r.DenseWeights / masked[0].Weights, r.TheoreticalSpeedup(masked[0]), 12);
        // The sparse kernel multiplies exactly the weights the mask keeps, at every sparsity and batch (no weight
        // zeroed by an earlier measurement may drop out of its matrices).
        foreach (int b in r.BatchSizes)
            Assert.Equal(r.Of(SpeedVariants.Masked, b).Select(x => x.Weights), r.Of(SpeedVariants.SparseKernel, b).Select(x => x.Weights));
        // The compacted model has about as many weights as the mask keeps.
        var compact = r.Of(SpeedVariants.Compacted, 4);
        Assert.InRange((double)compact[0].Weights / r.DenseWeights, 0.45, 0.55);
        Assert.InRange((double)compact[1].Weights / r.DenseWeights, 0.07, 0.13);
    }

    [Fact]
    public void TheRunStoreKeepsTheMeasurement()
    {
        using var temp = new TempFolder();
        var store = new RunStore(temp["runs.db"]);
        var first = Sweep.Run(new ExperimentContext { Store = store });
        var second = Sweep.Run(new ExperimentContext { Store = store });
        Assert.Equal(first.Rows.Select(r => r.Train.Median), second.Rows.Select(r => r.Train.Median));   // loaded, not re-timed
        Assert.NotEqual(Sweep.Key(Budget.Quick), (Sweep with { Threads = 2 }).Key(Budget.Quick));        // threads name the run
        Assert.Equal(first.Rows.Select(r => r.Train.Seconds), second.Rows.Select(r => r.Train.Seconds));
        // A result stored before every run's seconds were kept is not found again (it has no spread to decide from).
        Assert.Contains("extra.timings=every run", Sweep.Key(Budget.Quick).Lines);
    }

    [Fact]
    public void UniformCountsHitTheWeightFractionAndCompactionKeepsTheOutputs()
    {
        using var model = new LeNet300100();
        foreach (double f in new[] { 0.5, 0.25, 0.1, 0.02 })
        {
            var counts = Compaction.UniformCounts(model, f);
            using var smaller = model.Resized(counts);
            // Units are whole: the closest size is within one fc1 neuron's weights (784 inputs + its fc2 row) of the target.
            Assert.InRange(smaller.PrunableCount, f * model.PrunableCount - 900, f * model.PrunableCount + 900);
        }
        Assert.Equal("weightFraction", Assert.ThrowsAny<ArgumentException>(() => Compaction.UniformCounts(model, 0)).ParamName);

        var mask = PruningStrategies.PruneRepeatedly(model, new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.3 }, 3);
        using var g = new TorchSharp.torch.Generator(1);
        var check = Compaction.Verify(model, mask, TorchSharp.torch.randn([50, 784], generator: g));
        Assert.True(check.MaxRelativeDifference <= 1e-5, check.ToString());
        Assert.Equal(check.KeptWeights, check.CompactWeights);
        int expected = 300;                                        // ceil(0.3 × remaining) removed per level
        for (int level = 0; level < 3; level++) expected -= (int)Math.Ceiling(0.3 * expected);
        Assert.Equal(expected, check.Units["fc1"]);
    }
}
