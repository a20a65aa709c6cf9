using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace LotteryTickets.Statistics;

/// <summary>What a measurement says of a claim, by <see cref="VerdictRule"/>.</summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum Verdict
{
    /// <summary>The whole interval lies on the claim's side of its threshold.</summary>
    [EnumMember(Value = "holds")] Holds,

    /// <summary>The whole interval lies on the other side.</summary>
    [EnumMember(Value = "does not hold")] DoesNotHold,

    /// <summary>The interval straddles the threshold, or there is no spread to decide from (one replicate).</summary>
    [EnumMember(Value = "within noise")] WithinNoise,
}

/// <summary>Which side of its threshold a claim puts the measured quantity.</summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum ClaimSide
{
    /// <summary>The claim: the quantity is above the threshold.</summary>
    [EnumMember(Value = "above")] Above,

    /// <summary>The claim: the quantity is below the threshold.</summary>
    [EnumMember(Value = "below")] Below,
}
