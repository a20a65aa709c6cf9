using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Hardware;

/// <summary>
/// Chooses the TorchSharp device in one place: CUDA when libtorch reports it available, CPU otherwise, and CPU
/// always when asked (<c>forceCpu</c>) or when <c>LOTTERY_DEVICE=cpu</c> is set.
/// </summary>
public static class Devices
{
    /// <summary>Environment variable that forces a device: <c>cpu</c> or <c>cuda</c>.</summary>
    public const string EnvironmentVariable = "LOTTERY_DEVICE";

    /// <summary>The device to run on.</summary>
    public static Device Choose(bool forceCpu = false)
    {
        string? wanted = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim().ToLowerInvariant();
        if (forceCpu || wanted == "cpu") return CPU;
        bool cuda = cuda_is_available();
        if (wanted == "cuda" && !cuda)
            throw new InvalidOperationException(
                $"{EnvironmentVariable}=cuda but libtorch reports no CUDA device. Build with LOTTERY_TORCH_BACKEND=cuda " +
                "on a machine with an NVIDIA driver, or unset the variable.");
        return cuda ? CUDA : CPU;
    }

    /// <summary>A one-line description, e.g. "cpu (2 threads)" or "cuda:0 (NVIDIA H100)".</summary>
    public static string Describe(Device device) =>
        Check.NotNull(device).type == DeviceType.CUDA
            ? $"cuda:{Math.Max(device.index, (long)0)} ({cuda.device_count()} device(s))"
            : $"cpu ({get_num_threads()} threads)";
}
