using MathNet.Numerics.LinearAlgebra;
using TorchSharp;

namespace LotteryTickets.Tests.Experiments;

public class NetworkTeacherTests
{
    /// <summary>A tiny LeNet (16 → 12 → 8 → 4, one epoch) on random 4×4 "digits", 64 test examples, and the sweep over its fc2.</summary>
    public static NetworkTeacherSweep Tiny(int? threads = null)
    {
        var hparams = new LotteryHparams
        {
            Model = new LeNetHparams { Hidden1 = 12, Hidden2 = 8, ImageSize = 4, Classes = 4 },
            Training = new TrainingHparams { BatchSize = 6, Epochs = 1, EvalEvery = 0 },
        };
        static TensorDataset Digits(int count, ulong seed)
        {
            using var gen = new torch.Generator(seed);
            return new TensorDataset(torch.rand([count, 1, 4, 4], generator: gen), torch.randint(0, 4, [count], generator: gen,
                dtype: torch.ScalarType.Int64));
        }
        var data = new TrainingData(Digits(24, 3), null, Digits(64, 4));
        return new NetworkTeacherSweep(new DenseNetworks(hparams, data, [1]), LeNetLayer.Fc2, K: 2, Samples: [2, 4, 8], Trials: 3, Seed: 5,
            Pool: 64, MaxDegreeOfParallelism: threads);
    }

    [Fact]
    public void OnGaussianFeaturesEveryLearnerFindsTheReadOutFromAsManyExamplesAsUnitsAndNoneFromFewerThanK()
    {
        // n = 20 Gaussian "units", k = 3. With m = 30 ≥ n noiseless examples the read-out is determined (full column rank), so ℓ1 and
        // both pruners find it in every trial; with m = 2 < k no learner can (a 3-sparse vector is not determined by 2 equations:
        // any other 3-sparse vector on the same support plus a null-space direction fits too, and ℓ1 picks at most m atoms).
        var sweep = Tiny() with { K = 3, Samples = [2, 30], Trials = 4, Pool = 64 };
        var r = sweep.Recover([Dictionaries.Gaussian(64, 20, 7), Dictionaries.Gaussian(64, 20, 8)], null, CancellationToken.None);
        Assert.Equal(8, r.Trials);
        Assert.Equal([20, 20], r.LiveUnits);
        Assert.Equal(PhaseTransition.MinimumSamples(3, 20), r.PredictedSamples[0]);
        var (few, many) = (r.Points[0], r.Points[1]);
        Assert.Equal((0, 0, 0), (few.L1Successes, few.OneShotSuccesses, few.IterativeSuccesses));
        Assert.Equal((8, 8, 8), (many.L1Successes, many.OneShotSuccesses, many.IterativeSuccesses));
        Assert.Equal(3, many.IterativeKept); // levels 20, 16, 13, 10, 8, 6, 5, 4, 3: the smallest holding the 3 non-zeros
        // ℓ1's shares 0 at m = 2 and 1 at m = 30 cross ½ at 2 + ½·28 = 16.
        Assert.Equal(16.0 / PhaseTransition.MinimumSamples(3, 20) - 1, r.RelativeCrossing(p => p.L1Successes).Mean, 12);
    }

    [Fact]
    public void FeaturesAreStandardisedAndDeadUnitsDropped()
    {
        // Column 0: 1, 3, 5 → mean 3, SD √(8/3) (population), so −1.2247…, 0, 1.2247…; columns 1 (all 0) and 2 (all 2) are dead.
        var f = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 2 }, { 3, 0, 2 }, { 5, 0, 2 } });
        var s = NetworkTeacherSweep.Standardised(f);
        Assert.Equal(1, s.ColumnCount);
        Assert.Equal(-2 / Math.Sqrt(8.0 / 3), s[0, 0], 12);
        Assert.Equal(0, s[1, 0], 12);
    }

    [Fact]
    public void OnATrainedNetworkItReadsTheLiveUnitsOfFc2()
    {
        var r = Tiny().Run();
        Assert.InRange(r.LiveUnits[0], 2, 8);
        Assert.Equal([2, 4, 8], r.Points.Select(p => p.Samples));
        Assert.All(r.Points, p => Assert.InRange(p.L1Successes, 0, 3));
    }

    [Fact]
    public void BadSettingsNameTheParameter()
    {
        Assert.Equal("Samples", Assert.ThrowsAny<ArgumentException>(() => (Tiny() with { Samples = [65] }).Run()).ParamName);
        Assert.Equal("NetworkCount", Assert.ThrowsAny<ArgumentException>(() => (Tiny() with { NetworkCount = 2 }).Run()).ParamName);
        Assert.Equal("Pool", Assert.ThrowsAny<ArgumentException>(() => (Tiny() with { Pool = 65 }).Run()).ParamName);
    }
}
