using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Data;

/// <summary>
/// Examples and labels held as two tensors on one device: <see cref="Inputs"/> is float32 [N, …] and
/// <see cref="Labels"/> is int64 [N]. The trainer slices mini-batches from it without copying to the host.
/// </summary>
public sealed class TensorDataset : IDisposable
{
    /// <summary>
    /// Wraps two tensors with the same first dimension: floating-point inputs [N, …], all finite, and int64 labels
    /// [N], all ≥ 0, on one device. The dataset owns (and disposes) them.
    /// </summary>
    public TensorDataset(Tensor inputs, Tensor labels)
    {
        Check.NotNull(inputs);
        Check.NotNull(labels);
        Check.That(inputs.dim() >= 2, $"inputs must have shape [N, …] with N ≥ 1; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        Check.That(labels.dim() == 1, $"labels must have shape [N]; got [{string.Join(", ", labels.shape)}].", nameof(labels));
        Check.That(inputs.shape[0] == labels.shape[0], $"inputs has {inputs.shape[0]} examples but labels has {labels.shape[0]}.", nameof(labels));
        Check.That(inputs.shape[0] > 0, "the dataset is empty (N = 0).", nameof(inputs));
        Check.That(inputs.is_floating_point(), $"inputs must be floating-point (float32); got {inputs.dtype}.", nameof(inputs));
        Check.That(labels.dtype == ScalarType.Int64, $"labels must be int64 class indices; got {labels.dtype}.", nameof(labels));
        Check.That(inputs.device.type == labels.device.type && inputs.device.index == labels.device.index,
            $"inputs and labels must be on one device; got {inputs.device} and {labels.device}.", nameof(labels));
        using (var scope = torch.NewDisposeScope())
        {
            if (!inputs.isfinite().all().item<bool>())
                throw new ArgumentException($"inputs must contain only finite numbers; {inputs.isfinite().logical_not().sum().item<long>()} " +
                    "entries are NaN or ±∞.", nameof(inputs));
            long smallest = labels.min().item<long>();
            Check.That(smallest >= 0, $"labels must be class indices ≥ 0; got {smallest}.", nameof(labels));
        }
        Inputs = inputs;
        Labels = labels;
    }

    // A slice or copy of a checked dataset: nothing to check again.
    private TensorDataset(Tensor inputs, Tensor labels, bool _)
    {
        Inputs = inputs;
        Labels = labels;
    }

    /// <summary>float32 [N, …].</summary>
    public Tensor Inputs { get; }

    /// <summary>int64 class indices [N].</summary>
    public Tensor Labels { get; }

    /// <summary>Number of examples N.</summary>
    public int Count => (int)Inputs.shape[0];

    /// <summary>The device the tensors live on.</summary>
    public Device Device => Inputs.device;

    /// <summary>The same examples on another device (a new dataset; this one is unchanged).</summary>
    public TensorDataset To(Device device)
    {
        Check.Available(device);
        return new(Inputs.to(device), Labels.to(device), true);
    }

    /// <summary>The first <paramref name="count"/> examples (a view; shares storage).</summary>
    public TensorDataset Take(int count)
    {
        Check.InRange(count, 1, Count);
        return new TensorDataset(Inputs.narrow(0, 0, count), Labels.narrow(0, 0, count), true);
    }

    /// <summary>The examples after the first <paramref name="count"/> (a view; shares storage).</summary>
    public TensorDataset Skip(int count)
    {
        Check.InRange(count, 0, Count - 1);
        return new TensorDataset(Inputs.narrow(0, count, Count - count), Labels.narrow(0, count, Count - count), true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
