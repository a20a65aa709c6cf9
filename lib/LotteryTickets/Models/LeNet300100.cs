using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// LeNet-300-100: a fully connected network 784 → 300 → 100 → 10 with ReLU (Frankle &amp; Carbin 2019). It flattens
/// its input, so images [N, 1, 28, 28] and vectors [N, 784] both work.
/// </summary>
public sealed class LeNet300100 : PrunableModel
{
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    private readonly int _inputs, _classes;

    /// <summary>Builds the layers with PyTorch's default initialisation (seed the global generator first for reproducibility).</summary>
    public LeNet300100(int inputs = 784, int hidden1 = 300, int hidden2 = 100, int classes = 10) : base("lenet_300_100")
    {
        _inputs = inputs;
        _classes = classes;
        Check.Positive(inputs);
        Check.Positive(hidden1);
        Check.Positive(hidden2);
        Check.InRange(classes, 2, 1_000_000);
        fc1 = nn.Linear(inputs, hidden1);
        fc2 = nn.Linear(hidden1, hidden2);
        fc3 = nn.Linear(hidden2, classes);
        RegisterComponents();
        UnitGroups =
        [
            new UnitGroup("fc1", UnitKind.Neuron, hidden1, [new("fc1.weight", 0), new("fc1.bias", 0), new("fc2.weight", 1)]),
            new UnitGroup("fc2", UnitKind.Neuron, hidden2, [new("fc2.weight", 0), new("fc2.bias", 0), new("fc3.weight", 1)]),
        ];
    }

    /// <inheritdoc />
    public override IReadOnlyList<UnitGroup> UnitGroups { get; }

    /// <inheritdoc />
    public override PrunableModel Resized(IReadOnlyDictionary<string, int> counts) =>
        new LeNet300100(_inputs, CountOf(counts, "fc1"), CountOf(counts, "fc2"), _classes);

    /// <inheritdoc />
    public override IReadOnlyList<string> PrunableParameters { get; } = ["fc1.weight", "fc2.weight", "fc3.weight"];

    /// <inheritdoc />
    public override string OutputParameter => "fc3.weight";

    internal override (long[] Example, bool AnyLayout)? InputShape => ([_inputs], true);

    /// <summary>
    /// The two hidden layers' activations after their ReLU, [N, hidden1] and [N, hidden2], for <paramref name="input"/>
    /// (images or vectors, as <see cref="forward"/> takes): the features a later layer reads, e.g. the columns of a
    /// dictionary built from the network. The caller owns (and disposes) both tensors.
    /// </summary>
    public (Tensor Hidden1, Tensor Hidden2) Hidden(Tensor input)
    {
        CheckInput(input, nameof(input));
        var h1 = nn.functional.relu(fc1.call(input.flatten(1)));
        return (h1, nn.functional.relu(fc2.call(h1)));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        CheckInput(input, nameof(input));
        var x = nn.functional.relu(fc1.call(input.flatten(1)));
        x = nn.functional.relu(fc2.call(x));
        return fc3.call(x);
    }
}
