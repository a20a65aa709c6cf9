namespace LotteryTickets;

/// <summary>Marks a setting that the variant's name already says (an RNN's tying: <c>"rnn"</c> or <c>"rnn_untied"</c>):
/// run keys and JSON leave it out, the name carries it.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InVariantNameAttribute : Attribute;
