using LotteryTickets.Models;

namespace LotteryTickets.Experiments;

/// <summary>A <see cref="UnitSelectionSweep"/>'s result: for each network, the three rules' selections at each k
/// (JSON-serialisable).</summary>
/// <param name="Layer">The layer whose units were selected.</param>
/// <param name="Units">m, the layer's units.</param>
/// <param name="Components">p, the directions of the activation design.</param>
/// <param name="RandomDraws">Random k-subsets per network and k.</param>
/// <param name="RefitDraws">How many of them were refitted for their accuracy.</param>
/// <param name="Networks">One per network, in the order of the seeds.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds (the networks' training not included when they were stored).</param>
public sealed record UnitSelectionResult(LeNetLayer Layer, int Units, int Components, int RandomDraws, int RefitDraws,
    IReadOnlyList<UnitSelectionNetwork> Networks, double ElapsedSeconds)
{
    /// <summary>The k values compared, ascending.</summary>
    public IReadOnlyList<int> SubsetSizes => Networks.Count == 0 ? [] : Networks[0].Points.Select(p => p.SubsetSize).ToList();

    /// <summary>Each network's point at k, in network order.</summary>
    public IReadOnlyList<UnitSelectionPoint> At(int subsetSize)
    {
        Check.That(SubsetSizes.Contains(subsetSize), $"subsetSize must be one of {string.Join(", ", SubsetSizes)}; got {subsetSize}.",
            nameof(subsetSize));
        return Networks.Select(n => n.Points.First(p => p.SubsetSize == subsetSize)).ToList();
    }

    /// <summary>E.g. "LeNet fc2: 100 units, activation design p = 10".</summary>
    public string Source => $"trained LeNet {SerialNames.Of(Layer)}: {Units} units, activation design p = {Components}";
}

/// <summary>One network of a <see cref="UnitSelectionResult"/>.</summary>
/// <param name="Seed">The network's seed.</param>
/// <param name="DenseAccuracy">The trained network's own test accuracy (%).</param>
/// <param name="AllUnitsAccuracy">Test accuracy (%) of the read-out refitted by least squares on all the layer's units.</param>
/// <param name="Points">One per k, ascending.</param>
public sealed record UnitSelectionNetwork(long Seed, double DenseAccuracy, double AllUnitsAccuracy, IReadOnlyList<UnitSelectionPoint> Points);
