using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LotteryTickets.Experiments;
using LotteryTickets.Hardware;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Sparse;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// Issue 12's gap in the catalogue: a <c>with</c> expression copies a record (its compiler-generated
/// <c>&lt;Clone&gt;$</c>, which runs no check) and then calls the init accessor of each property it sets. A
/// compiler-generated init accessor checks nothing, so a record whose constructor checks a parameter must check the
/// property in its init accessor too (a backing field and <c>init =&gt; _p = Check.X(value, nameof(P))</c>, as
/// <see cref="Training.DistillationHparams"/> does), or <c>r with { P = bad }</c> builds what the constructor refuses.
/// </summary>
public class WithExpressionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Properties whose constructor check compares them with another property. A <c>with</c> sets its properties one
    /// at a time, so one init accessor cannot repeat such a check reliably (the other property may be set after it);
    /// these accessors check only what their own value can break (null, a null row) and the property's documentation
    /// says the rest is checked at construction only. For these the guard below accepts a constructor rejection
    /// named after the other property, and an init accessor that lets a non-null value through or words its message
    /// differently; it still requires the accessor to refuse null. An entry no probe needs fails the guard, so the list
    /// only holds what is true.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> CrossField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LotteryTickets.Experiments.L1ConvergenceTrace.Seconds"] = "one entry per Objective entry",
        ["LotteryTickets.Experiments.OmpRecoveryResult.MeanCoherence"] = "one entry per shared weight of Options",
        ["LotteryTickets.Experiments.OmpRecoveryResult.MaxCoherence"] = "one entry per shared weight of Options",
        ["LotteryTickets.Experiments.OmpRecoveryResult.ExactRecovery"] = "the grid shape of Options",
        ["LotteryTickets.Experiments.OmpRecoveryResult.AtomsFound"] = "the grid shape of Options",
        ["LotteryTickets.Experiments.OmpRecoveryResult.GuaranteedTrials"] = "the grid shape of Options",
        ["LotteryTickets.Experiments.OmpRecoveryResult.GuaranteedFailures"] = "the grid shape of Options",
        ["LotteryTickets.Experiments.L1PathSweepResult.LambdaRatios"] = "every per-point array has its length",
        ["LotteryTickets.Experiments.L1PathSweepResult.SupportSize"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.L1Recall"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.L1Precision"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.PruningRecall"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.PruningAgreement"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.WarmIterations"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.ColdIterations"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.WarmSeconds"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.ColdSeconds"] = "one entry per λ (named LambdaRatios)",
        ["LotteryTickets.Experiments.L1PathSweepResult.ImpSupportSize"] = "one entry per ImpRecall entry",
        ["LotteryTickets.Experiments.L1PathSweepResult.ImpRecall"] = "one entry per ImpSupportSize entry (named ImpSupportSize)",
        ["LotteryTickets.Pruning.CompactionCheck.FullUnits"] = "holds every group of Units",
    };

    /// <summary>Every public record of both assemblies with a positional constructor, which <c>with</c> can copy.</summary>
    internal static IEnumerable<Type> PositionalRecords() =>
        BadInputCatalogueTests.Libraries.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsGenericTypeDefinition && !t.IsAbstract && BadInputCatalogueTests.IsRecord(t) && Positional(t) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>The public constructor whose every parameter sets the public property of the same name (not the copy constructor).</summary>
    internal static ConstructorInfo? Positional(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => c.GetParameters() is { Length: > 0 } ps && !(ps.Length == 1 && ps[0].ParameterType == type)
                && ps.All(p => type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance) is not null))
            .MaxBy(c => c.GetParameters().Length);

    /// <summary>
    /// The guard. For every public positional record (a valid instance of each is built by
    /// <see cref="BadInputCases.ValidRecords"/>; a new record without one fails here), and for every constructor
    /// parameter P: each candidate bad value v of P's type (null; "", " " and an unknown name for a string; 0, −1, NaN
    /// and ∞ for a number; an undefined enum value; an empty collection and one holding null) and every value a catalogue
    /// case passes for P to that constructor is passed to the constructor with the valid instance's other values. Where
    /// the constructor refuses v naming P, <c>valid with { P = v }</c> — done as a <c>with</c> does it: invoking
    /// <c>&lt;Clone&gt;$</c>, then P's init accessor — must throw the same exception type with the same name and message.
    /// So adding a checked record parameter without a checking init accessor fails here, whatever the check's value
    /// is, as long as one candidate or one catalogue case trips it. A constructor that refuses v naming another property
    /// is a cross-property check, which must be listed in <see cref="CrossField"/> (and documented on the property).
    /// </summary>
    [Fact]
    public void EveryInitAccessorRepeatsItsConstructorsCheck()
    {
        var (records, checkedParameters, probes, failures) = Survey();
        output.WriteLine($"{records} positional records; {checkedParameters} constructor parameters checked by their constructor, each compared with its init accessor over {probes} probes.");
        Assert.True(failures.Count == 0, $"{failures.Count} init accessors do not repeat their constructor's check (a `with` would build what the constructor refuses):\n" +
            string.Join("\n", failures));
    }

    /// <summary>Runs the guard: the records and checked parameters it compared (the README's Reliability table states them), and what failed.</summary>
    internal static (int Records, int CheckedParameters, int Probes, IReadOnlyList<string> Failures) Survey()
    {
        using var cases = BadInputCases.Build();
        var valid = cases.ValidRecords().GroupBy(v => v.GetType()).ToDictionary(g => g.Key, g => g.First());
        var fromCatalogue = CatalogueValues(cases.All);
        var failures = new List<string>();
        int records = 0, checkedParameters = 0, probes = 0;
        var excused = new HashSet<string>(StringComparer.Ordinal); // CrossField entries some probe needed
        foreach (var type in PositionalRecords())
        {
            records++;
            if (!valid.TryGetValue(type, out var instance))
            {
                failures.Add($"{type.FullName}: no valid instance; build one in BadInputCases.ValidRecords");
                continue;
            }
            var ctor = Positional(type)!;
            var parameters = ctor.GetParameters();
            var args = parameters.Select(p => type.GetProperty(p.Name!)!.GetValue(instance)).ToArray();
            if (Invoke(() => ctor.Invoke(args)) is { } rebuild)
            {
                failures.Add($"{type.FullName}: its valid instance's own values are refused by its constructor: {rebuild.Message}");
                continue;
            }
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i];
                var property = type.GetProperty(p.Name!)!;
                string key = $"{type.FullName}.{p.Name}";
                bool crossField = CrossField.ContainsKey(key);
                bool isChecked = false;
                foreach (var bad in Candidates(p.ParameterType).Concat(fromCatalogue.GetValueOrDefault(key, [])))
                {
                    probes++;
                    var withBad = (object?[])args.Clone();
                    withBad[i] = bad;
                    var byCtor = Invoke(() => ctor.Invoke(withBad));
                    if (byCtor is null) continue;
                    string shown = Show(bad);
                    if (byCtor is not ArgumentException ctorError)
                    {
                        failures.Add($"{key} = {shown}: the constructor throws {byCtor.GetType().Name}, not an ArgumentException: {byCtor.Message}");
                        continue;
                    }
                    if (ctorError.ParamName != p.Name)
                    {
                        if (crossField) excused.Add(key);
                        else failures.Add($"{key} = {shown}: the constructor refuses it naming \"{ctorError.ParamName}\"; name {p.Name}, or list a cross-property check in CrossField");
                        continue;
                    }
                    isChecked = true;
                    if (property.SetMethod is not { } init)
                    {
                        failures.Add($"{key}: the constructor checks it but the property has no init accessor to check");
                        continue;
                    }
                    var clone = Clone(instance);
                    var byWith = Invoke(() => init.Invoke(clone, [bad]));
                    if (crossField && bad is not null && (byWith is null || byWith is ArgumentException { } w && w.ParamName == p.Name && w.Message != ctorError.Message))
                    {
                        excused.Add(key); // the part that compares it with another property is checked at construction only
                        continue;
                    }
                    string? problem = byWith switch
                    {
                        null => "is accepted",
                        ArgumentException a when a.ParamName != p.Name => $"is refused naming \"{a.ParamName}\"",
                        ArgumentException a when a.GetType() != ctorError.GetType() => $"throws {a.GetType().Name}, the constructor {ctorError.GetType().Name}",
                        ArgumentException a when a.Message != ctorError.Message && !(crossField && bad is null) => $"is refused with \"{a.Message}\", the constructor says \"{ctorError.Message}\"",
                        ArgumentException => null,
                        _ => $"throws {byWith.GetType().Name}: {byWith.Message}",
                    };
                    if (problem is not null)
                        failures.Add($"{key} = {shown}: the constructor refuses it (\"{ctorError.Message}\") but `with {{ {p.Name} = … }}` {problem}");
                }
                if (isChecked) checkedParameters++;
            }
        }
        foreach (var key in CrossField.Keys.Where(k => !PositionalRecords().Any(t => k.StartsWith(t.FullName + ".", StringComparison.Ordinal)
                     && Positional(t)!.GetParameters().Any(p => k == $"{t.FullName}.{p.Name}"))))
            failures.Add($"CrossField names no positional record property: {key}");
        foreach (var key in CrossField.Keys.Where(k => !excused.Contains(k)))
            failures.Add($"CrossField lists {key}, but no probe found a check of it that compares it with another property: take it off");
        return (records, checkedParameters, probes, failures.Distinct().ToList()); // a catalogue value may repeat a candidate
    }

    /// <summary>What a <c>with</c> expression does, in the language: the copy, then the init accessor.</summary>
    [Fact]
    public void WithExpressionsRefuseWhatTheConstructorRefuses()
    {
        var curve = new TicketCurve(TicketSeries.Ticket, []);
        Assert.Equal("Points", Assert.ThrowsAny<ArgumentException>(() => curve with { Points = null! }).ParamName);
        var slice = new UnitSlice("fc1.weight", 0);
        var block = Assert.ThrowsAny<ArgumentException>(() => slice with { Block = 0 });
        Assert.Equal(("Block", Assert.ThrowsAny<ArgumentException>(() => new UnitSlice("fc1.weight", 0, 0)).Message), (block.ParamName, block.Message));
        Assert.Equal("Name", Assert.ThrowsAny<ArgumentException>(() => Budget.Quick with { Name = "medium" }).ParamName);
        Assert.Equal("quick", (Budget.Full with { Name = "quick" }).Name);
        var timing = new TimingResult([0.1], 0, 1);
        Assert.Equal("Seconds", Assert.ThrowsAny<ArgumentException>(() => timing with { Seconds = [] }).ParamName);
        Assert.Equal("Warmup", Assert.ThrowsAny<ArgumentException>(() => timing with { Warmup = -1 }).ParamName);
        // A cross-property invariant is checked when constructed; with checks each property alone.
        var trace = new L1ConvergenceTrace(L1Algorithm.Fista, 0, [0.0, 0.1], [2.0, 1.0], true, 2);
        Assert.Equal("Seconds", Assert.ThrowsAny<ArgumentException>(() => trace with { Seconds = null! }).ParamName);
        Assert.Equal(3, (trace with { Objective = [3.0, 2.0, 1.0], Seconds = [0.0, 0.1, 0.2] }).Objective.Length);
    }

    /// <summary>Init-only properties outside the constructor (defaults, set by an object initializer or a with) refuse
    /// null too: each is enumerated or dereferenced later, where null would surface as a NullReferenceException.</summary>
    [Fact]
    public void InitOnlyCollectionsAndSettingsRefuseNull()
    {
        var heat = new LotteryTickets.Interactive.HeatmapFigure("h", "t", "x", "y", "z", [1.0, 2.0], [1.0, 2.0], [[1.0, 2.0], [3.0, 4.0]]);
        Assert.Equal("Overlays", Assert.ThrowsAny<ArgumentException>(() => heat with { Overlays = null! }).ParamName);
        Assert.Equal("Points", Assert.ThrowsAny<ArgumentException>(() => heat with { Points = null! }).ParamName);
        var training = new LevelTraining(TicketSeries.Ticket, 1, 0, 100, []);
        Assert.Equal("GradientNoise", Assert.ThrowsAny<ArgumentException>(() => training with { GradientNoise = null! }).ParamName);
        Assert.Equal("Budget", Assert.ThrowsAny<ArgumentException>(() => new ExperimentContext { Budget = null! }).ParamName);
        using var model = new ModelHparams { Hidden1 = 4, Hidden2 = 4 }.Create(TorchSharp.torch.CPU, 1);
        var mask = LotteryTickets.Pruning.Mask.Dense(model);
        var ticket = new TicketCurve(TicketSeries.Ticket, [new TicketCurvePoint(0, 100, 90, 0, 10, 0, 1)]);
        var result = new TicketExperimentResult(new LotteryHparams(), [1], ticket,
            new TicketCurve(TicketSeries.RandomReinit, []), new TicketCurve(TicketSeries.RandomMask, []), [mask.Report()], 1.0);
        Assert.Equal("Trainings", Assert.ThrowsAny<ArgumentException>(() => result with { Trainings = null! }).ParamName);
    }

    // Values a catalogue case passes to a record's constructor for the parameter it expects refused, by "Type.Parameter".
    private static Dictionary<string, List<object?>> CatalogueValues(IEnumerable<BadInput> cases)
    {
        var values = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (c.Member is not ConstructorInfo ctor || !BadInputCatalogueTests.IsRecord(ctor.DeclaringType!)) continue;
            var body = c.Expression?.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : c.Expression?.Body;
            if (body is not NewExpression n) continue;
            int i = Array.FindIndex(ctor.GetParameters(), p => p.Name == c.Parameter);
            if (i < 0) continue;
            var value = Expression.Lambda<Func<object?>>(Expression.Convert(n.Arguments[i], typeof(object))).Compile(preferInterpretation: true)();
            string key = $"{ctor.DeclaringType!.FullName}.{c.Parameter}";
            if (!values.TryGetValue(key, out var list)) values[key] = list = [];
            list.Add(value);
        }
        return values;
    }

    /// <summary>Values of <paramref name="type"/> that a check commonly refuses.</summary>
    internal static IEnumerable<object?> Candidates(Type type)
    {
        var under = Nullable.GetUnderlyingType(type);
        if (under is null && !type.IsValueType) yield return null;
        var t = under ?? type;
        if (t == typeof(string))
        {
            yield return "";
            yield return " ";
            yield return "no-such-name";
        }
        else if (t == typeof(int)) { yield return 0; yield return -1; }
        else if (t == typeof(long)) { yield return 0L; yield return -1L; }
        else if (t == typeof(double))
        {
            yield return 0.0;
            yield return -1.0;
            yield return double.NaN;
            yield return double.PositiveInfinity;
        }
        else if (t.IsEnum) yield return Enum.ToObject(t, 999);
        else if (ElementType(t) is { } element)
        {
            if (t.IsAssignableFrom(element.MakeArrayType()))
            {
                yield return Array.CreateInstance(element, 0);
                if (!element.IsValueType)
                    yield return Array.CreateInstance(element, 1); // one null entry
            }
        }
        else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            yield return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(t.GetGenericArguments()));
    }

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(IEnumerable<>)
            || d == typeof(IReadOnlyCollection<>) || d == typeof(IList<>)) ? t.GetGenericArguments()[0]
        : null;

    // The copy a with expression starts from: <Clone>$ for a record class, a boxed copy for a record struct.
    private static object Clone(object instance) =>
        instance.GetType().IsValueType ? RuntimeHelpers.GetObjectValue(instance)!
            : instance.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)!.Invoke(instance, null)!;

    private static Exception? Invoke(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null) { return e.InnerException; }
        catch (Exception e) { return e; }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        Array a => $"{a.GetType().GetElementType()!.Name}[{a.Length}]{(a.Length > 0 ? " holding null" : "")}",
        System.Collections.ICollection c => $"{c.GetType().Name} of {c.Count}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };
}
