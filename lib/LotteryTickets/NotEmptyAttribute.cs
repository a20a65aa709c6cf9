namespace LotteryTickets;

/// <summary>A list with at least one entry, or a string that is not empty or white space.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class NotEmptyAttribute : Attribute;
