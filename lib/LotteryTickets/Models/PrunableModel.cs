using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// A classifier whose weights can be pruned: it names the parameters a mask covers (as in
/// <c>named_parameters()</c>, e.g. <c>"fc1.weight"</c>) and which of them belongs to the output layer.
/// </summary>
public abstract class PrunableModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module; derived classes build their layers, then call <c>RegisterComponents()</c>.</summary>
    protected PrunableModel(string name) : base(name) { }

    /// <summary>Names of the prunable parameters (the weights of every layer, biases excluded), input to output.</summary>
    public abstract IReadOnlyList<string> PrunableParameters { get; }

    /// <summary>The name of the output layer's weight (also listed in <see cref="PrunableParameters"/>).</summary>
    public abstract string OutputParameter { get; }

    /// <summary>The device the parameters live on.</summary>
    public Device Device => parameters().First().device;

    /// <summary>The prunable parameters by name, in <see cref="PrunableParameters"/> order (live references).</summary>
    public IReadOnlyDictionary<string, Tensor> PrunableTensors()
    {
        var all = named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var result = new Dictionary<string, Tensor>();
        foreach (var name in PrunableParameters) result[name] = all[name];
        return result;
    }

    /// <summary>Number of prunable weights.</summary>
    public long PrunableCount => PrunableTensors().Values.Sum(t => t.numel());
}
