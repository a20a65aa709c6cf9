using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Design;

public class UnitSelectionTests
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    [Fact]
    public void RefitMatchesALeastSquaresLineWorkedByHand()
    {
        // x = 0, 1, 2, 3 with labels 0, 0, 1, 1. The class-1 indicator regressed on [1, x]: x̄ = 1.5, ȳ = 0.5,
        // Σ(x − x̄)(y − ȳ) = 2, Σ(x − x̄)² = 5, so slope 0.4 and intercept 0.5 − 0.4·1.5 = −0.1; the class-0 output is 1 minus it.
        // Class 1 wins where 0.4x − 0.1 > 0.5, i.e. x > 1.5: test points 1.4 → 0, 1.6 → 1, 1.45 → 0 against labels 0, 1, 1 = 2 of 3.
        var train = M(new double[,] { { 0 }, { 1 }, { 2 }, { 3 } });
        var test = M(new double[,] { { 1.4 }, { 1.6 }, { 1.45 } });
        Assert.Equal(200.0 / 3, ReadoutRefit.Accuracy(train, [0, 0, 1, 1], test, [0, 1, 1], [0]), 12);
        // A dead unit (a zero column) beside it changes nothing.
        var withDead = M(new double[,] { { 0, 0 }, { 1, 0 }, { 2, 0 }, { 3, 0 } });
        var testDead = M(new double[,] { { 1.4, 5 }, { 1.6, 5 }, { 1.45, 5 } });
        Assert.Equal(200.0 / 3, ReadoutRefit.Accuracy(withDead, [0, 0, 1, 1], testDead, [0, 1, 1], [0, 1]), 12);
    }

    [Fact]
    public void RefitSeparatesOneHotUnitsPerfectly()
    {
        // Each class lights its own unit (unit 3 is dead): the least-squares read-out is exactly the identity (zero residual), so 100 %.
        int[] y = Enumerable.Range(0, 30).Select(i => i % 3).ToArray();
        var h = Matrix<double>.Build.Dense(30, 4, (i, j) => j == y[i] ? 1 : 0);
        Assert.Equal(100, ReadoutRefit.Accuracy(h, y, h, y, [0, 1, 2]), 12);
    }

    [Fact]
    public void TheDesignIsTheTopRightSingularVectorsOfTheNormalisedActivations()
    {
        var rng = new Random(5);
        var h = Matrix<double>.Build.Dense(40, 6, (_, _) => Math.Max(0, rng.NextDouble() - 0.3));
        var v = UnitDesign.Rows(h, 3);
        // Oracle: a full SVD of H̃ itself (a different route from the eigenvectors of H̃ᵀH̃); signs differ, projectors do not.
        var svd = UnitDesign.Normalised(h).Svd(computeVectors: true);
        var vp = svd.VT.Transpose().SubMatrix(0, 6, 0, 3);
        Assert.True((v * v.Transpose() - vp * vp.Transpose()).FrobeniusNorm() < 1e-10);
        // ReLU's rescaling symmetry (a unit × c) and a shift of a column change no row of the design's projector.
        var scaled = h.Clone();
        scaled.SetColumn(2, h.Column(2) * 7.5 + 3);
        var w = UnitDesign.Rows(scaled, 3);
        Assert.True((w * w.Transpose() - v * v.Transpose()).FrobeniusNorm() < 1e-10);
        // A dead unit is a zero row.
        var dead = h.Clone();
        dead.SetColumn(4, Vector<double>.Build.Dense(40));
        Assert.True(UnitDesign.Rows(dead, 3).Row(4).L2Norm() < 1e-12);
    }

    [Fact]
    public void TheCriterionBoundsWhatTheKeptUnitsLose()
    {
        // Boutsidis, Drineas & Magdon-Ismail (2014), Lemma 7 with ξ = F: ‖H̃ − P_S H̃‖²_F ≤ ‖H̃ − H̃_p‖²_F + σ²_{p+1}·‖(V_{p,S})⁺‖²_F,
        // checked on every 3-subset of 7 units and p = 2 (P_S by least squares on the kept columns, H̃_p from the SVD).
        var rng = new Random(11);
        var h = Matrix<double>.Build.Dense(30, 7, (_, _) => Math.Max(0, rng.NextDouble() - 0.4));
        var hn = UnitDesign.Normalised(h);
        var s = hn.Svd(computeVectors: false).S;
        double tail = s.Skip(2).Sum(x => x * x), next = s[2] * s[2];
        var x = UnitDesign.Rows(h, 2);
        int checkedSubsets = 0;
        for (int a = 0; a < 7; a++)
            for (int b = a + 1; b < 7; b++)
                for (int c = b + 1; c < 7; c++)
                {
                    int[] kept = [a, b, c];
                    double criterion = AOptimality.Criterion(x, kept);
                    var cs = Matrix<double>.Build.DenseOfColumnVectors(kept.Select(hn.Column));
                    var residual = hn - cs * cs.Solve(hn);
                    Assert.True(residual.FrobeniusNorm() * residual.FrobeniusNorm() <= tail + next * criterion + 1e-9);
                    checkedSubsets++;
                }
        Assert.Equal(35, checkedSubsets);
    }

    [Fact]
    public void MagnitudeKeepsWhatStructuredPruningKeepsInOneLevel()
    {
        var hparams = new LeNetHparams { Hidden1 = 12, Hidden2 = 16, ImageSize = 4, Classes = 4 };
        using var model = (LeNet300100)hparams.Create(TorchSharp.torch.CPU, 4);
        var weights = WeightSnapshot.Capture(model);
        var group = model.UnitGroups[1];
        // Fraction 10/16 removes 10 of 16 units, keeping 6.
        var mask = new StructuredMagnitudePruning(model.UnitGroups).Prune(Mask.Dense(model), weights,
            new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 10.0 / 16, UnitNorm = 1 });
        var live = Enumerable.Range(0, 16).Where(u => mask.Values("fc2.weight")[u * 12]).ToArray();
        Assert.Equal(live, UnitMagnitude.Keep(weights, group, 6, 1));
        // By hand: the ℓ1 norms of fc2.weight's rows, largest six.
        var w = weights.Values("fc2.weight").ToArray();
        var byHand = Enumerable.Range(0, 16).OrderByDescending(u => Enumerable.Range(0, 12).Sum(j => Math.Abs(w[u * 12 + j]))).Take(6).Order();
        Assert.Equal(byHand, UnitMagnitude.Keep(weights, group, 6, 1));
    }

    private static UnitSelectionSweep Tiny(int draws = 200) => new(new DenseNetworks(new LotteryHparams
    {
        Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 12 },
        Training = new TrainingHparams { Epochs = 1, EvalEvery = 5 },
    }, LotteryTickets.Tests.Experiments.RunStoreTests.Data, [1, 2]), LeNetLayer.Fc2, [3, 5], Components: 3, RandomDraws: draws, Seed: 4);

    [Fact]
    public void OnATinyNetworkTheExactOptimumBoundsEveryRuleAndRandomOverlapIsChance()
    {
        var sweep = Tiny();
        var r = sweep.Run();
        Assert.Equal(2, r.Networks.Count);
        foreach (var net in r.Networks)
            foreach (var p in net.Points)
            {
                Assert.Equal("exact", p.OptimalMethod); // C(12, 5) = 792: brute force, so no rule can beat it
                Assert.InRange(p.MagnitudeEfficiency, 0, 1 + 1e-12);
                Assert.InRange(p.RandomEfficiency, 0, 1 + 1e-12);
                // E[Jaccard(fixed A, uniform B)] is the closed form; the draws' SD is at most ½ (values in [0, 1]), so 3 SE ≤ 1.5/√200.
                Assert.InRange(p.RandomJaccard - p.ChanceJaccard, -1.5 / Math.Sqrt(200), 1.5 / Math.Sqrt(200));
                Assert.Equal(DesignComparison.RandomJaccard(12, p.SubsetSize), p.ChanceJaccard, 12);
                foreach (double a in new[] { p.OptimalAccuracy, p.MagnitudeAccuracy, p.RandomAccuracy }) Assert.InRange(a, 0, 100);
            }
        var weights = new DenseNetworks(sweep.Networks.Hparams, sweep.Networks.Data, [1]).Run().Networks[0].Trained;
        var group = sweep.Networks.Hparams.Model.UnitGroups()[1];
        Assert.Equal(UnitMagnitude.Keep(weights, group, 5, 1), r.Networks[0].Points[1].MagnitudeUnits);
        Assert.True(r.Networks.All(n => n.AllUnitsAccuracy > 20)); // read out well above chance (10 classes: 10 %)
    }

    [Fact]
    public void SubsetSizesMustLieBetweenTheComponentsAndTheLayerWidth()
    {
        var tooFew = Tiny() with { SubsetSizes = [2] };
        Assert.Contains("SubsetSizes", Assert.ThrowsAny<ArgumentException>(() => tooFew.Key(Budget.Quick)).Message);
        var tooMany = Tiny() with { SubsetSizes = [13] };
        Assert.Contains("SubsetSizes", Assert.ThrowsAny<ArgumentException>(() => tooMany.Key(Budget.Quick)).Message);
    }
}
