using LotteryTickets.Experiments;
using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Interactive;

/// <summary>Figures of notebook 07: convergence of the ℓ1 solvers (subgradient descent, ISTA, FISTA, proximal Newton), their exact
/// zeros, and the λ path as soft pruning.</summary>
public static class L1Figures
{
    static string Label(L1Algorithm a) => a switch
    {
        L1Algorithm.Ista => "ISTA",
        L1Algorithm.Fista => "FISTA",
        L1Algorithm.SubgradientDescent => "subgradient descent",
        _ => "proximal Newton",
    };

    /// <summary>Median relative objective gap against iterations, log scale, one line per solver.</summary>
    public static LineFigure GapByIteration(L1ConvergenceResult result) =>
        Gap(result, "l1-gap-vs-iterations", "iterations", "outer iteration", a => result.MedianGapByIteration(a));

    /// <summary>Median relative objective gap against wall-clock seconds, log–log, one line per solver.</summary>
    public static LineFigure GapBySeconds(L1ConvergenceResult result, string? name = null) =>
        Gap(result, name ?? "l1-gap-vs-seconds", "time", "wall-clock time (s)", a => result.MedianGapBySeconds(a));

    static LineFigure Gap(L1ConvergenceResult result, string name, string by, string xTitle, Func<L1Algorithm, (double[], double[])> median)
    {
        Check.NotNull(result);
        var series = result.Options.Solvers.Select(a => { var (x, y) = median(a); return new FigureSeries(Label(a), x, y); }).ToList();
        return new LineFigure(name, $"Objective gap vs {by} (median of {result.Options.Problems} lasso problems)",
            xTitle, "relative objective gap (F − F*) / F*", series) { LogY = true, LogX = true, Markers = false };
    }

    /// <summary>Coefficients not exactly 0 against iterations (median over problems), one line per solver, with n and the
    /// final support of the best solver: proximal steps land on 0, subgradient steps step over it.</summary>
    public static LineFigure NonzerosByIteration(L1ConvergenceResult result)
    {
        Check.NotNull(result);
        var series = result.Options.Solvers.Select(a =>
        {
            var (x, y) = result.MedianNonzerosByIteration(a);
            return new FigureSeries(Label(a), x, y);
        }).ToList();
        return new LineFigure("l1-nonzeros-vs-iterations",
            $"Exact zeros: coefficients ≠ 0 per iteration (median of {result.Options.Problems} problems, n = {result.Options.N})",
            "outer iteration", "coefficients not exactly 0", series) { LogX = true, Markers = false };
    }

    /// <summary>Jaccard overlap of the ℓ1 read-out's support with magnitude pruning's, per class, one line per network, with the
    /// overlap two random subsets of the same size would have (mean over the networks).</summary>
    public static LineFigure ReadoutOverlap(NetworkReadoutResult result)
    {
        Check.NotNull(result);
        var series = result.Accuracies.Select(a =>
        {
            var fits = result.Fits.Where(f => f.Seed == a.Seed).OrderBy(f => f.Class).ToList();
            return new FigureSeries($"network seed {a.Seed}", fits.Select(f => (double)f.Class).ToList(), fits.Select(f => f.Jaccard).ToList());
        }).ToList();
        var classes = result.Fits.Select(f => f.Class).Distinct().Order().ToList();
        series.Add(new FigureSeries("chance (random subsets of the same size)", classes.Select(c => (double)c).ToList(),
            classes.Select(c => result.Fits.Where(f => f.Class == c).Average(f => f.Chance)).ToList()));
        return new LineFigure("l1-readout-overlap",
            $"Which fc3 weights ℓ1 keeps: overlap with magnitude pruning at {result.KeepShare:P0} of the weights",
            "class (logit) read out", "Jaccard(ℓ1 support, largest |weights|)", series);
    }

    /// <summary>Test accuracy of the read-outs per network: dense fc3, magnitude-pruned (as trained and refitted), ℓ1 (as solved and
    /// refitted).</summary>
    public static LineFigure ReadoutAccuracy(NetworkReadoutResult result)
    {
        Check.NotNull(result);
        var x = result.Accuracies.Select(a => (double)a.Seed).ToList();
        FigureSeries S(string name, Func<NetworkReadoutAccuracy, double> y) => new(name, x, result.Accuracies.Select(y).ToList());
        return new LineFigure("l1-readout-accuracy", $"Test accuracy of the read-outs at {result.KeepShare:P0} of fc3's weights",
            "network (seed)", "test accuracy (%)",
            [
                S("dense fc3", a => a.Dense), S("magnitude-pruned fc3, not retrained", a => a.Magnitude),
                S("magnitude support, refitted", a => a.MagnitudeRefit), S("ℓ1 as solved", a => a.L1), S("ℓ1 support, refitted", a => a.L1Refit),
            ]);
    }

    /// <summary>Support size of the ℓ1 solution along the λ path, with the ticket's size k.</summary>
    public static LineFigure SupportPath(L1PathSweepResult result)
    {
        Check.NotNull(result);
        var r = result;
        return new LineFigure("l1-support-vs-lambda", $"The λ path traces sparsity (mean of {r.Options.Problems} problems, warm starts)",
            "λ / λ_max", "non-zeros of the ℓ1 solution (atoms)",
            [
                new FigureSeries("ℓ1 support size", r.LambdaRatios, r.SupportSize),
                new FigureSeries($"ticket size k = {r.Options.K}", [r.LambdaRatios[0], r.LambdaRatios[^1]], [r.Options.K, r.Options.K]),
            ]) { LogX = true, ReverseX = true };
    }

    /// <summary>Share of the ticket kept against atoms kept: ℓ1 path, one-shot and iterative magnitude pruning.</summary>
    public static LineFigure TicketRecall(L1PathSweepResult result, string? name = null)
    {
        Check.NotNull(result);
        var r = result;
        var pathPoints = Enumerable.Range(0, r.SupportSize.Length).Where(i => r.SupportSize[i] > 0).ToList();
        return new LineFigure(name ?? "l1-path-vs-pruning",
            $"Finding the ticket: ℓ1 path vs magnitude pruning (k = {r.Options.K}, mean of {r.Options.Problems} problems)",
            "atoms kept", "ticket atoms kept (%)",
            [
                FigureText.Series("ℓ1 path (soft thresholding, refit by the solver)", pathPoints, i => r.SupportSize[i], i => 100 * r.L1Recall[i]),
                FigureText.Series("one-shot magnitude pruning of the dense fit", pathPoints, i => r.SupportSize[i], i => 100 * r.PruningRecall[i]),
                new FigureSeries($"iterative magnitude pruning ({r.Options.PruneFraction:P0} per level, refit)",
                    r.ImpSupportSize.Select(s => (double)s).ToList(), r.ImpRecall.Select(v => 100 * v).ToList()),
            ]) { LogX = true, ReverseX = true };
    }

    /// <summary>Solver iterations per λ with and without warm starts.</summary>
    public static LineFigure WarmStarts(L1PathSweepResult result)
    {
        Check.NotNull(result);
        var r = result;
        return new LineFigure("l1-warm-starts", $"Warm starts along the path ({r.Options.Algorithm}, mean of {r.Options.Problems} problems)",
            "λ / λ_max", "solver iterations at this λ",
            [
                new FigureSeries("warm start (previous λ's solution)", r.LambdaRatios, r.WarmIterations),
                new FigureSeries("cold start (from 0)", r.LambdaRatios, r.ColdIterations),
            ]) { LogX = true, ReverseX = true };
    }

    /// <summary>
    /// Each coefficient of a fit against the dense coefficient zⱼ it came from (sorted by z): with an orthonormal design
    /// the lasso lies on the soft threshold; magnitude pruning at the same λ is the hard threshold.
    /// </summary>
    public static LineFigure Shrinkage(Vector<double> dense, Vector<double> lasso, double lambda)
    {
        Check.NotNull(dense);
        Check.NotNull(lasso);
        Check.That(dense.Count == lasso.Count, $"lasso has {lasso.Count} values but dense has {dense.Count}.", nameof(lasso));
        var order = Enumerable.Range(0, dense.Count).OrderBy(i => dense[i]).ToList();
        var z = order.Select(i => dense[i]).ToList();
        var hard = Sparse.Shrinkage.Hard(dense, lambda);
        return new LineFigure("l1-soft-vs-hard", $"ℓ1 is soft pruning: orthonormal design, λ = {lambda:0.###}",
            "dense coefficient zⱼ = (Aᵀb)ⱼ", "kept coefficient",
            [
                new FigureSeries("lasso solution (proximal Newton)", z, order.Select(i => lasso[i]).ToList()),
                new FigureSeries("magnitude pruning at |z| > λ (hard threshold)", z, order.Select(i => hard[i]).ToList()),
            ]);
    }
}
