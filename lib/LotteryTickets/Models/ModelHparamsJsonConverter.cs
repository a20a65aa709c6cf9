using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets.Models;

/// <summary>
/// Stores a <see cref="ModelHparams"/> as one flat object: its <c>Name</c>, then the shared settings and the
/// architecture's own widths — the shape results stored before the architectures had types of their own, which it
/// reads too (a flat object carrying every architecture's widths: the ones of the named architecture are kept).
/// A missing name reads as LeNet.
/// </summary>
public sealed class ModelHparamsJsonConverter : JsonConverter<ModelHparams>
{
    private static readonly Dictionary<string, Func<ModelHparams>> ByName = new(StringComparer.Ordinal)
    {
        ["lenet_300_100"] = () => new LeNetHparams(),
        ["conv2"] = () => new Conv2Hparams(),
        ["tiny_transformer"] = () => new TransformerHparams(),
        ["rnn"] = () => new RnnHparams { Tied = true },
        ["rnn_untied"] = () => new RnnHparams { Tied = false },
    };

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeof(ModelHparams).IsAssignableFrom(typeToConvert);

    /// <inheritdoc />
    public override ModelHparams? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException($"a model is stored as an object; got {root.ValueKind}.");
        var fields = root.EnumerateObject().GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value,
            StringComparer.OrdinalIgnoreCase);
        // A property under its JSON name, else under its C# name.
        bool Field(string property, out JsonElement value) =>
            fields.TryGetValue(JsonName(property, options), out value) || fields.TryGetValue(property, out value);
        string name = (Field(nameof(ModelHparams.Name), out var n) ? n.GetString() : null) ?? "lenet_300_100";
        if (!ByName.TryGetValue(name, out var make))
            throw new JsonException($"Name must be one of {string.Join(", ", ModelHparams.Names)}; got \"{name}\".");
        var model = make();
        if (!typeToConvert.IsInstanceOfType(model)) throw new JsonException($"a stored {name} is not a {typeToConvert.Name}.");
        foreach (var p in Stored(model.GetType()))
            if (Field(p.Name, out var value))
                p.SetValue(model, value.Deserialize(p.PropertyType, options));
        return model;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ModelHparams value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonName(nameof(ModelHparams.Name), options), value.Name);
        foreach (var p in Stored(value.GetType()))
        {
            writer.WritePropertyName(JsonName(p.Name, options));
            JsonSerializer.Serialize(writer, p.GetValue(value), p.PropertyType, options);
        }
        writer.WriteEndObject();
    }

    // The settable settings, in declaration order (shared ones first); the name carries the ones it says.
    private static IEnumerable<PropertyInfo> Stored(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 &&
                !Attribute.IsDefined(p, typeof(InVariantNameAttribute), true))
            .OrderBy(p => p.DeclaringType == typeof(ModelHparams) ? 0 : 1).ThenBy(p => p.MetadataToken);

    private static string JsonName(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
