using System.Linq.Expressions;
using System.Reflection;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// One bad-input case: <see cref="Member"/> called with exactly one bad argument must throw an
/// <see cref="ArgumentException"/> (or an <see cref="InvalidDataException"/> for file content) whose
/// <c>ParamName</c> is <see cref="Parameter"/> and whose message contains <see cref="Shows"/> (the offending value or
/// the allowed range). <see cref="Expression"/> is the call as written (null for a case built from a
/// <see cref="MethodBase"/>).
/// </summary>
internal sealed record BadInput(MethodBase Member, string Parameter, string Shows, string What, Action Call, LambdaExpression? Expression = null)
{
    public string Key => MemberKey.Of(Member);

    /// <summary>The key of <see cref="BadInputAllowList.OtherNames"/>: "member [expected name]".</summary>
    public string NameKey => $"{Key} [{Parameter}]";

    public override string ToString() => $"{Key} [{Parameter}: {What}]";
}

/// <summary>Builds <see cref="BadInput"/> cases; the member comes from the call itself, so a rename breaks compilation.</summary>
internal sealed class BadInputs
{
    private readonly List<BadInput> _cases = [];

    public IReadOnlyList<BadInput> Cases => _cases;

    /// <summary>
    /// A case whose member is the outermost call or <c>new</c> of <paramref name="call"/> (arguments built outside the
    /// lambda; expression trees need every optional argument spelled out). <paramref name="on"/> retargets a call bound
    /// to a virtual member to the override declared by that type.
    /// </summary>
    public void Add(string parameter, string shows, string what, Expression<Action> call, Type? on = null) =>
        Add(parameter, shows, what, call, call.Compile(preferInterpretation: true), on);

    /// <summary>A case that reads an indexer (an expression, not a statement).</summary>
    public void Get(string parameter, string shows, string what, Expression<Func<object?>> get)
    {
        var read = get.Compile(preferInterpretation: true);
        Add(parameter, shows, what, get, () => read(), on: null);
    }

    /// <summary>The body of <paramref name="call"/>, without the conversion an expression lambda may wrap it in.</summary>
    internal static Expression Body(LambdaExpression call) =>
        call.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : call.Body;

    /// <summary>The member <paramref name="call"/> calls: its outermost call, indexer or <c>new</c>.</summary>
    internal static MethodBase Called(LambdaExpression call) => Body(call) switch
    {
        MethodCallExpression m => m.Method,
        IndexExpression { Indexer: { } indexer } => indexer.GetMethod!,
        NewExpression n => n.Constructor ?? throw new ArgumentException("a struct's default constructor is not a member to catalogue", nameof(call)),
        var body => throw new ArgumentException($"the case's body must be one call or one new; got {body.NodeType}", nameof(call)),
    };

    private void Add(string parameter, string shows, string what, LambdaExpression call, Action run, Type? on)
    {
        var member = Called(call);
        var body = Body(call);
        // A call bound to a virtual member exercises the override of the receiver's static type (or of `on`).
        on ??= body is MethodCallExpression { Object: { } receiver } && member.IsVirtual ? receiver.Type : null;
        if (on is not null && on != member.DeclaringType)
        {
            var types = member.GetParameters().Select(p => p.ParameterType).ToArray();
            for (var t = on; t is not null && t != member.DeclaringType; t = t.BaseType)
                if (t.GetMethod(member.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, types) is { } declared)
                {
                    member = declared;
                    break;
                }
        }
        _cases.Add(new BadInput(Definition(member), parameter, shows, what, run, call));
    }

    /// <summary>A case for a member that an expression tree cannot call (a <c>Span</c> parameter, a <c>ref</c>), or one
    /// whose call is built by reflection from <paramref name="expression"/> (the cases derived from declarations).</summary>
    public void Add(MethodBase member, string parameter, string shows, string what, Action call, LambdaExpression? expression = null) =>
        _cases.Add(new BadInput(Definition(member), parameter, shows, what, call, expression));

    // The member as declared: a generic method's definition, a generic type's open member.
    private static MethodBase Definition(MethodBase member)
    {
        if (member is MethodInfo { IsGenericMethod: true } g) member = g.GetGenericMethodDefinition();
        var type = member.DeclaringType!;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            int token = member.MetadataToken;
            member = type.GetGenericTypeDefinition()
                .GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OfType<MethodBase>().Single(m => m.MetadataToken == token);
        }
        return member;
    }
}
