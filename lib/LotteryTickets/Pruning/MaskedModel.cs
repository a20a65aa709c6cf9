using LotteryTickets.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Pruning;

/// <summary>
/// A model together with a mask: <see cref="ApplyMask"/> zeroes the pruned weights in place. Training calls it after
/// every optimizer step so pruned weights stay exactly zero (Adam's momentum would otherwise move them).
/// Does not own the model or the mask.
/// </summary>
public sealed class MaskedModel : IDisposable
{
    private readonly List<(Tensor Parameter, Tensor Multiplier)> _pairs = new();

    /// <summary>Checks that <paramref name="mask"/> matches <paramref name="model"/> and prepares the masks on the model's device.</summary>
    public MaskedModel(PrunableModel model, Mask mask)
    {
        Model = Check.NotNull(model);
        Mask = Check.NotNull(mask);
        mask.EnsureMatches(model);
        foreach (var (name, p) in model.PrunableTensors())
            if (mask.Kept(name) < mask.Total(name)) // fully kept layers need no multiply (the dense level 0 costs nothing)
                _pairs.Add((p, mask.ToTensor(name, p.dtype, p.device)));
    }

    /// <summary>The model.</summary>
    public PrunableModel Model { get; }

    /// <summary>The mask.</summary>
    public Mask Mask { get; }

    /// <summary>Zeroes the pruned weights in place (under no_grad).</summary>
    public void ApplyMask()
    {
        using var _ = torch.no_grad();
        foreach (var (p, m) in _pairs) p.mul_(m);
    }

    /// <summary>The 0/1 multiplier of <paramref name="parameter"/> (one of the model's own parameter objects, as
    /// <c>parameters()</c> and <c>named_parameters()</c> both return them), or null when that parameter is not masked
    /// (fully kept, or not prunable).</summary>
    internal Tensor? MultiplierOf(Tensor parameter)
    {
        foreach (var (p, m) in _pairs)
            if (p.Handle == parameter.Handle) return m;
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, m) in _pairs) m.Dispose();
        _pairs.Clear();
    }
}
