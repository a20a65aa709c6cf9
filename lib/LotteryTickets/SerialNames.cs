using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;

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
