using MathNet.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Sparse;

/// <summary>Plain subgradient descent on ½‖Ax − b‖² + λ‖x‖₁ against an independent implementation, TorchSharp's autograd and
/// <c>torch.optim.SGD</c> in float64 (abs's backward is 0 at 0, the library's sign 0 = 0), and its exact zeros counted.</summary>
public class SubgradientDescentTests
{
    [Fact]
    public void IteratesMatchTorchAutogradSgdWithTheSameSchedule()
    {
        var a = TestMatrices.Gaussian(20, 8, seed: 21) / Math.Sqrt(20);
        var b = TestMatrices.GaussianVector(20, seed: 22);
        double lambda = 0.3 * L1Path.LambdaMax(a, b);
        double lip = Math.Pow(a.L2Norm(), 2);
        const int steps = 200;
        var fit = new L1Regression(new L1Options(lambda, L1Algorithm.SubgradientDescent, Tolerance: 0, MaxIterations: steps)).Fit(a, b);

        using var scope = NewDisposeScope();
        var ta = tensor(a.ToRowMajorArray(), [20, 8], ScalarType.Float64);
        var tb = tensor(b.ToArray(), ScalarType.Float64);
        var x = new TorchSharp.Modules.Parameter(zeros(8, ScalarType.Float64));
        using var sgd = TorchSharp.torch.optim.SGD([x], 1.0);
        for (int t = 0; t < steps; t++)
        {
            foreach (var group in sgd.ParamGroups) group.LearningRate = 1 / (lip * Math.Sqrt(t + 1));
            sgd.zero_grad();
            var r = ta.matmul(x) - tb;
            var objective = 0.5 * r.pow(2).sum() + lambda * x.abs().sum();
            objective.backward();
            sgd.step();
        }
        var reference = x.detach().data<double>().ToArray();
        for (int j = 0; j < 8; j++) Assert.Equal(reference[j], fit.Coefficients[j], 1e-12);
        Assert.Equal(steps + 1, fit.History.Count);
    }

    [Fact]
    public void NonzerosAreCountedPerIterate()
    {
        // ½(2x − 3)² + |x| from 0 (the hand case of L1RegressionTests): x₀ = 0 has no nonzero, x₁ = 1.5 one. Proximal Newton on a
        // 1-d lasso with λ ≥ |aᵀb| = 6 stays at the exact zero: x = 0 is optimal (|2·3| ≤ 6), so every record counts 0.
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 2 } });
        var b = Vector<double>.Build.Dense([3.0]);
        var sub = new L1Regression(new L1Options(1, L1Algorithm.SubgradientDescent, MaxIterations: 2, Tolerance: 0)).Fit(a, b);
        Assert.Equal([0, 1, 1], sub.History.Select(h => h.Nonzeros));
        var zero = new L1Regression(new L1Options(6, L1Algorithm.ProximalNewton)).Fit(a, b);
        Assert.All(zero.History, h => Assert.Equal(0, h.Nonzeros));
    }

    [Fact]
    public void TheRaceCountsExactZerosOnlyForProximalSteps()
    {
        // 30×60 lassos at λ = 0.1 λ_max, k = 4: the lasso solution has at most m = 30 nonzeros, so at least half of the 60
        // coefficients are exactly 0 for the proximal solvers; subgradient steps from 0 move every coordinate whose subgradient is
        // nonzero at the first step and never land on 0 again (a float landing exactly on 0 has probability 0).
        var sweep = new L1ConvergenceSweep(M: 30, N: 60, K: 4, SnrDb: 20, LambdaRatio: 0.1, Problems: 2, Seed: 5, MaxIterations: 500,
            Algorithms: [L1Algorithm.SubgradientDescent, L1Algorithm.ProximalNewton]);
        var r = sweep.Run();
        Assert.Equal(4, r.Traces.Length);
        Assert.All(r.Traces, t => Assert.Equal(t.SupportSize, t.Nonzeros![^1]));
        Assert.All(r.Traces, t => Assert.Equal(t.Objective.Length, t.Nonzeros!.Length));
        Assert.All(r.FinalZeroShare(L1Algorithm.SubgradientDescent), s => Assert.Equal(0, s));
        Assert.All(r.FinalZeroShare(L1Algorithm.ProximalNewton), s => Assert.InRange(s, 0.5, 1));
        var (its, nonzeros) = r.MedianNonzerosByIteration(L1Algorithm.SubgradientDescent);
        Assert.Equal(0, nonzeros[0]);
        Assert.Equal(60, nonzeros[^1]);
        Assert.Equal(501, its.Length);
        Assert.Throws<ArgumentException>(() => r.TracesOf(L1Algorithm.Ista));
    }

    [Fact]
    public void DefaultAlgorithmsKeepTheOldRunKey()
    {
        // A run key hashes the non-default settings only: leaving Algorithms null keeps every key stored before it existed.
        var old = new L1ConvergenceSweep(M: 30, N: 60, K: 4, SnrDb: 20, LambdaRatio: 0.1, Problems: 2, Seed: 5);
        Assert.Equal(RunKey.For(ExperimentKinds.L1Convergence, old, ("budget", "quick")), old.Key(Budget.Quick));
        Assert.Equal(L1ConvergenceSweep.DefaultAlgorithms, old.Solvers);
        var four = old with { Algorithms = L1ProximalNewton.Solvers };
        Assert.NotEqual(old.Key(Budget.Quick), four.Key(Budget.Quick));
    }

    [Fact]
    public void TimesAndIterationsToATargetCountTheCapAsALowerBound()
    {
        // Problem 0, F* = 2: gaps 0.5, 0.25, 0 (floored). Problem 1, F* = 1: gaps 1, 0.5 — never ≤ 0.3, so its cap counts.
        var sweep = new L1ConvergenceSweep(M: 3, N: 4, K: 1, SnrDb: 20, LambdaRatio: 0.1, Problems: 2, Seed: 5);
        var t0 = new L1ConvergenceTrace(L1Algorithm.Ista, 0, [0, 1, 2], [3, 2.5, 2], true, 1, [0, 1, 1]);
        var t1 = new L1ConvergenceTrace(L1Algorithm.Ista, 1, [0, 0.5], [2, 1.5], false, 3, [0, 3]);
        var r = new L1ConvergenceResult(sweep, [2.0, 1.0], [t0, t1], 0);
        Assert.Equal([1.0, 1.0], r.IterationsTo(L1Algorithm.Ista, 0.3));
        Assert.Equal([1.0, 0.5], r.SecondsTo(L1Algorithm.Ista, 0.3));
        Assert.Equal([0.75, 0.25], r.FinalZeroShare(L1Algorithm.Ista));
        Assert.Equal([0.0, 2.0, 2.0], r.MedianNonzerosByIteration(L1Algorithm.Ista).Nonzeros);
    }
}
