using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Support;

internal static class Weights
{
    /// <summary>Seeded random weights for every prunable layer of <paramref name="model"/>, optionally rounded to create ties.</summary>
    public static WeightSnapshot Random(PrunableModel model, long seed, double? roundTo = null) =>
        WeightSnapshot.FromTensors(RandomTensors(model, seed, roundTo));

    /// <summary><see cref="Random"/> as tensors, by layer name.</summary>
    public static Dictionary<string, Tensor> RandomTensors(PrunableModel model, long seed, double? roundTo = null)
    {
        using var gen = new Generator((ulong)seed);
        var result = new Dictionary<string, Tensor>();
        foreach (var (name, p) in model.PrunableTensors())
        {
            var w = torch.randn(p.shape, generator: gen);
            if (roundTo is { } r) w = (w / r).round() * r;
            result[name] = w;
        }
        return result;
    }

    public static float[] Host(Tensor t) => t.detach().cpu().contiguous().to(ScalarType.Float32).data<float>().ToArray();

    public static bool[] HostBool(Tensor t) => t.detach().cpu().contiguous().data<bool>().ToArray();
}
