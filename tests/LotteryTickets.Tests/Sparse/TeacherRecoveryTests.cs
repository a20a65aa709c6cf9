using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

public class TeacherRecoveryTests
{
    private static TeacherRecoverySweep Small(int seed = 3) => new(N: 30, K: 3, Samples: [2, 15, 30], Trials: 4, Seed: seed);

    [Fact]
    public void MinimumNormFitIsThePseudoInverseSolution()
    {
        var a = Dictionaries.Gaussian(6, 10, 1);
        var b = Vector<double>.Build.Dense(6, i => i - 2.5);
        var oracle = a.PseudoInverse() * b;
        Assert.True((LinearNetworkPruning.MinimumNormFit(a, b) - oracle).L2Norm() < 1e-10);
        // On a support: the other weights are zero, the kept ones the pseudo-inverse of the sub-matrix.
        int[] support = [1, 4, 7];
        var sub = Matrix<double>.Build.DenseOfColumnVectors(support.Select(a.Column));
        var onSupport = LinearNetworkPruning.MinimumNormFit(a, b, support);
        var expected = sub.PseudoInverse() * b;
        for (int j = 0; j < 10; j++)
            Assert.Equal(Array.IndexOf(support, j) is int i and >= 0 ? expected[i] : 0, onSupport[j], 10);
    }

    [Fact]
    public void WithAsManySamplesAsInputsPruningFindsTheTeacherExactly()
    {
        var a = Dictionaries.Gaussian(20, 20, 5);
        var teacher = SparseSignals.KSparse(20, 4, SignalKind.Signed, 6);
        var y = a * teacher;
        Assert.True((LinearNetworkPruning.OneShot(a, y, 4) - teacher).L2Norm() < 1e-8);
        Assert.True((LinearNetworkPruning.Iterative(a, y, 4) - teacher).L2Norm() < 1e-8);
        Assert.Equal(4, LinearNetworkPruning.Iterative(a, y, 4, 0.5).Count(w => w != 0));
    }

    [Fact]
    public void SameSeedSameResultSerialOrParallel_AndTheEndsAreForced()
    {
        var progress = new SyncProgress<ExperimentProgress>();
        var serial = (Small() with { MaxDegreeOfParallelism = 1 }).Run(new ExperimentContext { Progress = progress });
        var parallel = Small().Run();
        Assert.Equal(serial.Points, parallel.Points);
        Assert.Equal(12, progress.Reports.Count);
        // m = 2 < k = 3 samples cannot determine the teacher; m = n always does.
        Assert.Equal((0.0, 0.0, 0.0), (serial.Points[0].L1, serial.Points[0].OneShot, serial.Points[0].Iterative));
        Assert.Equal((1.0, 1.0, 1.0), (serial.Points[2].L1, serial.Points[2].OneShot, serial.Points[2].Iterative));
        Assert.Equal(PhaseTransition.MinimumSamples(3, 30), serial.PredictedSamples);
        Assert.Equal(PhaseTransition.WeakThreshold(0.5) - 3 / 15.0, serial.Points[1].PredictedMargin, 12);
        Assert.NotEqual(serial.Points.Select(p => p.Iterative),
            (Small(seed: 4) with { Samples = [10, 12, 14], Trials = 8 }).Run().Points.Select(p => p.Iterative));
    }

    [Fact]
    public void EmpiricalSamplesInterpolatesTheHalfCrossing()
    {
        var r = new TeacherRecoveryResult(Small(), [new(10, 0.1, 0, 0, 0, 0), new(20, 0.2, 0.25, 0, 0, 0), new(30, 0.3, 0.75, 0, 0, 0)], 15, 0);
        Assert.Equal(25, r.EmpiricalSamples(p => p.L1)!.Value, 12);
        Assert.Null(r.EmpiricalSamples(p => p.OneShot));
    }

    [Fact]
    public void BadOptionsNameTheParameter()
    {
        Assert.Equal("Samples", Assert.ThrowsAny<ArgumentException>(() => (Small() with { Samples = [31] }).Run()).ParamName);
        var a = Dictionaries.Gaussian(4, 6, 1);
        Assert.Equal("fraction",
            Assert.ThrowsAny<ArgumentException>(() => LinearNetworkPruning.Iterative(a, Vector<double>.Build.Dense(4), 2, 0)).ParamName);
        Assert.Equal("b", Assert.ThrowsAny<ArgumentException>(() => LinearNetworkPruning.MinimumNormFit(a, Vector<double>.Build.Dense(3))).ParamName);
    }
}
