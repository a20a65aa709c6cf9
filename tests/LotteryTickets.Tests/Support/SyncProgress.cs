namespace LotteryTickets.Tests.Support;

/// <summary>An IProgress that records reports synchronously (thread-safe: a parallel sweep reports from its workers).</summary>
internal sealed class SyncProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = new();

    public void Report(T value)
    {
        lock (Reports) Reports.Add(value);
    }
}
