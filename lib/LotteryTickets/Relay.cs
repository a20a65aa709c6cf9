namespace LotteryTickets;

/// <summary>
/// A synchronous <see cref="IProgress{T}"/> that forwards each report, translated, to another one (Progress&lt;T&gt;
/// would post to a synchronization context). The one adapter between the progress types of the library's layers.
/// </summary>
internal sealed class Relay<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);

    /// <summary>A relay to <paramref name="target"/> through <paramref name="translate"/>, or null without a target.</summary>
    public static Relay<T>? To<TTarget>(IProgress<TTarget>? target, Func<T, TTarget> translate) =>
        target is null ? null : new Relay<T>(v => target.Report(translate(v)));
}
