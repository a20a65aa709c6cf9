using MathNet.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Models;

/// <summary>A hidden layer's activations, against the same network computed by hand in MathNet from its parameters.</summary>
public class LeNetFeaturesTests
{
    static Matrix<double> Parameter(LeNet300100 net, string name)
    {
        var t = net.named_parameters().Single(p => p.name == name).parameter.detach().to(ScalarType.Float64);
        var v = t.data<double>().ToArray();
        int rows = (int)t.shape[0], cols = t.dim() == 2 ? (int)t.shape[1] : 1;
        return Matrix<double>.Build.Dense(rows, cols, (i, j) => v[i * cols + j]);
    }

    // relu(W x + b) for each row of x (examples × inputs).
    static Matrix<double> Layer(Matrix<double> x, Matrix<double> w, Matrix<double> b) =>
        (x * w.Transpose() + Matrix<double>.Build.Dense(x.RowCount, 1, 1.0) * b.Transpose()).PointwiseMaximum(0);

    [Fact]
    public void EachHiddenLayersActivationsAreTheNetworksOwnComputationByHand()
    {
        using var net = (LeNet300100)new LeNetHparams { ImageSize = 3, Hidden1 = 5, Hidden2 = 4, Classes = 3 }.Create(CPU, seed: 7);
        using var inputs = randn(6, 9, generator: new TorchSharp.torch.Generator(3));
        var x = Matrix<double>.Build.Dense(6, 9, (i, j) => inputs[i, j].to(ScalarType.Float64).item<double>());
        var h1 = Layer(x, Parameter(net, "fc1.weight"), Parameter(net, "fc1.bias"));
        var h2 = Layer(h1, Parameter(net, "fc2.weight"), Parameter(net, "fc2.bias"));
        var f1 = NetworkFeatures.Of(net, inputs, LeNetLayer.Fc1);
        var f2 = NetworkFeatures.Of(net, inputs, LeNetLayer.Fc2);
        Assert.Equal((6, 5), (f1.RowCount, f1.ColumnCount));
        Assert.Equal((6, 4), (f2.RowCount, f2.ColumnCount));
        Assert.True((f1 - h1).Enumerate().All(d => Math.Abs(d) < 1e-5), "fc1");
        Assert.True((f2 - h2).Enumerate().All(d => Math.Abs(d) < 1e-5), "fc2");
        Assert.Contains(f1.Enumerate(), v => v == 0); // the ReLU is applied: some units are off for some inputs
        // The read-out of fc2's features is the network's output.
        var logits = f2 * Parameter(net, "fc3.weight").Transpose() + Matrix<double>.Build.Dense(6, 1, 1.0) * Parameter(net, "fc3.bias").Transpose();
        using var output = net.call(inputs);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(output[i, j].item<float>(), logits[i, j], 4);
    }
}
