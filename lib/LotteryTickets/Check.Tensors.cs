using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets;

// The checks of TorchSharp arguments: libtorch answers a wrong shape, dtype or device with a native error (or worse),
// so these run before any tensor reaches it.
internal static partial class Check
{
    /// <summary>A device libtorch can use on this machine: the CPU, or a CUDA device that exists here.</summary>
    public static Device Available(Device? device, [CallerArgumentExpression(nameof(device))] string? name = null)
    {
        if (device is null) throw new ArgumentNullException(name);
        if (device.type == DeviceType.CPU) return device;
        if (device.type == DeviceType.CUDA)
        {
            int count = cuda.is_available() ? cuda.device_count() : 0;
            if (count > 0 && device.index < count) return device;
            throw new ArgumentException($"{name} is {device} but libtorch sees {count} CUDA device(s) here; use CPU or Devices.Choose().", name);
        }
        throw new ArgumentException($"{name} must be the CPU or a CUDA device; got {device}.", name);
    }

    /// <summary>
    /// A batch for a model: not null, at least one dimension (the examples), of <paramref name="dtype"/> on
    /// <paramref name="device"/>, each example of shape <paramref name="example"/> — or, when
    /// <paramref name="anyLayout"/>, of any shape holding as many values (a model that flattens or reshapes it).
    /// </summary>
    public static Tensor Batch(Tensor? input, long[] example, bool anyLayout, Device device, ScalarType dtype,
        [CallerArgumentExpression(nameof(input))] string? name = null)
    {
        if (input is null) throw new ArgumentNullException(name);
        var shape = input.shape;
        long perExample = example.Aggregate(1L, (a, b) => a * b);
        bool fits = shape.Length >= 1 && (anyLayout
            ? shape.Skip(1).Aggregate(1L, (a, b) => a * b) == perExample
            : shape.Skip(1).SequenceEqual(example));
        if (!fits)
            throw new ArgumentException($"{name} must be a batch [N, " +
                $"{string.Join(", ", example)}]{(anyLayout ? $" (or any shape of {perExample} values per example)" : "")}; got " +
                    $"[{string.Join(", ", shape)}].", name);
        if (input.dtype != dtype)
            throw new ArgumentException($"{name} must be of dtype {dtype} (the model's parameters); got {input.dtype}.", name);
        if (input.device.type != device.type || device.type == DeviceType.CUDA && input.device.index >= 0 && device.index >= 0 &&
            input.device.index != device.index)
            throw new ArgumentException($"{name} must be on the model's device {device}; got {input.device}.", name);
        return input;
    }
}
