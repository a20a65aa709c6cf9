using LotteryTickets.Lottery;
using LotteryTickets.Training;
using MathNet.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace LotteryTickets.Design;

/// <summary>
/// Row selection on a trained network: the units feeding a layer are the candidate rows, each described by its
/// outgoing weight vector; keeping k units by magnitude (largest outgoing norm, i.e. structured magnitude pruning)
/// is compared with keeping the A-optimal k (whose read-out vectors span the next layer's space best).
/// </summary>
public static class LayerDesign
{
    /// <summary>The units × outputs matrix Wᵀ of a [out, in] weight in <paramref name="weights"/>.</summary>
    public static Matrix<double> UnitRows(WeightSnapshot weights, string parameter)
    {
        Check.NotNull(weights);
        Check.NotBlank(parameter);
        Check.That(weights.Names.Contains(parameter), $"parameter must be one of {string.Join(", ", weights.Names)}; got \"{parameter}\".", nameof(parameter));
        var w = weights[parameter];
        Check.That(w.dim() == 2, $"parameter must name a matrix; \"{parameter}\" has {w.dim()} dimensions.", nameof(parameter));
        int outs = (int)w.shape[0], ins = (int)w.shape[1];
        var values = w.cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        return Matrix<double>.Build.Dense(ins, outs, (i, j) => values[j * ins + i]);
    }

    /// <summary>Trains the dense network (level 0, seeded by the hyper-parameters), then compares the two selections
    /// of its units for each k.</summary>
    public static DesignComparisonResult Run(LayerDesignOptions options, TrainingData data, IProgress<DesignComparisonProgress>? progress = null)
    {
        Check.NotNull(options);
        Check.NotNull(options.Hparams, nameof(LayerDesignOptions.Hparams));
        Check.NotBlank(options.Parameter, nameof(LayerDesignOptions.Parameter));
        Check.NotNull(options.SubsetSizes, nameof(LayerDesignOptions.SubsetSizes));
        Check.That(options.SubsetSizes.Count > 0 && options.SubsetSizes.All(k => k >= 1), "SubsetSizes must be a non-empty list of positive counts.",
            nameof(LayerDesignOptions.SubsetSizes));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var relay = progress is null ? null : new Relay(p =>
            progress.Report(new DesignComparisonProgress($"training (test {p.Point.TestAccuracy:P1})", p.Point.Iteration, p.TotalIterations)));
        var outcome = IterativeMagnitudePruning.TrainLevel(options.Hparams, 0, null, null, data, relay);
        try
        {
            var x = UnitRows(outcome.TrainedWeights, options.Parameter);
            string source = $"trained {options.Parameter}: {x.RowCount} units × {x.ColumnCount} outgoing weights";
            return DesignComparison.Compare(x, options.SubsetSizes, source, progress) with { ElapsedSeconds = clock.Elapsed.TotalSeconds };
        }
        finally
        {
            outcome.TrainedWeights.Dispose();
            outcome.RewindWeights.Dispose();
            outcome.Result.Mask.Dispose();
        }
    }

    private sealed class Relay(Action<ImpProgress> report) : IProgress<ImpProgress>
    {
        public void Report(ImpProgress value) => report(value);
    }
}
