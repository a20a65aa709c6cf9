using LotteryTickets.Design;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Training;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Experiments;

/// <summary>
/// Row selection on a trained network: the units feeding a layer are the candidate rows, each described by its
/// outgoing weight vector; keeping k units by magnitude (largest outgoing norm, i.e. structured magnitude pruning)
/// is compared with keeping the A-optimal k (whose read-out vectors span the next layer's space best). The dense
/// network (IMP's level 0, from <see cref="Seed"/>) is trained first; the run key names the data too.
/// </summary>
/// <param name="Hparams">The network and its training.</param>
/// <param name="Parameter">The weight matrix [out, in] whose columns give the rows: input unit j of the layer is
/// described by its outgoing weight vector W[:, j] ∈ ℝ^out.</param>
/// <param name="SubsetSizes">How many units to keep, each in [out, in].</param>
/// <param name="Data">The splits the network trains on (named in the run key by a fingerprint of the examples).</param>
public sealed record LayerDesignSweep(LotteryHparams Hparams, [property: NotEmpty] string Parameter,
    [property: NotEmpty, Positive] IReadOnlyList<int> SubsetSizes, [property: NotInRunKey] TrainingData Data) : Sweep<DesignComparisonResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.LayerDesign;

    /// <summary>Seeds the network's initialisation and data order (default 0).</summary>
    public long Seed { get; init; }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, object? Value)> KeyExtras() => [("data", DataFingerprint.Describe(Data, null))];

    /// <inheritdoc />
    public override void CheckRelations() =>
        IterativeMagnitudePruning.CheckDataFits(Hparams, Data, nameof(Data)); // the data must fit the network, before any work

    /// <inheritdoc />
    protected override DesignComparisonResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Training is all but the last unit of work; the comparison of the selections is the last.
        var relay = Relay<ImpProgress>.To(progress, p => new ExperimentProgress(p.Point.Iteration, p.TotalIterations + 1, "iterations")
        {
            Stage = "training " + Hparams.Model.Name,
            Training = new TrainingStatus(p.Level, p.PercentRemaining, p.Point.Iteration, p.TotalIterations, p.Point.TestAccuracy),
        });
        var outcome = IterativeMagnitudePruning.TrainLevel(Hparams, Seed, 0, null, null, Data, relay, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var x = UnitRows(outcome.TrainedWeights, Parameter);
        string source = $"trained {Parameter}: {x.RowCount} units × {x.ColumnCount} outgoing weights";
        DesignComparison.CheckSizes(SubsetSizes, x.RowCount, x.ColumnCount, nameof(SubsetSizes)); // named as this sweep calls them
        var result = DesignComparison.Compare(x, SubsetSizes, source) with { ElapsedSeconds = clock.Elapsed.TotalSeconds };
        int total = outcome.Result.Training.TotalIterations + 1;
        progress?.Report(new ExperimentProgress(total, total, "iterations") { Stage = "selections compared" });
        return result;
    }

    /// <summary>The units × outputs matrix Wᵀ of a [out, in] weight in <paramref name="weights"/>.</summary>
    public static Matrix<double> UnitRows(WeightSnapshot weights, string parameter)
    {
        Check.NotNull(weights);
        Check.NotBlank(parameter);
        Check.That(weights.Names.Contains(parameter), $"parameter must be one of {string.Join(", ", weights.Names)}; got \"{parameter}\".",
            nameof(parameter));
        var shape = weights.ShapeOf(parameter);
        Check.That(shape.Length == 2, $"parameter must name a matrix; \"{parameter}\" has {shape.Length} dimensions.", nameof(parameter));
        int outs = (int)shape[0], ins = (int)shape[1];
        var values = weights.ValuesOf(parameter);
        return Matrix<double>.Build.Dense(ins, outs, (i, j) => values[j * ins + i]);
    }
}
