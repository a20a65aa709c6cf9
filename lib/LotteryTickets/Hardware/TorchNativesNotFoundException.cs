namespace LotteryTickets.Hardware;

/// <summary>TorchSharp's or libtorch's native files are not where <see cref="TorchNatives"/> looked.</summary>
public sealed class TorchNativesNotFoundException(string message) : InvalidOperationException(message);
