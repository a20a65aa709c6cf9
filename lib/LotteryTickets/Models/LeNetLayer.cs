using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace LotteryTickets.Models;

/// <summary>A hidden layer of <see cref="LeNet300100"/>, by its parameters' prefix (stored as <c>"fc1"</c>, <c>"fc2"</c>).</summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum LeNetLayer
{
    /// <summary>The first hidden layer (300 units in the paper's network; <c>"fc1"</c>).</summary>
    [EnumMember(Value = "fc1")] Fc1,

    /// <summary>The second hidden layer (100 units; <c>"fc2"</c>).</summary>
    [EnumMember(Value = "fc2")] Fc2,
}
