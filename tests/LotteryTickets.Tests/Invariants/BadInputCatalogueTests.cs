using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// The bad-input catalogue: every public method and constructor of the library (both assemblies: the core
/// <c>LotteryTickets</c> and the notebook layer <c>LotteryTickets.Interactive</c>) either has a bad-input case in
/// <see cref="BadInputCases"/> (written by hand, or derived from a settings record's declarations), or is excluded by
/// a rule below, or sits on <see cref="BadInputAllowList.Reviewed"/> with a one-line reason. Every case must be
/// rejected with a .NET exception that names the parameter and shows the value or what is allowed.
/// </summary>
public class BadInputCatalogueTests(ITestOutputHelper output)
{
    /// <summary>The assemblies the catalogue covers, by the same rules: the core and the notebook layer.</summary>
    internal static readonly IReadOnlyList<Assembly> Libraries = [typeof(LibraryInfo).Assembly, typeof(LotteryTickets.Interactive.Notebook).Assembly];

    /// <summary>Every public method and constructor declared by a public type of <paramref name="assembly"/>.</summary>
    internal static IEnumerable<MethodBase> PublicMembers(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t =>
                t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                .Concat(t.GetConstructors(BindingFlags.Public | BindingFlags.Instance)))
            .OrderBy(MemberKey.Of, StringComparer.Ordinal);

    /// <summary>
    /// Why <paramref name="member"/> needs no case by rule, or null. The rules, each checked here by reflection:
    /// compiler-generated members (a record's Equals, GetHashCode, ToString, PrintMembers, &lt;Clone&gt;$, ==, !=,
    /// Deconstruct, auto-property accessors); property getters and event accessors; property setters (init
    /// accessors: a record is checked where it is consumed, not as it is built); the constructors of records — a
    /// settings record (<see cref="IValidated"/>) is checked by its consumer, whose cases are derived from its
    /// declarations (<see cref="BadInputCases.AddDeclared"/>), and any other record is plain data the library builds
    /// and reads by value (the run store checks what it loads); overrides of object's members;
    /// abstract and interface members (their implementations are catalogued); members without parameters; members
    /// whose every parameter is a bool, a CancellationToken or an IProgress&lt;T&gt; (no value of those is invalid).
    /// Enums are not on that list: a member taking an enum needs a case with an undefined value.
    /// </summary>
    internal static string? Rule(MethodBase member)
    {
        var type = member.DeclaringType!;
        const BindingFlags all =
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (member.IsSpecialName && member is MethodInfo accessor)
        {
            foreach (var property in type.GetProperties(all))
            {
                if (property.GetMethod == accessor && accessor.GetParameters().Length == 0) return "property getter";
                if (property.SetMethod == accessor) return "property setter (init): a record is checked where it is consumed";
            }
            if (type.GetEvents(all).Any(e => e.AddMethod == accessor || e.RemoveMethod == accessor)) return "event accessor";
        }
        if (member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)) return "compiler-generated (a record's members)";
        if (member is ConstructorInfo && IsRecord(type))
            return typeof(IValidated).IsAssignableFrom(type)
                ? "a settings record's constructor: its declarations are checked where it is consumed (cases derived from them)"
                : "a plain data record's constructor: results are read by value, and the run store checks what it loads";
        if (member is MethodInfo method && method.GetBaseDefinition().DeclaringType == typeof(object)) return "override of an object member";
        if (member.IsAbstract) return "abstract: its implementations are catalogued";
        var parameters = member.GetParameters();
        if (parameters.Length == 0) return "takes no argument";
        if (parameters.All(p => p.ParameterType == typeof(bool) || p.ParameterType == typeof(CancellationToken)
                || p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IProgress<>)))
            return "takes only flags, a cancellation token or a progress sink";
        return null;
    }

    [Fact]
    public void EveryBadInputIsRejectedWithAnArgumentExceptionNamingTheParameter()
    {
        using var cases = BadInputCases.Build();
        var failures = cases.All.Select(c => (c, Verdict(c))).Where(v => v.Item2 is not null).Select(v => $"{v.c}: {v.Item2}").ToList();
        output.WriteLine($"{cases.All.Count} bad-input cases over {cases.All.Select(c => c.Key).Distinct().Count()} members; {failures.Count} " +
            "failed.");
        Assert.True(failures.Count == 0, $"{failures.Count} bad inputs were not rejected as they should be:\n" + string.Join("\n", failures));
    }

    // Null when the case passes; otherwise what went wrong.
    internal static string? Verdict(BadInput c)
    {
        Exception? thrown = null;
        try { c.Call(); }
        catch (Exception e) { thrown = e; }
        return thrown switch
        {
            null => "no exception",
            ArgumentException a when a.ParamName != c.Parameter =>
                $"ParamName is \"{a.ParamName}\", expected \"{c.Parameter}\" ({a.GetType().Name}: {a.Message})",
            InvalidDataException d when !d.Message.Contains(c.Parameter, StringComparison.Ordinal) =>
                $"the message does not name \"{c.Parameter}\": {d.Message}",
            ArgumentException or InvalidDataException =>
                thrown.Message.Contains(c.Shows, StringComparison.Ordinal) ? null : $"the message does not show \"{c.Shows}\": {thrown.Message}",
            _ => $"threw {thrown.GetType().FullName}{(thrown is ExternalException or SEHException ? " (native)" : "")}: {thrown.Message}",
        };
    }

    /// <summary>
    /// The names case <paramref name="c"/> may expect its exception to carry: its member's own parameters; for a
    /// constructor or an instance member, also the public properties of the receiver's type (a record's constructor
    /// names the property its parameter sets; a sweep's Run names the setting it reads) and of those of its properties
    /// that are settings records of the library (an estimator's Fit names the setting of its Options that does not
    /// fit the data); and the public properties of a parameter whose type is such a record (a consumer such as
    /// Mnist.Load names the setting it refuses). A static factory's properties are not among them:
    /// <c>ModelHparams.Rnn(tied, width)</c> must name <c>width</c>, what its caller passed, not <c>RecurrentWidth</c>,
    /// the property it sets with it.
    /// </summary>
    internal static IReadOnlySet<string> NamesACaseMayExpect(BadInput c)
    {
        const BindingFlags instance = BindingFlags.Public | BindingFlags.Instance;
        var member = c.Member;
        var names = member.GetParameters().Select(p => p.Name!).ToHashSet(StringComparer.Ordinal);
        // A settings record's properties, and those of the settings nested in it (Validation.Check names the leaf).
        void AddSettings(Type type, int depth = 0)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (depth > 3 || !Libraries.Contains(type.Assembly) || !IsRecord(type)) return;
            foreach (var p in type.GetProperties(instance))
            {
                names.Add(p.Name);
                if (typeof(IValidated).IsAssignableFrom(p.PropertyType)) AddSettings(p.PropertyType, depth + 1);
            }
        }
        if (member is ConstructorInfo || !member.IsStatic)
        {
            // The receiver as the case wrote it (a sweep's Run is declared by Sweep<TResult>, called on PhaseDiagramSweep).
            var receiver = c.Expression is { } e && BadInputs.Body(e) is MethodCallExpression { Object: { } o } ? o.Type : member.DeclaringType!;
            foreach (var property in receiver.GetProperties(instance))
            {
                names.Add(property.Name);
                AddSettings(property.PropertyType);
                if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var element]) AddSettings(element);
            }
        }
        foreach (var p in member.GetParameters())
        {
            AddSettings(p.ParameterType);
            // A list of settings (a pruning strategy's unit groups): each entry is checked as it enters.
            if (p.ParameterType.IsGenericType && p.ParameterType.GetGenericArguments() is [var element]) AddSettings(element);
        }
        return names;
    }

    /// <summary>A record class (it has the compiler's <c>&lt;Clone&gt;$</c>) or a record struct (its <c>PrintMembers</c>).</summary>
    internal static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is { } print
            && print.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    /// <summary>
    /// A bad argument must be reported under the name its caller used. A member that passes an argument
    /// on to another and lets that one's check fire reports the callee's name instead (GentleArtOfTraining's ε used
    /// to be reported as LabelSmoothing); so every case's expected name must be one <see cref="NamesACaseMayExpect"/>
    /// allows, or the case is listed in <see cref="BadInputAllowList.OtherNames"/> with the reason (and only then: an
    /// entry that no case needs fails too).
    /// </summary>
    [Fact]
    public void EveryCaseExpectsANameItsCallerPassed()
    {
        using var cases = BadInputCases.Build();
        var failures = new List<string>();
        foreach (var c in cases.All)
        {
            var allowed = NamesACaseMayExpect(c);
            if (allowed.Contains(c.Parameter) || BadInputAllowList.OtherNames.ContainsKey(c.NameKey)) continue;
            // A file's bad content is named by the file (an InvalidDataException), not by a parameter.
            try { c.Call(); }
            catch (InvalidDataException) { continue; }
            catch (Exception) { }
            failures.Add($"{c}: expects \"{c.Parameter}\", which is none of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
        }
        var needed = cases.All.Where(c => !NamesACaseMayExpect(c).Contains(c.Parameter)).Select(c => c.NameKey).ToHashSet();
        foreach (var key in BadInputAllowList.OtherNames.Keys.Where(k => !needed.Contains(k)))
            failures.Add($"BadInputAllowList.OtherNames names no case that needs it: {key}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} cases expect a name their caller did not pass (check the argument at entry under its own name, " +
            "or list the case in BadInputAllowList.OtherNames with the reason):\n" + string.Join("\n", failures));
    }

    /// <summary>What the catalogue holds: the counts the README's Reliability table states, and its problems.</summary>
    internal sealed record Catalogue(int Members, int Cases, int WithCase, int ByRule, int AllowListed,
        IReadOnlyDictionary<string, int> RuleCounts, IReadOnlyList<string> Problems)
    {
        public override string ToString() => $"{Members} public methods and constructors — {WithCase} with a bad-input case ({Cases} cases), " +
            $"{ByRule} excluded by rule, {AllowListed} allow-listed with a reason.";
    }

    /// <summary>Matches every public member (of <paramref name="only"/>, or of both assemblies) against the cases, the rules and the
    /// allow-list.</summary>
    internal static Catalogue Survey(Assembly? only = null)
    {
        using var cases = BadInputCases.Build();
        var covered = cases.All.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var allMembers = Libraries.SelectMany(PublicMembers).ToList();
        var keys = allMembers.Select(MemberKey.Of).ToHashSet(StringComparer.Ordinal);
        var members = allMembers.Where(m => only is null || m.DeclaringType!.Assembly == only).ToList();
        var problems = new List<string>();

        // Every case and allow-list entry names a member that exists (a rename must update them).
        foreach (var key in covered.Concat(BadInputAllowList.Reviewed.Keys).Where(k => !keys.Contains(k)))
            problems.Add($"not a public member of {string.Join(" or ", Libraries.Select(a => a.GetName().Name))}: {key}");
        foreach (var key in BadInputAllowList.Reviewed.Keys.Where(covered.Contains))
            problems.Add($"has a case, so take it off the allow-list: {key}");
        foreach (var member in allMembers.Where(m => Rule(m) is not null && BadInputAllowList.Reviewed.ContainsKey(MemberKey.Of(m))))
            problems.Add($"excused by a rule ({Rule(member)}), so take it off the allow-list: {MemberKey.Of(member)}");

        int byRule = 0, withCase = 0, allowed = 0;
        var ruleCounts = new Dictionary<string, int>();
        foreach (var member in members)
        {
            string key = MemberKey.Of(member);
            if (covered.Contains(key)) { withCase++; continue; }
            if (Rule(member) is { } rule)
            {
                byRule++;
                ruleCounts[rule] = ruleCounts.GetValueOrDefault(rule) + 1;
                continue;
            }
            if (BadInputAllowList.Reviewed.ContainsKey(key)) { allowed++; continue; }
            problems.Add($"no bad-input case, rule or reviewed reason: {key}");
        }
        int caseCount = only is null ? cases.All.Count : cases.All.Count(c => c.Member.DeclaringType!.Assembly == only);
        return new Catalogue(members.Count, caseCount, withCase, byRule, allowed, ruleCounts, problems);
    }

    [Fact]
    public void EveryPublicMemberHasABadInputCaseOrAReviewedReason()
    {
        foreach (var assembly in Libraries) output.WriteLine($"{assembly.GetName().Name}: {Survey(assembly)}");
        var c = Survey();
        output.WriteLine($"both: {c}");
        foreach (var (rule, count) in c.RuleCounts.OrderByDescending(r => r.Value)) output.WriteLine($"  by rule, {rule}: {count}");
        Assert.True(c.Problems.Count == 0, $"{c.Problems.Count} catalogue problems:\n" + string.Join("\n", c.Problems));
    }

    /// <summary>Every settings record of both assemblies has a sample and an entry point in <see cref="BadInputCases.AddEntries"/>,
    /// so that its declarations become bad-input cases.</summary>
    [Fact]
    public void EverySettingsRecordHasAnEntryPoint()
    {
        using var cases = BadInputCases.Build();
        var settings = Libraries.SelectMany(a => a.GetExportedTypes())
            .Where(t => typeof(IValidated).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        var missing = settings.Where(t => !cases.EnteredTypes.Contains(t)).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{settings.Count} settings records; {cases.DeclaredCount} bad-input cases derived from their declarations.");
        Assert.True(missing.Count == 0,
            "settings records without an entry point in BadInputCases.AddEntries (its cases come from there):\n" + string.Join("\n", missing));
    }
}
