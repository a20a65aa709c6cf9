using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// The λ path as soft pruning. On each problem: the lasso path from λ_max down (warm-started, and again from 0 to
/// count the work warm starts save); at each λ, the ℓ1 support against one-shot magnitude pruning of the dense
/// minimum-norm fit A⁺b to the same size (what gradient descent from 0 converges to); and iterative magnitude pruning
/// (refit on the kept atoms, drop the smallest PruneFraction, repeat — IMP without a network). Problems run one after
/// another so that the seconds compare.
/// </summary>
public static class L1PathSweep
{
    /// <summary>Runs the sweep; <paramref name="progress"/> gets one report per problem.</summary>
    public static L1PathSweepResult Run(L1PathSweepOptions options, IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var o = Check.NotNull(options);
        Check.Positive(o.M, nameof(L1PathSweepOptions.M));
        Check.Positive(o.N, nameof(L1PathSweepOptions.N));
        Check.InRange(o.K, 1, o.N, nameof(L1PathSweepOptions.K));
        Check.That(double.IsFinite(o.SnrDb), $"SnrDb must be a finite number of decibels; got {o.SnrDb}.", nameof(L1PathSweepOptions.SnrDb));
        Check.InRange(o.Lambdas, 2, 10_000, nameof(L1PathSweepOptions.Lambdas));
        Check.That(double.IsFinite(o.LambdaRatio) && o.LambdaRatio > 0 && o.LambdaRatio < 1,
            $"LambdaRatio must be in (0, 1); got {o.LambdaRatio}.", nameof(L1PathSweepOptions.LambdaRatio));
        Check.Positive(o.Problems, nameof(L1PathSweepOptions.Problems));
        Check.That(double.IsFinite(o.PruneFraction) && o.PruneFraction > 0 && o.PruneFraction < 1,
            $"PruneFraction must be in (0, 1); got {o.PruneFraction}.", nameof(L1PathSweepOptions.PruneFraction));
        Check.That(Enum.IsDefined(o.Algorithm), $"Algorithm must be Ista, Fista or ProximalNewton; got {o.Algorithm}.", nameof(L1PathSweepOptions.Algorithm));
        Check.NonNegative(o.Tolerance, nameof(L1PathSweepOptions.Tolerance));
        Check.Positive(o.MaxIterations, nameof(L1PathSweepOptions.MaxIterations));

        var clock = Stopwatch.StartNew();
        int nl = o.Lambdas;
        var ratios = L1Path.Geometric(1, nl, o.LambdaRatio);
        var sums = new double[9, nl];
        List<int>? impSizes = null;
        var impRecall = new List<double>();
        for (int p = 0; p < o.Problems; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (a, b) = L1Convergence.Problem(o.M, o.N, o.K, o.SnrDb, o.Seed, p);
            var ticket = SparseSignals.Support(L1Convergence.Ticket(o.N, o.K, o.Seed, p)).ToHashSet();
            double lambdaMax = L1Path.LambdaMax(a, b);
            var lambdas = ratios.Select(r => r * lambdaMax).ToArray();
            var settings = new L1Options(lambdaMax, o.Algorithm, Tolerance: o.Tolerance, MaxIterations: o.MaxIterations);
            var warm = L1Path.Fit(a, b, lambdas, settings);
            var dense = a.PseudoInverse() * b;
            for (int i = 0; i < nl; i++)
            {
                var fit = warm.Results[i];
                var cold = new L1Regression(settings with { Lambda = lambdas[i] }).Fit(a, b);
                var support = SparseSignals.Support(fit.Coefficients);
                var pruned = Shrinkage.KeepLargest(dense, support.Length);
                int hits = support.Count(ticket.Contains);
                sums[0, i] += support.Length;
                sums[1, i] += (double)hits / o.K;
                sums[2, i] += support.Length == 0 ? 1 : (double)hits / support.Length;
                sums[3, i] += (double)pruned.Count(ticket.Contains) / o.K;
                sums[4, i] += support.Length == 0 ? 1 : (double)pruned.Intersect(support).Count() / support.Length;
                sums[5, i] += fit.Iterations;
                sums[6, i] += cold.Iterations;
                sums[7, i] += fit.History[^1].ElapsedSeconds;
                sums[8, i] += cold.History[^1].ElapsedSeconds;
            }
            var (sizes, recall) = IterativePruning(a, b, ticket, o.K, o.PruneFraction);
            impSizes ??= sizes;
            for (int l = 0; l < recall.Count; l++)
                if (l < impRecall.Count) impRecall[l] += recall[l]; else impRecall.Add(recall[l]);
            progress?.Report(new SweepProgress(p + 1, o.Problems));
        }
        double[] Mean(int row) => Enumerable.Range(0, nl).Select(i => sums[row, i] / o.Problems).ToArray();
        return new L1PathSweepResult(o, ratios, Mean(0), Mean(1), Mean(2), Mean(3), Mean(4), Mean(5), Mean(6), Mean(7), Mean(8),
            impSizes!.ToArray(), impRecall.Select(r => r / o.Problems).ToArray(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Iterative magnitude pruning of least squares: level 0 keeps all atoms; each level refits the minimum-norm
    /// solution on the kept atoms and keeps the largest ⌈(1 − fraction)·|S|⌉ (strictly fewer), down to ⌈k/2⌉ atoms.
    /// Returns the support size and the share of the ticket kept at every level.
    /// </summary>
    internal static (List<int> Sizes, List<double> Recall) IterativePruning(Matrix<double> a, Vector<double> b,
        IReadOnlySet<int> ticket, int k, double fraction)
    {
        var kept = Enumerable.Range(0, a.ColumnCount).ToArray();
        var sizes = new List<int>();
        var recall = new List<double>();
        int floor = Math.Max(1, (k + 1) / 2);
        while (true)
        {
            sizes.Add(kept.Length);
            recall.Add((double)kept.Count(ticket.Contains) / k);
            if (kept.Length <= floor) break;
            var sub = Matrix<double>.Build.DenseOfColumnVectors(kept.Select(a.Column));
            var coef = sub.PseudoInverse() * b;
            int next = Math.Max(floor, Math.Min(kept.Length - 1, (int)Math.Ceiling((1 - fraction) * kept.Length)));
            kept = Shrinkage.KeepLargest(coef, next).Select(i => kept[i]).ToArray();
        }
        return (sizes, recall);
    }
}
