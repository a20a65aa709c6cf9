using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace LotteryTickets.Training;

/// <summary>The optimizer that trains a network (stored as <c>"adam"</c> or <c>"sgd"</c>).</summary>
[JsonConverter(typeof(SerialNameEnumConverter))]
public enum Optimizer
{
    /// <summary>Adam (the trainer's fused step where the parameters allow it).</summary>
    [EnumMember(Value = "adam")] Adam,

    /// <summary>Stochastic gradient descent, with <see cref="TrainingHparams.Momentum"/>.</summary>
    [EnumMember(Value = "sgd")] Sgd,
}
