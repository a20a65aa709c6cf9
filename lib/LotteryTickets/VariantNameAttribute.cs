namespace LotteryTickets;

/// <summary>
/// Marks the get-only property that names which variant of an abstract settings record a value is (a model's
/// <c>Name</c>). Run keys write it as a line of the variant's path whenever it differs from the default's —
/// <see cref="Default"/> where the enclosing settings give none — and JSON stores the variant under it.
/// </summary>
/// <param name="default">The name of the default variant.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class VariantNameAttribute(string @default) : Attribute
{
    /// <summary>The name of the default variant.</summary>
    public string Default { get; } = @default;
}
