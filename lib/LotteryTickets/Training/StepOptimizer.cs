using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Storage;
using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Training;

/// <summary>
/// The optimizer step the trainer takes, with the mask re-applied as part of it: <see cref="FusedAdam"/> where every
/// parameter is a contiguous float32 CPU tensor and the optimizer is Adam, TorchSharp's own Adam or SGD (followed by
/// <see cref="MaskedModel.ApplyMask"/>) elsewhere — on a GPU, and for SGD.
/// </summary>
internal abstract class StepOptimizer : IDisposable
{
    /// <summary>The optimizer for <paramref name="model"/>'s parameters under <paramref name="hparams"/>; the mask
    /// (when given) is applied after every <see cref="Step"/>.</summary>
    public static StepOptimizer Create(PrunableModel model, TrainingHparams hparams, MaskedModel? masked)
    {
        var parameters = model.parameters().Cast<Tensor>().ToList();
        if (hparams.Optimizer == Optimizer.Adam && FusedAdam.Supports(parameters))
            return new FusedAdam(parameters, hparams.LearningRate, hparams.WeightDecay, masked);
        optim.Optimizer optimizer = hparams.Optimizer == Optimizer.Sgd
            ? torch.optim.SGD(model.parameters(), hparams.LearningRate, momentum: hparams.Momentum, weight_decay: hparams.WeightDecay)
            : torch.optim.Adam(model.parameters(), hparams.LearningRate, weight_decay: hparams.WeightDecay);
        return new TorchOptimizer(optimizer, masked);
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public abstract void ZeroGrad();

    /// <summary>One optimizer step from the gradients now held, then the mask.</summary>
    public abstract void Step();

    /// <inheritdoc />
    public abstract void Dispose();

    private sealed class TorchOptimizer(optim.Optimizer optimizer, MaskedModel? masked) : StepOptimizer
    {
        public override void ZeroGrad() => optimizer.zero_grad();

        public override void Step()
        {
            optimizer.step();
            masked?.ApplyMask();
        }

        public override void Dispose() => optimizer.Dispose();
    }
}

/// <summary>
/// Adam (Kingma &amp; Ba; PyTorch's and TorchSharp's form, with L2 weight decay added to the gradient) in one pass
/// per parameter over its host memory, the mask multiplied in the same pass: p ← (p − lr/(1−β₁ᵗ)·m / (√v/√(1−β₂ᵗ) + ε))·mask
/// after m ← β₁m + (1−β₁)g and v ← β₂v + (1−β₂)g², in float32 and in TorchSharp's order of operations, so it agrees
/// with <c>torch.optim.Adam</c> to rounding. TorchSharp's Adam issues about ten native calls per parameter per step,
/// each a pass over the parameter (and a mask multiply after it): on LeNet-300-100 that was 0.43 ms of a 1.7 ms step,
/// this is ~0.12 ms. CPU float32 contiguous parameters only (<see cref="Supports"/>); the moments live in native
/// tensors, freed on Dispose (managed arrays of this size wait for a full collection, and resident memory grew by
/// them level after level); single-threaded, so the result does not depend on the thread count.
/// </summary>
internal sealed class FusedAdam : StepOptimizer
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly Tensor[] _parameters;
    private readonly Tensor?[] _multipliers;
    private readonly Tensor[] _m, _v; // the moments, native like the parameters: freed on Dispose, not left to the GC
    private readonly double _learningRate, _weightDecay;
    private int _step;

    /// <summary>Whether every parameter is a contiguous float32 tensor in host memory.</summary>
    public static bool Supports(IEnumerable<Tensor> parameters) =>
        parameters.All(p => p.device_type == DeviceType.CPU && p.dtype == ScalarType.Float32 && p.is_contiguous());

    public FusedAdam(IReadOnlyList<Tensor> parameters, double learningRate, double weightDecay, MaskedModel? masked)
    {
        Check.That(Supports(parameters), "FusedAdam needs contiguous float32 CPU parameters.", nameof(parameters));
        _parameters = [.. parameters];
        _multipliers = [.. parameters.Select(p => masked?.MultiplierOf(p))];
        foreach (var k in _multipliers)
            Check.That(k is null || (k.dtype == ScalarType.Float32 && k.device_type == DeviceType.CPU && k.is_contiguous()),
                "the mask's multipliers must be contiguous float32 CPU tensors.", nameof(masked));
        _m = [.. parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope())];
        _v = [.. parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope())];
        _learningRate = Check.Positive(learningRate);
        _weightDecay = Check.NonNegative(weightDecay);
    }

    public override void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            using var g = p.grad;
            if (g is null) continue;
            if (g.device_type == DeviceType.CPU && g.dtype == ScalarType.Float32 && g.is_contiguous()) Floats(g).Clear();
            else
            {
                using var _ = torch.no_grad();
                g.zero_();
            }
        }
    }

    public override void Step()
    {
        _step++;
        float stepSize = (float)(_learningRate / (1 - Math.Pow(Beta1, _step)));
        float correction2 = (float)Math.Sqrt(1 - Math.Pow(Beta2, _step));
        for (int k = 0; k < _parameters.Length; k++)
        {
            using var g = _parameters[k].grad;
            if (g is null) continue; // no gradient: Adam leaves the parameter (and its moments) alone
            using var contiguous = g.is_contiguous() && g.dtype == ScalarType.Float32 ? g.alias() : g.to(ScalarType.Float32).contiguous();
            var keep = _multipliers[k];
            Update(Floats(_parameters[k]), Floats(contiguous), Floats(_m[k]), Floats(_v[k]), keep is null ? default : Floats(keep),
                stepSize, correction2, (float)_weightDecay);
        }
    }

    public override void Dispose()
    {
        foreach (var t in _m.Concat(_v)) t.Dispose();
    }

    private static Span<float> Floats(Tensor t) => HostArrays.Elements<float>(t);

    private static void Update(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, ReadOnlySpan<float> keep,
        float stepSize, float correction2, float weightDecay)
    {
        const float b1 = (float)Beta1, c1 = (float)(1 - Beta1), b2 = (float)Beta2, c2 = (float)(1 - Beta2), eps = (float)Epsilon;
        bool masked = !keep.IsEmpty;
        int i = 0;
        if (Vector.IsHardwareAccelerated && p.Length >= Vector<float>.Count)
        {
            var vp = MemoryMarshal.Cast<float, Vector<float>>(p);
            var vg = MemoryMarshal.Cast<float, Vector<float>>(g);
            var vm = MemoryMarshal.Cast<float, Vector<float>>(m);
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
            var vk = masked ? MemoryMarshal.Cast<float, Vector<float>>(keep) : default;
            Vector<float> vb1 = new(b1), vc1 = new(c1), vb2 = new(b2), vc2 = new(c2), veps = new(eps),
                vstep = new(stepSize), vcorr = new(correction2), vwd = new(weightDecay);
            for (int j = 0; j < vp.Length; j++)
            {
                var gj = weightDecay == 0 ? vg[j] : vg[j] + vp[j] * vwd;
                var mj = vm[j] * vb1 + gj * vc1;
                var vj = vv[j] * vb2 + gj * gj * vc2;
                vm[j] = mj;
                vv[j] = vj;
                var pj = vp[j] - vstep * (mj / (Vector.SquareRoot(vj) / vcorr + veps));
                vp[j] = masked ? pj * vk[j] : pj;
            }
            i = vp.Length * Vector<float>.Count;
        }
        for (; i < p.Length; i++)
        {
            float gi = weightDecay == 0 ? g[i] : g[i] + p[i] * weightDecay;
            float mi = m[i] * b1 + gi * c1, vi = v[i] * b2 + gi * gi * c2;
            m[i] = mi;
            v[i] = vi;
            float pi = p[i] - stepSize * (mi / (MathF.Sqrt(vi) / correction2 + eps));
            p[i] = masked ? pi * keep[i] : pi;
        }
    }
}
