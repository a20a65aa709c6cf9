using LotteryTickets.Models;
using MathNet.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace LotteryTickets.Experiments;

/// <summary>Which weights of a <see cref="DenseNetwork"/>: as initialised, or after training.</summary>
public enum NetworkState
{
    /// <summary>The weights the seed initialised (a random network).</summary>
    Initial,

    /// <summary>The weights after training.</summary>
    Trained,
}

/// <summary>One dense network: its settings, seed, initial and trained weights, and the trained network's final test accuracy
/// (%).</summary>
public sealed record DenseNetwork(ModelHparams Model, long Seed, WeightSnapshot Initial, WeightSnapshot Trained, double TestAccuracy)
{
    /// <summary>The weights of <paramref name="state"/>.</summary>
    public WeightSnapshot Weights(NetworkState state) => Check.Defined(state) == NetworkState.Initial ? Initial : Trained;

    /// <summary>The network with the weights of <paramref name="state"/>, on <paramref name="device"/> (the caller disposes it).</summary>
    public LeNet300100 Build(NetworkState state, Device? device = null)
    {
        var model = (LeNet300100)Model.Create(device ?? CPU, Seed);
        Weights(state).LoadInto(model);
        return model;
    }

    /// <summary>The activations of <paramref name="layer"/> over <paramref name="inputs"/> (examples × units, float64), with the
    /// weights of <paramref name="state"/>: <see cref="NetworkFeatures.Of"/>.</summary>
    public Matrix<double> Activations(NetworkState state, Tensor inputs, LeNetLayer layer)
    {
        Check.NotNull(inputs);
        using var model = Build(state, inputs.device);
        return NetworkFeatures.Of(model, inputs, layer);
    }
}
