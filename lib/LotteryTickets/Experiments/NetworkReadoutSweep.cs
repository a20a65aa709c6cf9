using LotteryTickets.Design;
using LotteryTickets.Models;
using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Experiments;

/// <summary>
/// An ℓ1 problem from a network: the read-out layer (fc3) of trained LeNets found again by the lasso. For each network
/// and class c, H is the fc2 activations of the first <see cref="Examples"/> training digits (examples × units) and z_c
/// the network's own logit c on them (H·fc3.weight[c]ᵀ + bias, in float64), both centred; the read-out solves
/// min ½‖Hx − z_c‖² + λ‖x‖₁ by proximal Newton along a warm-started geometric λ path from λ_max, stopping at the first λ
/// whose support reaches ⌈KeepShare·units⌉. As λ → 0 the solution is fc3.weight[c] itself (H of full column rank), so the
/// support at that λ is the set of weights ℓ1 keeps. Magnitude pruning keeps as many of the largest |fc3.weight[c, j]|.
/// Recorded per (network, class): both supports, their Jaccard overlap and its chance value for random subsets of the same
/// size; per network, the test accuracy of five read-outs (dense fc3; magnitude-pruned fc3 as trained; the same support
/// refitted by least squares to the logits; the ℓ1 coefficients as solved; the ℓ1 support refitted), each with the
/// intercept that centring implies. And a race: every solver of <see cref="RaceAlgorithms"/> on class 0 of each network at
/// its chosen λ, one after another (the seconds compare).
/// </summary>
/// <param name="Networks">The trained networks (LeNets) and the data they trained on.</param>
/// <param name="Examples">Training digits that form H (at most the training split).</param>
/// <param name="KeepShare">Share of a class's fc2 → fc3 weights to keep, in (0, 1).</param>
/// <param name="RaceAlgorithms">The solvers raced on class 0, in order.</param>
/// <param name="RaceMaxIterations">Outer iterations at most per solver in the race.</param>
/// <param name="PathLambdas">Points of the geometric λ path from λ_max down to PathRatio·λ_max.</param>
/// <param name="PathRatio">The path's last λ ÷ λ_max, in (0, 1).</param>
/// <param name="Tolerance">Each fit stops when its duality gap ≤ Tolerance·P(0).</param>
public sealed record NetworkReadoutSweep(
    DenseNetworks Networks,
    [property: Positive] int Examples,
    [property: Range(0, 1, MinExclusive = true, MaxExclusive = true)] double KeepShare,
    [property: NotEmpty, Distinct] IReadOnlyList<L1Algorithm> RaceAlgorithms,
    [property: Positive] int RaceMaxIterations,
    [property: Positive] int PathLambdas = 40,
    [property: Range(0, 1, MinExclusive = true, MaxExclusive = true)] double PathRatio = 1e-3,
    [property: NonNegative] double Tolerance = 1e-8) : Sweep<NetworkReadoutResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.NetworkReadout;

    /// <inheritdoc />
    public override void CheckRelations()
    {
        Check.That(Examples <= Networks.Data.Train.Count,
            $"Examples must be at most the {Networks.Data.Train.Count} training examples; got {Examples}.", nameof(Examples));
    }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, object? Value)> KeyExtras() => [("data", DataFingerprint.Describe(Networks.Data, null))];

    /// <inheritdoc />
    protected override NetworkReadoutResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken) =>
        Compute(new ExperimentContext { Progress = progress, CancellationToken = cancellationToken });

    /// <inheritdoc />
    protected override NetworkReadoutResult Compute(ExperimentContext context)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var networks = Networks.Run(context).Networks;
        var data = Networks.Data;
        var trainInputs = data.Train.Inputs[..Examples];
        var testLabels = data.Test.Labels.to(TorchSharp.torch.ScalarType.Int64).cpu().data<long>().ToArray();
        var fits = new List<NetworkReadoutFit>();
        var accuracies = new List<NetworkReadoutAccuracy>();
        var race = new List<L1ConvergenceTrace>();
        var best = new double[networks.Count];
        new L1ConvergenceSweep(8, 16, 2, 20, 0.1, 1, 0, Algorithms: RaceAlgorithms).WarmUp();
        for (int i = 0; i < networks.Count; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var net = networks[i];
            var h = net.Activations(NetworkState.Trained, trainInputs, LeNetLayer.Fc2);
            var hTest = net.Activations(NetworkState.Trained, data.Test.Inputs, LeNetLayer.Fc2);
            var (w, bias) = ReadoutWeights(net.Trained, h.ColumnCount);
            var z = h * w.Transpose() + Matrix<double>.Build.Dense(h.RowCount, w.RowCount, (_, c) => bias[c]);
            var hMean = h.ColumnSums() / h.RowCount;
            var hc = h - Matrix<double>.Build.Dense(h.RowCount, h.ColumnCount, (_, j) => hMean[j]);
            int keep = (int)Math.Ceiling(KeepShare * h.ColumnCount);
            var l1 = Matrix<double>.Build.Dense(w.RowCount, w.ColumnCount);
            var l1Refit = l1.Clone();
            var magnitude = l1.Clone();
            var magnitudeRefit = l1.Clone();
            double raceLambda = 0;
            for (int c = 0; c < w.RowCount; c++)
            {
                var zc = z.Column(c) - z.Column(c).Average();
                var (lambda, x) = FitClass(hc, zc, keep, PathLambdas, PathRatio, Tolerance);
                if (c == 0) raceLambda = lambda;
                var l1Support = Enumerable.Range(0, x.Count).Where(j => x[j] != 0).ToArray();
                var magnitudeSupport = Shrinkage.KeepLargest(w.Row(c), l1Support.Length);
                l1.SetRow(c, x);
                l1Refit.SetRow(c, Refit(hc, zc, l1Support));
                foreach (int j in magnitudeSupport) magnitude[c, j] = w[c, j];
                magnitudeRefit.SetRow(c, Refit(hc, zc, magnitudeSupport));
                fits.Add(new NetworkReadoutFit(net.Seed, c, lambda, l1Support, magnitudeSupport, AOptimality.Jaccard(l1Support, magnitudeSupport),
                    l1Support.Length == 0 ? double.NaN : DesignComparison.RandomJaccard(h.ColumnCount, l1Support.Length)));
            }
            // Each refitted read-out predicts the centred logits; its intercept puts the mean logit back: b' = mean(z) − mean(h)·w'.
            var zMean = z.ColumnSums() / z.RowCount;
            double Accuracy(Matrix<double> weights, Vector<double>? intercept) =>
                TestAccuracy(hTest, weights, intercept ?? zMean - weights * hMean, testLabels);
            accuracies.Add(new NetworkReadoutAccuracy(net.Seed, Accuracy(w, bias), Accuracy(magnitude, bias), Accuracy(magnitudeRefit, null),
                Accuracy(l1, null), Accuracy(l1Refit, null)));
            var z0 = z.Column(0) - z.Column(0).Average();
            var traces = RaceAlgorithms.Select(a => L1ConvergenceSweep.Trace(a, i, hc, z0, raceLambda, Tolerance, RaceMaxIterations)).ToArray();
            best[i] = traces.Min(t => t.Objective.Min());
            race.AddRange(traces);
            context.Progress?.Report(new ExperimentProgress(i + 1, networks.Count, "networks"));
        }
        int units = ((LeNetHparams)Networks.Hparams.Model).Hidden2;
        return new NetworkReadoutResult(Examples, units, KeepShare, RaceAlgorithms, RaceMaxIterations, Tolerance, [.. fits], [.. accuracies],
            [.. race], best, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The lasso min ½‖Hx − z‖² + λ‖x‖₁ by proximal Newton along <paramref name="lambdas"/> points of the geometric path from
    /// λ_max down to <paramref name="ratio"/>·λ_max, warm-started, stopping at the first λ whose support has at least
    /// <paramref name="keep"/> nonzeros (else the path's last λ): that λ and its solution.
    /// </summary>
    internal static (double Lambda, Vector<double> X) FitClass(Matrix<double> h, Vector<double> z, int keep, int lambdas, double ratio,
        double tolerance)
    {
        double max = L1Path.LambdaMax(h, z);
        if (max == 0) return (0, Vector<double>.Build.Dense(h.ColumnCount));
        Vector<double>? x = null;
        double last = max;
        foreach (double lambda in L1Path.Geometric(max, lambdas, ratio))
        {
            var fit = new L1Regression(new L1Options(lambda, L1Algorithm.ProximalNewton, Tolerance: tolerance)).Fit(h, z, x);
            (x, last) = (fit.Coefficients, lambda);
            if (fit.SupportSize >= keep) break;
        }
        return (last, x!);
    }

    /// <summary>Least squares of <paramref name="z"/> on the columns <paramref name="support"/> of <paramref name="h"/> (the
    /// pseudo-inverse: a constant column, such as a dead unit's, gets 0), as a full-length vector.</summary>
    internal static Vector<double> Refit(Matrix<double> h, Vector<double> z, IReadOnlyList<int> support)
    {
        var x = Vector<double>.Build.Dense(h.ColumnCount);
        if (support.Count == 0) return x;
        var hs = Matrix<double>.Build.DenseOfColumnVectors(support.Select(j => h.Column(j)));
        var beta = hs.PseudoInverse() * z;
        for (int k = 0; k < support.Count; k++) x[support[k]] = beta[k];
        return x;
    }

    private static (Matrix<double> W, Vector<double> Bias) ReadoutWeights(WeightSnapshot trained, int units)
    {
        var weight = trained.Values("fc3.weight").ToArray();
        var bias = trained.Values("fc3.bias").ToArray();
        int classes = bias.Length;
        Check.That(weight.Length == classes * units, $"fc3.weight has {weight.Length} values, not {classes} × {units}.", nameof(trained));
        return (Matrix<double>.Build.Dense(classes, units, (c, j) => weight[c * units + j]),
            Vector<double>.Build.Dense(classes, c => bias[c]));
    }

    /// <summary>Test accuracy (%) of the read-out logits h·Wᵀ + b: the share of rows whose largest logit is the label.</summary>
    internal static double TestAccuracy(Matrix<double> h, Matrix<double> w, Vector<double> bias, long[] labels)
    {
        var logits = h * w.Transpose();
        int correct = 0;
        for (int i = 0; i < h.RowCount; i++)
        {
            int best = 0;
            for (int c = 1; c < w.RowCount; c++) if (logits[i, c] + bias[c] > logits[i, best] + bias[best]) best = c;
            if (best == labels[i]) correct++;
        }
        return 100.0 * correct / h.RowCount;
    }
}
