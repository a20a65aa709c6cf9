using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

public class FitLostPruningTests
{
    [Fact]
    public void WithMoreSamplesThanWeightsBothStopAtTheFirstLevelThatStillHoldsTheTeacher()
    {
        // n = 20, f = 0.2: the levels keep 20, 16, 13, 10, 8, 6, 5, 4, 3, 2, 1 (round(s·0.8), at least one fewer). With m = 30 ≥ n
        // and noiseless targets the dense fit is w* itself, a level fits exactly when it holds w*'s support, so the rule stops at
        // the smallest level ≥ k: k = 7 → 8, inside k ≤ |S| < k/(1 − f) + 1 = 9.75.
        var a = Dictionaries.Gaussian(30, 20, 5);
        var teacher = SparseSignals.KSparse(20, 7, SignalKind.Signed, 6);
        var b = a * teacher;
        foreach (var w in new[] { LinearNetworkPruning.IterativeUntilFitLost(a, b), LinearNetworkPruning.OneShotUntilFitLost(a, b) })
        {
            Assert.Equal(8, w.Count(v => v != 0));
            Assert.True((w - teacher).L2Norm() < 1e-9 * teacher.L2Norm());
        }
    }

    [Fact]
    public void TheChoiceIsTheLastLevelBeforeTheFirstThatLosesTheFit()
    {
        // n = 8, m = 5, k = 2: the levels keep 8, 6, 5, 4, 3, 2, 1 (typed by hand). Each level s of IMP is Iterative(a, b, s) and of
        // one-shot OneShot(a, b, s) (both tested elsewhere); the rule must return the last level before the first whose residual
        // exceeds 1e-6·‖b‖ — found here by walking the hand-typed levels.
        int[] levels = [8, 6, 5, 4, 3, 2, 1];
        for (int seed = 0; seed < 6; seed++)
        {
            var a = Dictionaries.Gaussian(5, 8, 100 + seed);
            var b = a * SparseSignals.KSparse(8, 2, SignalKind.Signed, 200 + seed);
            Check(a, b, levels, s => LinearNetworkPruning.Iterative(a, b, s), LinearNetworkPruning.IterativeUntilFitLost(a, b));
            Check(a, b, levels, s => LinearNetworkPruning.OneShot(a, b, s), LinearNetworkPruning.OneShotUntilFitLost(a, b));
        }

        static void Check(Matrix<double> a, Vector<double> b, int[] levels, Func<int, Vector<double>> level, Vector<double> chosen)
        {
            var expected = level(levels[0]);
            foreach (int s in levels.Skip(1))
            {
                var w = level(s);
                if ((a * w - b).L2Norm() > 1e-6 * b.L2Norm()) break;
                expected = w;
            }
            Assert.True((chosen - expected).L2Norm() <= 1e-12 * (1 + expected.L2Norm()));
            Assert.InRange(chosen.Count(v => v != 0), 2, 5); // at most m weights interpolate generically; at least w*'s 2
        }
    }

    [Fact]
    public void TheSweepSaysHowManyWeightsThePrunersKept()
    {
        var sweep = new TeacherRecoverySweep(N: 20, K: 3, Samples: [20], Trials: 3, Seed: 1, Stop: PruningStop.FitLost);
        var p = Assert.Single(sweep.Run().Points);
        // m = n: the dense fit is w*, so both pruners find it and stop at the smallest level ≥ 3 of 20, 16, 13, 10, 8, 6, 5, 4, 3,
        // which is 3: success 1, 3 weights kept.
        Assert.Equal(1, p.Iterative);
        Assert.Equal(1, p.OneShot);
        Assert.Equal(3, p.IterativeKept);
        Assert.Null((sweep with { Stop = PruningStop.GivenK }).Run().Points[0].IterativeKept);
    }

    [Fact]
    public void BadStopsNameTheParameter()
    {
        var a = Dictionaries.Gaussian(4, 6, 1);
        var b = Vector<double>.Build.Dense(4, 1);
        Assert.Equal("fraction", Assert.ThrowsAny<ArgumentException>(() => LinearNetworkPruning.IterativeUntilFitLost(a, b, 1)).ParamName);
        Assert.Equal("fitTolerance", Assert.ThrowsAny<ArgumentException>(() => LinearNetworkPruning.OneShotUntilFitLost(a, b, 0.2, 0)).ParamName);
    }
}
