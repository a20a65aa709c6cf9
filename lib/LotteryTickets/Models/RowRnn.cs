using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// An Elman RNN classifier on sequential MNIST: an image is a sequence of its rows (28 steps of 28 pixels), the cell
/// h_t = tanh(W_x·x_t + W_h·h_{t−1} + b) runs over them from h_0 = 0, and a linear read-out classifies h_T. With
/// <c>tied</c> weights (the usual RNN) one W_x, W_h, b serve every step, so pruning one of their entries removes it
/// at every step; <c>untied</c>, step t has its own W_x[t], W_h[t], b[t] (about T times the weights). Both run the
/// same cell code on the same hidden size, so weight sharing is the only difference; an untied model whose per-step
/// weights all equal a tied model's computes exactly what the tied model computes.
/// </summary>
public sealed class RowRnn : PrunableModel
{
    private readonly ModuleList<Linear> inputs, hiddens;
    private readonly Linear output;
    private readonly int _steps, _stepWidth, _hidden;

    /// <summary>Builds the layers with PyTorch's default initialisation (seed the global generator first).</summary>
    /// <param name="tied">One set of recurrent weights for every step (true) or one per step (false).</param>
    /// <param name="hidden">Hidden state width.</param>
    /// <param name="steps">Sequence length T (the image's rows).</param>
    /// <param name="stepWidth">Inputs per step (the pixels of a row).</param>
    /// <param name="classes">Number of classes.</param>
    public RowRnn(bool tied, int hidden = 128, int steps = 28, int stepWidth = 28, int classes = 10) : base(tied ? "rnn" : "rnn_untied")
    {
        Check.Positive(hidden);
        Check.InRange(steps, 1, 10_000);
        Check.Positive(stepWidth);
        Check.InRange(classes, 2, 1_000_000);
        (Tied, _steps, _stepWidth, _hidden) = (tied, steps, stepWidth, hidden);
        int sets = tied ? 1 : steps;
        // W_h carries the bias b (W_x has none), so each step's affine map is W_x·x + W_h·h + b.
        inputs = nn.ModuleList(Enumerable.Range(0, sets).Select(_ => nn.Linear(stepWidth, hidden, hasBias: false)).ToArray());
        hiddens = nn.ModuleList(Enumerable.Range(0, sets).Select(_ => nn.Linear(hidden, hidden)).ToArray());
        output = nn.Linear(hidden, classes);
        RegisterComponents();
        PrunableParameters = [.. Enumerable.Range(0, sets).SelectMany(i => new[] { $"inputs.{i}.weight", $"hiddens.{i}.weight" }), "output.weight"];
    }

    /// <summary>Whether one set of weights serves every step.</summary>
    public bool Tied { get; }

    /// <summary>Sequence length T.</summary>
    public int Steps => _steps;

    /// <inheritdoc />
    public override IReadOnlyList<string> PrunableParameters { get; }

    /// <inheritdoc />
    public override string OutputParameter => "output.weight";

    /// <inheritdoc />
    /// <remarks>A tied recurrent weight is multiplied at every step: T uses per example (the read-out once).</remarks>
    public override long WeightUses(string parameter)
    {
        long uses = base.WeightUses(parameter);
        return Tied && parameter != OutputParameter ? _steps : uses;
    }

    /// <summary>
    /// Copies a tied model's weights into every step of this untied one (same sizes): afterwards both compute the same
    /// outputs. Throws unless this model is untied and <paramref name="tied"/> is tied.
    /// </summary>
    public void CopyTiedWeights(RowRnn tied)
    {
        Check.NotNull(tied);
        Check.That(!Tied && tied.Tied, "CopyTiedWeights copies a tied model into an untied one.", nameof(tied));
        Check.That(tied._hidden == _hidden && tied._steps == _steps && tied._stepWidth == _stepWidth,
            "tied must have this model's hidden width, steps and step width.", nameof(tied));
        using var _ = torch.no_grad();
        for (int t = 0; t < _steps; t++)
        {
            inputs[t].weight!.copy_(tied.inputs[0].weight!);
            hiddens[t].weight!.copy_(tied.hiddens[0].weight!);
            hiddens[t].bias!.copy_(tied.hiddens[0].bias!);
        }
        output.weight!.copy_(tied.output.weight!);
        output.bias!.copy_(tied.output.bias!);
    }

    internal override (long[] Example, bool AnyLayout)? InputShape => ([_steps, _stepWidth], true);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        CheckInput(input, nameof(input));
        long n = input.shape[0];
        var x = input.reshape(n, _steps, _stepWidth);
        var h = torch.zeros(n, _hidden, dtype: x.dtype, device: x.device);
        for (int t = 0; t < _steps; t++)
        {
            int set = Tied ? 0 : t;
            h = Cell(x.select(1, t), h, inputs[set], hiddens[set]);
        }
        return output.call(h);
    }

    // The one cell both variants run.
    private static Tensor Cell(Tensor x, Tensor h, Linear input, Linear hidden) => torch.tanh(input.call(x).add(hidden.call(h)));
}
