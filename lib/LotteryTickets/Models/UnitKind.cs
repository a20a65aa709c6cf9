using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace LotteryTickets.Models;

/// <summary>The kinds of unit a <see cref="UnitGroup"/> holds (written <c>"filter"</c>, <c>"neuron"</c>, <c>"head"</c>).</summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum UnitKind
{
    /// <summary>An output channel of a convolution.</summary>
    [EnumMember(Value = "filter")] Filter,

    /// <summary>A neuron of a hidden fully connected layer.</summary>
    [EnumMember(Value = "neuron")] Neuron,

    /// <summary>A head of a multi-head attention layer.</summary>
    [EnumMember(Value = "head")] Head,
}
