using LotteryTickets.Design;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using static TorchSharp.torch;

namespace LotteryTickets.Experiments;

/// <summary>
/// Which units of a trained layer to keep, decided three ways and checked by refitting the read-out. For each network of
/// <see cref="Networks"/>, the layer's activations on the training split give the activation design
/// (<see cref="UnitDesign.Rows"/>: the units' coordinates on the top-p right singular vectors of the centred,
/// column-normalised activations); then for each k it keeps the A-optimal units (<see cref="DesignComparison.Optimal"/>),
/// the units of largest incoming-weight norm (<see cref="UnitMagnitude.Keep"/>, notebook 01's structured magnitude rule)
/// and <see cref="RandomDraws"/> uniformly random k-subsets; it records each selection's A-efficiency, its Jaccard overlap
/// with the A-optimal units, and the test accuracy of the least-squares read-out refitted on it
/// (<see cref="ReadoutRefit.Accuracy"/>). Each (network, k) draws from its own seed (Seed, network, k), so the result is
/// the same at any thread count.
/// </summary>
/// <param name="Networks">The trained networks (loaded from the run store when stored there, trained otherwise).</param>
/// <param name="Layer">The hidden layer whose units are kept.</param>
/// <param name="SubsetSizes">k values, each in [Components, the layer's width].</param>
/// <param name="Components">p, the directions of the activation design (10 for fc2: the read-out's outputs).</param>
/// <param name="RandomDraws">Random k-subsets per network and k (their efficiencies and overlaps are cheap).</param>
/// <param name="Seed">Master seed of the random draws.</param>
/// <param name="UnitNorm">The magnitude rule's norm of a unit's incoming weights: 1 (ℓ1, as notebook 01) or 2.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all); not part of the run key.</param>
/// <param name="RefitDraws">How many of the random draws (the first) also get the read-out refitted for their accuracy,
/// at most <paramref name="RandomDraws"/> (null: all; a refit costs far more than a criterion).</param>
public sealed record UnitSelectionSweep(
    DenseNetworks Networks,
    LeNetLayer Layer,
    [property: NotEmpty, Positive, Distinct] IReadOnlyList<int> SubsetSizes,
    [property: Positive] int Components,
    [property: Positive] int RandomDraws,
    int Seed,
    [property: Range(1, 2)] int UnitNorm = 1,
    [property: NotInRunKey, Positive] int? MaxDegreeOfParallelism = null,
    [property: Positive] int? RefitDraws = null) : Sweep<UnitSelectionResult>
{
    /// <inheritdoc />
    public override string Kind => ExperimentKinds.UnitSelection;

    /// <inheritdoc />
    protected override IEnumerable<(string Name, object? Value)> KeyExtras() => [("data", DataFingerprint.Describe(Networks.Data, null))];

    /// <inheritdoc />
    public override void CheckRelations()
    {
        int width = Width();
        Check.That(RefitDraws is null || RefitDraws <= RandomDraws, $"RefitDraws must be ≤ RandomDraws = {RandomDraws}; got {RefitDraws}.",
            nameof(RefitDraws));
        Check.That(Components <= width, $"Components must be ≤ the layer's {width} units; got {Components}.", nameof(Components));
        Check.That(SubsetSizes.All(k => k >= Components && k <= width),
            $"SubsetSizes must lie in [Components = {Components}, {width}] (at least p units, at most the layer's).", nameof(SubsetSizes));
    }

    int Width()
    {
        var lenet = (LeNetHparams)Networks.Hparams.Model;
        return Layer == LeNetLayer.Fc1 ? lenet.Hidden1 : lenet.Hidden2;
    }

    /// <inheritdoc />
    protected override UnitSelectionResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken) =>
        Compute(new ExperimentContext { Progress = progress, CancellationToken = cancellationToken });

    /// <inheritdoc />
    protected override UnitSelectionResult Compute(ExperimentContext context)
    {
        Check.NotNull(context);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var nets = Networks.Run(context).Networks; // its progress shows while it trains; loaded, it is instant
        var group = Networks.Hparams.Model.UnitGroups().First(g => g.Name == SerialNames.Of(Layer));
        var data = Networks.Data;
        int[] trainY = Labels(data.Train.Labels), testY = Labels(data.Test.Labels);
        var designs = nets.Select(n =>
        {
            var train = n.Activations(NetworkState.Trained, data.Train.Inputs, Layer);
            var test = n.Activations(NetworkState.Trained, data.Test.Inputs, Layer);
            return (Train: train, Test: test, X: UnitDesign.Rows(train, Components));
        }).ToArray();
        var sizes = SubsetSizes.Order().ToArray();
        int units = group.Count;
        var points = SeededParallel.Map(nets.Count * sizes.Length, cell =>
        {
            int n = cell / sizes.Length, i = cell % sizes.Length, k = sizes[i];
            var d = designs[n];
            double Accuracy(IReadOnlyList<int> kept) => ReadoutRefit.Accuracy(d.Train, trainY, d.Test, testY, kept);
            var optimal = DesignComparison.Optimal(d.X, k);
            var best = AOptimality.Evaluate(d.X, optimal.Rows);
            var magnitude = UnitMagnitude.Keep(nets[n].Trained, group, k, UnitNorm);
            var rng = new SeededRandom(SplitMix64.Derive(Seed, n, i, 0));
            var draws = Enumerable.Range(0, RandomDraws).Select(_ => DesignComparison.RandomSubset(rng, units, k)).ToArray();
            double[] eff = draws.Select(r => Efficiency(best, AOptimality.Evaluate(d.X, r))).ToArray();
            double[] acc = draws.Take(RefitDraws ?? RandomDraws).Select(Accuracy).ToArray();
            return new UnitSelectionPoint(k, optimal.Method, best.Rows, magnitude,
                Efficiency(best, AOptimality.Evaluate(d.X, magnitude)), AOptimality.Jaccard(best.Rows, magnitude),
                DesignComparison.RandomJaccard(units, k), eff.Average(), Spread(eff), draws.Average(r => AOptimality.Jaccard(best.Rows, r)),
                Accuracy(best.Rows), Accuracy(magnitude), acc.Average(), Spread(acc));
        }, MaxDegreeOfParallelism, context.Progress, "selections", context.CancellationToken);
        var all = Enumerable.Range(0, units).ToArray();
        var networks = nets.Select((net, n) => new UnitSelectionNetwork(net.Seed, net.TestAccuracy,
            ReadoutRefit.Accuracy(designs[n].Train, trainY, designs[n].Test, testY, all),
            points.Skip(n * sizes.Length).Take(sizes.Length).ToList())).ToList();
        return new UnitSelectionResult(Layer, units, Components, RandomDraws, RefitDraws ?? RandomDraws, networks, clock.Elapsed.TotalSeconds);
    }

    static double Efficiency(DesignSelection optimal, DesignSelection candidate) =>
        AOptimality.Efficiency(optimal, candidate) is var e && double.IsNaN(e) ? 0 : e;

    static double Spread(double[] values) => DesignComparison.Spread(values);

    static int[] Labels(Tensor labels)
    {
        using var l = labels.to(ScalarType.Int64).cpu();
        return l.data<long>().Select(v => (int)v).ToArray();
    }
}
