using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace LotteryTickets.Pruning;

/// <summary>How each IMP level chooses what to prune (<see cref="PruningStrategies.Get"/>); stored by the names in brackets.</summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum PruningStrategy
{
    /// <summary>The smallest weights of all layers together (<c>"global_magnitude"</c>).</summary>
    [EnumMember(Value = "global_magnitude")] GlobalMagnitude,

    /// <summary>The smallest weights of each layer, at the same rate in every layer (<c>"layerwise_magnitude"</c>).</summary>
    [EnumMember(Value = "layerwise_magnitude")] LayerwiseMagnitude,

    /// <summary>Whole filters, neurons and heads of the smallest norm (<c>"structured_magnitude"</c>).</summary>
    [EnumMember(Value = "structured_magnitude")] StructuredMagnitude,
}
