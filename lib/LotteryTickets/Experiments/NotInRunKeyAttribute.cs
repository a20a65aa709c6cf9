namespace LotteryTickets.Experiments;

/// <summary>
/// Marks a setting that does not change a run's result (a thread count, a progress interval): <see cref="RunKey"/>
/// leaves it out, so the same result keeps its name however it was computed. On a positional record parameter write
/// <c>[property: NotInRunKey]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class NotInRunKeyAttribute : Attribute;
