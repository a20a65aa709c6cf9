using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace LotteryTickets;

/// <summary>
/// The one check of a settings record (<see cref="IValidated"/>): each property against what its declaration allows,
/// nested settings in turn, then the record's relations. Called where work enters the library — an experiment's or a
/// sweep's Run, a model's Create, the trainer, a solver's constructor — never by the cores those call, which trust
/// checked input. A bad value is an <see cref="ArgumentException"/> whose ParamName is the property's name and whose
/// message gives its path, the allowed values and the value found.
/// </summary>
public static class Validation
{
    private sealed record Rule(PropertyInfo Property, ConstraintAttribute[] Constraints, bool NotEmpty, bool Distinct, bool MayBeNull);

    private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new();
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Checks <paramref name="settings"/> (not null) and returns it.</summary>
    public static T Check<T>(T settings, [CallerArgumentExpression(nameof(settings))] string? name = null) where T : class, IValidated
    {
        LotteryTickets.Check.NotNull(settings, name);
        CheckObject(settings, "", 0);
        return settings;
    }

    /// <summary>The properties <see cref="Check{T}"/> looks at, with their declared constraints (for tests that derive
    /// bad-input cases from the declarations).</summary>
    public static IReadOnlyList<(PropertyInfo Property, IReadOnlyList<ConstraintAttribute> Constraints, bool NotEmpty, bool Distinct, bool MayBeNull)>
        Declarations(Type type) =>
            RulesOf(LotteryTickets.Check.NotNull(type)).Select(r =>
                (r.Property, (IReadOnlyList<ConstraintAttribute>)r.Constraints, r.NotEmpty, r.Distinct, r.MayBeNull)).ToList();

    private static Rule[] RulesOf(Type type) => Rules.GetOrAdd(type, static t =>
    {
        var rules = new List<Rule>();
        lock (Nullability) // NullabilityInfoContext is not thread-safe
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
            {
                if (p.GetIndexParameters().Length > 0 || p.GetMethod is null) continue;
                var constraints = p.GetCustomAttributes<ConstraintAttribute>(inherit: true).ToArray();
                bool notEmpty = p.IsDefined(typeof(NotEmptyAttribute), true), distinct = p.IsDefined(typeof(DistinctAttribute), true);
                bool mayBeNull = p.PropertyType.IsValueType
                    ? Nullable.GetUnderlyingType(p.PropertyType) is not null
                    : Nullability.Create(p).ReadState != NullabilityState.NotNull;
                bool checkable = constraints.Length > 0 || notEmpty || distinct || !mayBeNull || IsEnum(p.PropertyType)
                    || typeof(IValidated).IsAssignableFrom(p.PropertyType) || ElementType(p.PropertyType) is { } e && IsEnum(e);
                if (checkable && p.SetMethod is not null || constraints.Length > 0 || notEmpty || distinct)
                    rules.Add(new Rule(p, constraints, notEmpty, distinct, mayBeNull));
            }
        return rules.ToArray();
    });

    private static void CheckObject(object settings, string prefix, int depth)
    {
        LotteryTickets.Check.That(depth < 16, "settings nest too deeply (a cycle?).", "settings");
        foreach (var rule in RulesOf(settings.GetType()))
        {
            var p = rule.Property;
            string name = p.Name, path = prefix + p.Name;
            object? value = p.GetValue(settings);
            if (value is null)
            {
                if (!rule.MayBeNull) throw new ArgumentNullException(name, $"{path} must be set; got null.");
                continue;
            }
            switch (value)
            {
                case string s:
                    if (rule.NotEmpty && string.IsNullOrWhiteSpace(s)) throw new ArgumentException($"{path} must be a non-empty string; got \"{s}\".",
                        name);
                    break;
                case Enum e:
                    CheckEnum(e, path, name);
                    break;
                case IValidated nested:
                    CheckObject(nested, path + ".", depth + 1);
                    break;
                case IEnumerable list:
                    CheckList(list, rule, path, name);
                    break;
                default:
                    if (Number(value) is { } number) CheckNumber(number.Value, number.Integral, rule.Constraints, path, name, null);
                    break;
            }
        }
        (settings as IValidated)?.CheckRelations();
    }

    private static void CheckList(IEnumerable list, Rule rule, string path, string name)
    {
        var items = list.Cast<object?>().ToList();
        if (rule.NotEmpty && items.Count == 0) throw new ArgumentException($"{path} must hold at least one entry; got none.", name);
        for (int i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case null:
                    throw new ArgumentException($"{path} must not hold null; entry {i} is null.", name);
                case Enum e:
                    CheckEnum(e, $"{path}[{i}]", name);
                    break;
                case IValidated nested:
                    CheckObject(nested, $"{path}[{i}].", 1);
                    break;
                case var v when Number(v) is { } number:
                    CheckNumber(number.Value, number.Integral, rule.Constraints, path, name, i);
                    break;
            }
        }
        if (rule.Distinct)
        {
            var seen = new HashSet<object?>();
            foreach (var item in items)
                if (!seen.Add(item))
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{path} must hold distinct entries; {item} appears twice."), name);
        }
    }

    private static void CheckNumber(double value, bool integral, ConstraintAttribute[] constraints, string path, string name, int? entry)
    {
        foreach (var c in constraints)
        {
            if (c.Allows(value, integral)) continue;
            string allowed = c is PositiveAttribute && integral ? "positive (≥ 1)" : c is RangeAttribute ? $"in {c.Allowed}" : c.Allowed;
            string text = value.ToString(CultureInfo.InvariantCulture);
            throw entry is int i
                ? new ArgumentException($"{path} must hold values {allowed}; entry {i} is {text}.", name)
                : new ArgumentOutOfRangeException(name, value, $"{path} must be {allowed}; got {text}.");
        }
    }

    private static void CheckEnum(Enum e, string path, string name)
    {
        if (!Enum.IsDefined(e.GetType(), e))
            throw new ArgumentException($"{path} must be one of {string.Join(", ", Enum.GetNames(e.GetType()))}; got " +
                $"{Convert.ToInt64(e, CultureInfo.InvariantCulture)}.", name);
    }

    private static readonly ConcurrentDictionary<PropertyInfo, NullabilityInfo> PropertyNullability = new();

    /// <summary>
    /// Checks that <paramref name="result"/>, read back from storage, is complete: no null where its record — and,
    /// recursively, the library's records and the arrays and lists it holds — declares a property or an entry not
    /// nullable (a property marked <see cref="System.Text.Json.Serialization.JsonIgnoreAttribute"/> is not stored, and not
    /// asked for). Throws an <see cref="InvalidDataException"/> that begins with <paramref name="what"/> and names the
    /// first missing property, so a damaged result is refused where it is read, not dereferenced later.
    /// </summary>
    internal static void CheckComplete(object result, string what)
    {
        LotteryTickets.Check.NotNull(result);
        if (MissingIn(result, result.GetType().Name, 0) is { } path)
            throw new InvalidDataException($"{what} is incomplete: {path} is missing (null), though the record requires it.");
    }

    // The path of the first null among the settable properties of `value` that are declared not nullable (recursively).
    private static string? MissingIn(object value, string path, int depth)
    {
        var type = value.GetType();
        if (depth > 64 || value is string || type.IsPrimitive || type.IsEnum) return null;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is null || p.SetMethod is null) continue;
            if (p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute))) continue; // never stored, so never read back
            var info = PropertyNullability.GetOrAdd(p, static q => { lock (Nullability) return Nullability.Create(q); });
            if (Missing(p.GetValue(value), info, $"{path}.{p.Name}", depth + 1) is { } missing) return missing;
        }
        return null;
    }

    private static string? Missing(object? value, NullabilityInfo info, string path, int depth)
    {
        if (value is null) return info.ReadState == NullabilityState.NotNull ? path : null;
        if (value is string) return null;
        if (value is IEnumerable items)
        {
            var element = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
            int i = 0;
            foreach (var item in items)
            {
                string at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
                if ((element is null ? item is null ? null : Walk(item, at, depth + 1) : Missing(item, element, at, depth + 1)) is { } missing)
                    return missing;
            }
            return null;
        }
        return Walk(value, path, depth);
    }

    // Only the library's own types (and those of its tests) are walked into.
    private static string? Walk(object value, string path, int depth) =>
        value.GetType().Namespace is { } ns && (ns == "LotteryTickets" || ns.StartsWith("LotteryTickets.", StringComparison.Ordinal))
            ? MissingIn(value, path, depth) : null;

    private static (double Value, bool Integral)? Number(object value) => value switch
    {
        int i => (i, true),
        long l => (l, true),
        double d => (d, false),
        float f => (f, false),
        _ => null,
    };

    private static bool IsEnum(Type t) => (Nullable.GetUnderlyingType(t) ?? t).IsEnum;

    private static Type? ElementType(Type t) =>
        t == typeof(string) ? null : t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
