using LotteryTickets.Models;

namespace LotteryTickets.Pruning;

/// <summary>A pruning rule: from the current mask and the trained weights, the next (sparser) mask.</summary>
public interface IPruningStrategy
{
    /// <summary>The registry name (see <see cref="PruningStrategies"/>).</summary>
    string Name { get; }

    /// <summary>
    /// The next mask. Weights already pruned stay pruned; <paramref name="trainedWeights"/> must contain every layer of
    /// <paramref name="current"/> with the same shape (extra entries, e.g. biases, are ignored). The weights are read in
    /// place from the snapshot's host arrays (<see cref="WeightSnapshot.FromTensors"/> makes one from tensors).
    /// </summary>
    Mask Prune(Mask current, WeightSnapshot trainedWeights, PruningHparams hparams);
}
