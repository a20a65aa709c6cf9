namespace LotteryTickets.Tests.Support;

/// <summary>An IProgress that records reports synchronously.</summary>
internal sealed class SyncProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = new();

    public void Report(T value) => Reports.Add(value);
}
