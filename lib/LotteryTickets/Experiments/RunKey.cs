using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LotteryTickets.Experiments;

/// <summary>
/// The name of a run, as in open_lth: a stable hash of the parameters that differ from their defaults. Every public
/// settable property of the parameter record (nested records recursively) is compared with its default — from a
/// default-constructed instance, or for a positional record from its primary constructor's parameter defaults — and
/// the differing ones become sorted <c>Path=Value</c> lines (invariant culture, doubles round-trip, enums by their
/// <see cref="SerialNames"/> name); a positional
/// parameter without a default is always a line. The key is the first 16 hex digits of their SHA-256. A property or
/// optional parameter added later with a default value therefore leaves old keys unchanged, and properties marked
/// <see cref="NotInRunKeyAttribute"/> (execution-only settings, such as a thread count) are left out. A record with
/// variants (a model: one record per architecture) writes its <see cref="VariantNameAttribute"/> property (e.g.
/// <c>Model.Name=conv2</c>) whenever it differs from the default's, and its other settings against its own type's
/// defaults.
/// </summary>
public sealed class RunKey : IEquatable<RunKey>
{
    private RunKey(string kind, IReadOnlyList<string> lines)
    {
        Kind = kind;
        Lines = lines;
        CanonicalText = string.Join("\n", lines);
        Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText)))[..16].ToLowerInvariant();
    }

    /// <summary>
    /// The key of a run of <paramref name="experimentKind"/> (e.g. <c>"ticket_experiment"</c>) with
    /// <paramref name="hparams"/> (a record; only its non-default values count) and <paramref name="extra"/> values that
    /// always count (budget, data description …; null values are left out).
    /// </summary>
    /// <example><code>var key = RunKey.For("imp", [hparams, new Replicate(1)], ("budget", "quick"), ("data", mnist.Source));</code></example>
    public static RunKey For(string experimentKind, object hparams, params (string Name, object? Value)[] extra) =>
        For(experimentKind, [Check.NotNull(hparams)], extra);

    /// <summary>
    /// The key of a run named by several records at once — e.g. the hyper-parameters and the run's seed
    /// (<see cref="Replicate"/>) — whose lines are collected side by side, each record's at the top level (no two may
    /// write the same path).
    /// </summary>
    public static RunKey For(string experimentKind, IReadOnlyList<object> parts, params (string Name, object? Value)[] extra)
    {
        Check.NotBlank(experimentKind);
        Check.NoNulls(parts);
        Check.NotNull(extra);
        var lines = new List<string>();
        foreach (var part in parts) Collect(part, null, "", lines, 0);
        foreach (var (name, value) in extra)
        {
            Check.That(!string.IsNullOrWhiteSpace(name), "extra names must be non-empty.", nameof(extra));
            if (value is not null) lines.Add($"extra.{name}={Format(value)}");
        }
        Check.That(lines.Select(l => l[..l.IndexOf('=')]).Distinct().Count() == lines.Count, "extra names must be distinct.", nameof(extra));
        lines.Sort(StringComparer.Ordinal);
        lines.Insert(0, $"kind={experimentKind}");
        return new RunKey(experimentKind, lines.AsReadOnly());
    }

    /// <summary>What kind of experiment.</summary>
    public string Kind { get; }

    /// <summary>16 lower-case hex digits; names the run's folder and rows.</summary>
    public string Hash { get; }

    /// <summary>The hashed lines: <c>kind=…</c>, then the non-default <c>Path=Value</c> lines in ordinal order.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The hashed text (<see cref="Lines"/> joined by newlines), stored beside the run.</summary>
    public string CanonicalText { get; }

    /// <summary>The same lines as a JSON object (path → value text), for the run store.</summary>
    public string ToJson() => JsonSerializer.Serialize(Lines.ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]), Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <inheritdoc />
    public bool Equals(RunKey? other) => other is not null && other.Hash == Hash && other.CanonicalText == CanonicalText;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RunKey);

    /// <inheritdoc />
    public override int GetHashCode() => Hash.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Hash;

    private static void Collect(object value, object? defaults, string prefix, List<string> lines, int depth)
    {
        Check.That(depth < 16, "parameters nest too deeply (a cycle?).", "hparams");
        var type = value.GetType();
        var (ctorDefaults, required) = defaults is null ? Defaults(value) : (defaults, NoNames);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && p.SetMethod is not null
                                 && !p.IsDefined(typeof(NotInRunKeyAttribute), inherit: true) &&
                                     !p.IsDefined(typeof(InVariantNameAttribute), inherit: true))
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            string path = prefix + p.Name;
            object? v = p.GetValue(value);
            object? d = ctorDefaults is null || required.Contains(p.Name) ? null : p.GetValue(ctorDefaults);
            if (v is not null && !IsLeaf(v.GetType()))
            {
                if (VariantName(v.GetType()) is { } variant)
                {
                    // Which variant (a model's architecture): a line whenever it is not the default's.
                    string name = Format(variant.Property.GetValue(v)), defaultName = d is null ? variant.Default
                        : Format(d.GetType().GetProperty(variant.Property.Name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(d));
                    if (name != defaultName) lines.Add($"{path}.{variant.Property.Name}={name}");
                }
                Collect(v, d is not null && d.GetType() == v.GetType() ? d : null, path + ".", lines, depth + 1);
                continue;
            }
            string text = Format(v);
            if (ctorDefaults is null || required.Contains(p.Name) || text != Format(d)) lines.Add($"{path}={text}");
        }
    }

    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>();

    /// <summary>The property marked <see cref="VariantNameAttribute"/> on <paramref name="type"/>, if any, and the
    /// default variant's name.</summary>
    private static (PropertyInfo Property, string Default)? VariantName(Type type)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (Attribute.GetCustomAttribute(p, typeof(VariantNameAttribute), inherit: true) is VariantNameAttribute a)
                return (p, a.Default);
        return null;
    }

    /// <summary>
    /// An instance holding the defaults of <paramref name="value"/>'s type, and the names of the properties that have
    /// none. A parameterless constructor gives every default. Otherwise the public constructor whose parameters all
    /// name properties (a positional record's primary constructor) is called with each optional parameter's default and
    /// the value's own entries for the required ones, which are then reported as having no default.
    /// </summary>
    private static (object? Defaults, IReadOnlySet<string> Required) Defaults(object value)
    {
        var type = value.GetType();
        if (type.GetConstructor(Type.EmptyTypes) is { } empty) return (empty.Invoke(null), NoNames);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var ctor = type.GetConstructors()
            .Where(c => c.GetParameters().Length > 0 && c.GetParameters().All(p => p.Name is { } n && properties.ContainsKey(n)
                        && properties[n].PropertyType == p.ParameterType))
            .MaxBy(c => c.GetParameters().Length);
        if (ctor is null) return (null, NoNames);
        var parameters = ctor.GetParameters();
        var required = parameters.Where(p => !p.HasDefaultValue).Select(p => p.Name!).ToHashSet(StringComparer.Ordinal);
        var args = parameters.Select(p => p.HasDefaultValue ? Type.Missing : properties[p.Name!].GetValue(value)).ToArray();
        try { return (ctor.Invoke(BindingFlags.OptionalParamBinding, null, args, CultureInfo.InvariantCulture), required); }
        catch (TargetInvocationException) { return (null, NoNames); } // a constructor that validates: hash every value
    }

    private static bool IsLeaf(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) ||
        t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(Guid) || typeof(IEnumerable).IsAssignableFrom(t);

    private static string Format(object? v) => v switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Enum e => SerialNames.Of(e),
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
