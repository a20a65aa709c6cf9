using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets;

/// <summary>
/// The names under which enum values are stored — in run keys, run-store rows and files, and JSON: a member's
/// <see cref="EnumMemberAttribute.Value"/> where it has one (e.g. <c>"structured_magnitude"</c>), else its C# name
/// (e.g. <c>NonNegative</c>, as run keys have always written it).
/// </summary>
public static class SerialNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, string>> ByMember = new();

    private static IReadOnlyDictionary<string, string> NamesOf(Type type) => ByMember.GetOrAdd(type, static t =>
        t.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => f.Name,
            f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name, StringComparer.Ordinal));

    /// <summary>The stored name of <paramref name="value"/>; an undefined value is written as its number.</summary>
    public static string Of(Enum value)
    {
        Check.NotNull(value);
        string text = value.ToString();
        return NamesOf(value.GetType()).TryGetValue(text, out var name) ? name : text;
    }

    /// <summary>The stored name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Of((Enum)value);

    /// <summary>Every stored name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => Of(v)).ToList();

    /// <summary>The value stored as <paramref name="name"/> (its serialised name, or its C# name).</summary>
    public static T Parse<T>(string name) where T : struct, Enum => (T)Parse(typeof(T), name);

    /// <summary>The value of <paramref name="type"/> stored as <paramref name="name"/> (its serialised name, or its C# name).</summary>
    public static object Parse(Type type, string name)
    {
        Check.NotNull(type);
        Check.NotNull(name);
        foreach (var (member, serial) in NamesOf(type))
            if (serial == name || member == name) return Enum.Parse(type, member);
        throw new ArgumentException($"name must be one of {string.Join(", ", NamesOf(type).Values)}; got \"{name}\".", nameof(name));
    }
}

/// <summary>
/// Reads and writes an enum as its <see cref="SerialNames"/> name (and reads its C# name too). Put on an enum type:
/// <c>[JsonConverter(typeof(SerialNameEnumConverter))]</c>.
/// </summary>
public sealed class SerialNameEnumConverter : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"{typeof(T).Name} is stored as a string; got {reader.TokenType}.");
            try { return SerialNames.Parse<T>(reader.GetString()!); }
            catch (ArgumentException e) { throw new JsonException(e.Message, e); }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(SerialNames.Of(value));
    }
}

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

/// <summary>Marks a setting that the variant's name already says (an RNN's tying: <c>"rnn"</c> or <c>"rnn_untied"</c>):
/// run keys and JSON leave it out, the name carries it.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InVariantNameAttribute : Attribute;
