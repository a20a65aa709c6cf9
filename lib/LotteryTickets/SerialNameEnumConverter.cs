using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets;

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
