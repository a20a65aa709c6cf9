using LotteryTickets.Models;
using MathNet.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace LotteryTickets.Experiments;

/// <summary>What a trained (or freshly initialised) network computes inside, as plain matrices for the sparse-recovery
/// and design code: a hidden layer's activations over a set of inputs.</summary>
public static class NetworkFeatures
{
    /// <summary>
    /// The activations (after ReLU) of <paramref name="layer"/> of <paramref name="network"/> for each row of
    /// <paramref name="inputs"/>: a matrix of examples × units in float64, computed without gradients.
    /// </summary>
    public static Matrix<double> Of(LeNet300100 network, Tensor inputs, LeNetLayer layer)
    {
        Check.NotNull(network);
        network.CheckInput(inputs, nameof(inputs));
        Check.Defined(layer);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (h1, h2) = network.Hidden(inputs);
        var h = (layer == LeNetLayer.Fc1 ? h1 : h2).to(ScalarType.Float64).cpu().contiguous();
        int rows = (int)h.shape[0], units = (int)h.shape[1];
        var values = h.data<double>().ToArray();
        return Matrix<double>.Build.Dense(rows, units, (i, j) => values[(long)i * units + j]);
    }
}
