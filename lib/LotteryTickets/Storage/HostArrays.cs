using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace LotteryTickets.Storage;

/// <summary>
/// Copies of a tensor's elements into host arrays (row-major), by one block copy of the contiguous CPU storage:
/// the accessor's <c>data&lt;T&gt;().ToArray()</c> goes element by element (~4 ms for LeNet's 266k weights).
/// </summary>
internal static class HostArrays
{
    public static float[] Floats(Tensor t) => Copy<float>(t, ScalarType.Float32);

    public static bool[] Bools(Tensor t) => Copy<bool>(t, ScalarType.Bool);

    /// <summary>The raw bytes of the tensor's elements as <paramref name="type"/> (converted if it is another type).</summary>
    public static byte[] Bytes(Tensor t, ScalarType type) => Copy<byte>(t, type);

    /// <summary>The elements of a contiguous CPU tensor in place, writable (no copy; libtorch's autograd does not see
    /// the writes); valid while the tensor lives.</summary>
    public static Span<T> Elements<T>(Tensor contiguousCpu) where T : unmanaged =>
        contiguousCpu.numel() == 0 ? [] : MemoryMarshal.Cast<byte, T>(contiguousCpu.bytes);

    private static T[] Copy<T>(Tensor t, ScalarType type) where T : unmanaged
    {
        using var scope = NewDisposeScope();
        var c = t.detach().cpu().to(type).contiguous();
        return c.numel() == 0 ? [] : MemoryMarshal.Cast<byte, T>(c.bytes).ToArray();
    }
}
