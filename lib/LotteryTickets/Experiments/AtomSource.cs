using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace LotteryTickets.Experiments;

/// <summary>Where the atoms of a <see cref="NetworkDictionarySweep"/> dictionary come from (stored as <c>"gaussian"</c>,
/// <c>"initial"</c>, <c>"trained"</c>).</summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum AtomSource
{
    /// <summary>A Gaussian dictionary of the trained network's shape (the baseline of compressed sensing).</summary>
    [EnumMember(Value = "gaussian")] Gaussian,

    /// <summary>The layer's activations in the network as initialised.</summary>
    [EnumMember(Value = "initial")] Initial,

    /// <summary>The layer's activations in the trained network.</summary>
    [EnumMember(Value = "trained")] Trained,
}
