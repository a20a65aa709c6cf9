namespace LotteryTickets;

/// <summary>A list whose entries are distinct.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class DistinctAttribute : Attribute;
