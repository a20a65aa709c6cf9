using LotteryTickets.Models;
using LotteryTickets.Pruning;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Hardware;

/// <summary>
/// An unstructurally pruned fully connected network run through a real sparse kernel: each weight matrix is held as a
/// COO sparse tensor of its kept weights only (TorchSharp 0.107 has COO, no CSR), and inference and a plain-SGD
/// training step use libtorch's sparse × dense product, so the work done scales with the kept weights, not the dense
/// shape. The step is written out by hand because libtorch's autograd returns a dense gradient for a sparse matrix
/// (a dense Wᵀ-sized product, which would defeat the purpose): forward zᵀ = W·hᵀ; input gradient (Wᵀ·gᵀ)ᵀ with a
/// pre-built sparse Wᵀ; weight gradient only at the kept positions, Σ_b g[b, row]·h[b, col] (libtorch has no sampled
/// dense-dense product, so this gathers in batch chunks). The model's weights are copied in; the model is not changed.
/// Supports <see cref="LeNet300100"/> (a chain of linear layers with ReLU between them).
/// </summary>
public sealed class SparseKernelModel : IDisposable
{
    private const long GatherChunkElements = 1 << 22; // batch chunk × kept weights per gather, ~16 MB of float32

    private readonly List<Layer> _layers = new();

    private sealed record Layer(string Name, Tensor Weight, Tensor WeightT, Tensor Values, Tensor ValuesT, Tensor Permutation,
        Tensor Rows, Tensor Cols, Tensor Bias, long Inputs, long Outputs);

    /// <summary>Whether <paramref name="model"/> can run through the sparse kernel (fully connected layers only).</summary>
    public static bool Supports(PrunableModel model) => Check.NotNull(model) is LeNet300100;

    /// <summary>Copies the kept weights of <paramref name="model"/> under <paramref name="mask"/> into sparse matrices
    /// on the model's device.</summary>
    public SparseKernelModel(PrunableModel model, Mask mask)
    {
        Check.NotNull(model);
        Check.NotNull(mask);
        Check.That(Supports(model),
            $"the sparse kernel runs fully connected models (lenet_300_100); model {model.GetName()} has layers it does not cover.", nameof(model));
        mask.EnsureMatches(model);
        try
        {
            using var _ = torch.no_grad();
            var state = model.state_dict();
            foreach (var name in model.PrunableParameters)
            {
                using var scope = torch.NewDisposeScope();
                var w = state[name].detach().mul(mask.ToTensor(name, state[name].dtype, state[name].device));
                var sparse = w.to_sparse();
                var values = sparse.SparseValues;
                var indices = sparse.SparseIndices;
                long nnz = values.shape[0];
                // Wᵀ as its own coalesced COO matrix; Permutation maps its values to W's (kept in step by TrainStep).
                var order = torch.zeros(w.shape, ScalarType.Int64, device: w.device);
                order.index_put_(torch.arange(1, nnz + 1, ScalarType.Int64, device: w.device), indices[0], indices[1]);
                var orderT = order.t().contiguous().to_sparse();
                var permutation = orderT.SparseValues.sub(1);
                var weightT = w.t().contiguous().to_sparse(); // coalesced, its values in orderT's order: values[permutation]
                string bias = name.Replace(".weight", ".bias");
                var layer = new Layer(name, sparse, weightT, values, weightT.SparseValues, permutation, indices[0], indices[1],
                    state[bias].detach().clone(), w.shape[1], w.shape[0]);
                foreach (var t in new[] { layer.Weight, layer.WeightT, layer.Values, layer.ValuesT, layer.Permutation, layer.Rows, layer.Cols,
                    layer.Bias })
                    t.MoveToOuterDisposeScope();
                _layers.Add(layer);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Kept weights (the non-zeros the kernel multiplies).</summary>
    public long NonZeros => _layers.Sum(l => l.Values.shape[0]);

    /// <summary>Logits for inputs <paramref name="x"/> ([N, …] flattened to [N, inputs]).</summary>
    public Tensor Forward(Tensor x)
    {
        CheckInput(x);
        using var scope = torch.NewDisposeScope();
        var h = x.flatten(1);
        for (int i = 0; i < _layers.Count; i++)
        {
            h = torch.mm(_layers[i].Weight, h.t()).t().add(_layers[i].Bias);
            if (i < _layers.Count - 1) h = nn.functional.relu(h);
        }
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One plain-SGD step (no momentum, no weight decay) of mean cross-entropy on (<paramref name="x"/>,
    /// <paramref name="y"/>), updating only the kept weights and the biases. Returns nothing (no host sync).
    /// </summary>
    public void TrainStep(Tensor x, Tensor y, double learningRate)
    {
        CheckInput(x);
        Check.NotNull(y);
        Check.That(y.dtype == ScalarType.Int64 && y.dim() == 1 && y.shape[0] == x.shape[0],
            "y must be int64 class indices, one per row of x.", nameof(y));
        Check.That(double.IsFinite(learningRate) && learningRate > 0, $"learningRate must be positive; got {learningRate}.", nameof(learningRate));
        using var _ = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        long batch = x.shape[0];
        var inputs = new List<Tensor> { x.flatten(1) };
        var preActivations = new List<Tensor>();
        for (int i = 0; i < _layers.Count; i++)
        {
            var z = torch.mm(_layers[i].Weight, inputs[i].t()).t().add(_layers[i].Bias);
            preActivations.Add(z);
            if (i < _layers.Count - 1) inputs.Add(nn.functional.relu(z));
        }
        var logits = preActivations[^1];
        var g = nn.functional.softmax(logits, 1).sub_(nn.functional.one_hot(y, logits.shape[1]).to(logits.dtype)).div_(batch);
        for (int i = _layers.Count - 1; i >= 0; i--)
        {
            var l = _layers[i];
            var gradValues = KeptWeightGradient(g, inputs[i], l);
            var gradBias = g.sum(dim: 0);
            if (i > 0) g = torch.mm(l.WeightT, g.t()).t().mul(preActivations[i - 1].gt(0));
            l.Values.add_(gradValues, alpha: -learningRate);
            l.ValuesT.copy_(l.Values.index_select(0, l.Permutation));
            l.Bias.add_(gradBias, alpha: -learningRate);
        }
    }

    // Σ_b g[b, row_k] · h[b, col_k] for every kept weight k, in batch chunks to bound the gathered memory.
    private static Tensor KeptWeightGradient(Tensor g, Tensor h, Layer l)
    {
        long nnz = l.Values.shape[0], batch = g.shape[0];
        long chunk = Math.Max(1, Math.Min(batch, GatherChunkElements / Math.Max(1, nnz)));
        var sum = torch.zeros(nnz, g.dtype, g.device);
        for (long start = 0; start < batch; start += chunk)
        {
            long len = Math.Min(chunk, batch - start);
            // dim: named, a bare 0 binds to sum(ScalarType)
            sum.add_(g.narrow(0, start, len).index_select(1, l.Rows).mul_(h.narrow(0, start, len).index_select(1, l.Cols)).sum(dim: 0));
        }
        return sum;
    }

    /// <summary>The current weights as dense tensors by parameter name (for tests and inspection).</summary>
    public IReadOnlyDictionary<string, Tensor> DenseWeights()
    {
        var result = new Dictionary<string, Tensor>();
        foreach (var l in _layers) result[l.Name] = l.Weight.to_dense();
        return result;
    }

    private void CheckInput(Tensor x)
    {
        Check.NotNull(x);
        Check.That(_layers.Count > 0, "the sparse model has been disposed.", nameof(x));
        Check.That(x.dim() >= 2 && x.shape[0] >= 1 && x.numel() / x.shape[0] == _layers[0].Inputs,
            $"x must be [N, …] with {_layers[0].Inputs} features per row; got [{string.Join(", ", x.shape)}].", nameof(x));
        Check.That(x.device.type == _layers[0].Bias.device.type && x.dtype == _layers[0].Bias.dtype,
            $"x must be {_layers[0].Bias.dtype} on {_layers[0].Bias.device}; got {x.dtype} on {x.device}.", nameof(x));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var l in _layers)
            foreach (var t in new[] { l.Weight, l.WeightT, l.Values, l.ValuesT, l.Permutation, l.Rows, l.Cols, l.Bias })
                t.Dispose();
        _layers.Clear();
    }
}
