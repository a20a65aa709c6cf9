using System.Reflection;
using System.Text;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// The stable name of a public method or constructor, e.g.
/// <c>LotteryTickets.Sparse.OrthogonalMatchingPursuit.Fit(Matrix&lt;double&gt;, Vector&lt;double&gt;, int)</c>: the declaring
/// type's full name (nested types joined with '.'), the member name (<c>.ctor</c> for constructors), generic
/// arguments of a generic method, and the parameter types in C# spelling without namespaces. Built only from
/// reflection, so the catalogue and the cases agree.
/// </summary>
internal static class MemberKey
{
    public static string Of(MethodBase member)
    {
        var sb = new StringBuilder();
        sb.Append(TypeName(member.DeclaringType!, qualified: true)).Append('.').Append(member.Name);
        if (member is MethodInfo { IsGenericMethodDefinition: true } m)
            sb.Append('<').Append(string.Join(", ", m.GetGenericArguments().Select(a => a.Name))).Append('>');
        sb.Append('(');
        sb.Append(string.Join(", ",
            member.GetParameters().Select(p =>
                (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "") + TypeName(p.ParameterType, qualified: false))));
        return sb.Append(')').ToString();
    }

    static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint",
        [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object", [typeof(void)] = "void",
    };

    public static string TypeName(Type type, bool qualified)
    {
        if (type.IsByRef) return TypeName(type.GetElementType()!, qualified);
        if (type.IsArray) return TypeName(type.GetElementType()!, qualified) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsPointer) return TypeName(type.GetElementType()!, qualified) + "*";
        if (type.IsGenericParameter) return type.Name;
        if (Aliases.TryGetValue(type, out var alias)) return alias;
        if (Nullable.GetUnderlyingType(type) is { } under) return TypeName(under, qualified) + "?";
        string name = type.Name;
        int tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        if (type.IsNested) name = TypeName(type.DeclaringType!.IsGenericTypeDefinition ? type.DeclaringType : type.DeclaringType,
            qualified) + "." + name;
        else if (qualified && type.Namespace is { } ns) name = ns + "." + name;
        if (type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            // A nested type of a generic type carries its outer type's arguments first.
            int own = type.IsNested ? args.Length - type.DeclaringType!.GetGenericArguments().Length : args.Length;
            if (own > 0)
                name += "<" + string.Join(", ", args.Skip(args.Length - own).Select(a => TypeName(a, qualified: false))) + ">";
        }
        return name;
    }
}
