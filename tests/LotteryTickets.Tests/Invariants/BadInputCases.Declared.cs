using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// Bad-input cases derived from the declarations: for every settings record (<see cref="IValidated"/>) of the library,
/// a valid sample and the entry point that takes it; for every property the checker reads (<see cref="Validation.Declarations"/>),
/// each value just outside what it declares — a number beyond each constraint, an empty or repeated list, null for a
/// reference that must be set, an undefined enum value — set on a copy of the sample and handed to the entry point,
/// which must refuse it naming the property. A settings record without an entry here fails
/// <see cref="BadInputCatalogueTests.EverySettingsRecordHasAnEntryPoint"/>, so the cases cannot drift from the
/// declarations.
/// </summary>
internal sealed partial class BadInputCases
{
    private readonly List<(Type Type, object Sample, MethodBase Member, LambdaExpression Expression, Action<object> Enter)> _entries = [];

    /// <summary>How many cases are derived from the declarations.</summary>
    public int DeclaredCount => All.Count(c => c.What.StartsWith("declared: ", StringComparison.Ordinal));

    /// <summary>The settings types that have an entry point here.</summary>
    public IReadOnlyCollection<Type> EnteredTypes => _entries.Select(e => e.Type).ToHashSet();

    /// <summary>Registers <paramref name="sample"/> (valid) and the call that checks a <typeparamref name="T"/> where work enters.</summary>
    private void Entry<T>(T sample, Expression<Action<T>> enter) where T : class, IValidated
    {
        var run = enter.Compile(preferInterpretation: true);
        _entries.Add((typeof(T), sample, BadInputs.Called(enter), enter, o => run((T)o)));
    }

    private void AddDeclared()
    {
        LotteryTickets.Training.TrainingHparams? noSettings = null;
        _cases.Add("settings", "null", "null", () => Validation.Check(noSettings!, "settings"));
        _cases.Add("type", "null", "null", () => Validation.Declarations(null!));
        _cases.Add("min", "min ≤ max", "an empty range", () => new RangeAttribute(1, 0));
        _cases.Add("min", "NaN", "a NaN end", () => new RangeAttribute(double.NaN, 1));
        AddEntries();
        foreach (var (type, sample, member, expression, enter) in _entries)
            foreach (var (property, constraints, notEmpty, distinct, mayBeNull) in Validation.Declarations(type))
                foreach (var (value, shows, what) in BadValues(property, sample, constraints, notEmpty, distinct, mayBeNull))
                {
                    var copy = Copy(sample, property, value);
                    _cases.Add(member, property.Name, shows, $"declared: {type.Name}.{property.Name} = {what}", () => enter(copy), expression);
                }
    }

    private static object Copy(object sample, PropertyInfo property, object? value)
    {
        var clone = sample.GetType().GetMethod("<Clone>$")?.Invoke(sample, null)
            ?? throw new InvalidOperationException($"{sample.GetType().Name} is not a record: its entry cannot set one property on a copy.");
        var setter = property.SetMethod ??
            throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name} declares a constraint but cannot be set.");
        setter.Invoke(clone, [value]);
        return clone;
    }

    /// <summary>Values that the declarations of <paramref name="property"/> refuse, with what the message must show.</summary>
    private static IEnumerable<(object? Value, string Shows, string What)> BadValues(PropertyInfo property, object sample,
        IReadOnlyList<ConstraintAttribute> constraints, bool notEmpty, bool distinct, bool mayBeNull)
    {
        var type = property.PropertyType;
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        var element = type != typeof(string) && type.IsArray ? type.GetElementType()
            : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        if (!mayBeNull && !type.IsValueType) yield return (null, "null", "null");
        if (scalar.IsEnum) yield return (Enum.ToObject(scalar, 999), "999", "an undefined value");
        if (type == typeof(string) && notEmpty) yield return ("  ", "non-empty", "blank");
        var numberType = element ?? scalar;
        bool integral = numberType == typeof(int) || numberType == typeof(long);
        foreach (var c in constraints)
            foreach (var v in c.Violations(integral))
            {
                if (integral && (numberType == typeof(int) ? v is < int.MinValue or > int.MaxValue : v is < long.MinValue or > long.MaxValue))
                    continue; // beyond the type: no value of the setting can be there
                object boxed = Convert.ChangeType(v, numberType, CultureInfo.InvariantCulture);
                string shows = c is PositiveAttribute && integral ? "≥ 1" : c.Allowed;
                yield return element is null ? (boxed, shows, v.ToString(CultureInfo.InvariantCulture))
                    : (List(element, boxed), shows, $"[{v.ToString(CultureInfo.InvariantCulture)}]");
            }
        if (element is not null)
        {
            if (element.IsEnum) yield return (List(element, Enum.ToObject(element, 999)), "999", "[an undefined value]");
            if (notEmpty) yield return (List(element), "at least one", "empty");
            if (distinct)
            {
                var first = ((IEnumerable)property.GetValue(sample)!).Cast<object>().First();
                yield return (List(element, first, first), "distinct", "a repeated entry");
            }
        }
    }

    private static Array List(Type element, params object[] items)
    {
        var array = Array.CreateInstance(element, items.Length);
        for (int i = 0; i < items.Length; i++) array.SetValue(items[i], i);
        return array;
    }

    /// <summary>One valid sample per settings record, and the entry point that checks it.</summary>
    private void AddEntries()
    {
        var model = Model;
        var train = Dataset(24);
        var test = Dataset(12, seed: 4);
        var data = new TrainingData(train, null, test);
        var imp = TinyImp();
        var training = imp.Training;
        var teacher = Own(zeros(24, 4));
        IProgress<ImpProgress>? none = null;
        var ticket = new TicketExperiment(imp, data, [1]);

        Entry((LeNetHparams)imp.Model, m => m.Create(CPU, 1));
        Entry(new Conv2Hparams { ConvWidth = 4, FcWidth = 8, ImageSize = 8, Classes = 4 }, m => m.Create(CPU, 1));
        Entry(new TransformerHparams { Blocks = 1, Heads = 2, Width = 8, HeadWidth = 4, MlpWidth = 8, ImageSize = 4, Classes = 4 },
            m => m.Create(CPU, 1));
        Entry(new RnnHparams { Tied = false, RecurrentWidth = 8, ImageSize = 4, Classes = 4 }, m => m.Create(CPU, 1));
        Entry(training, h => Trainer.Train(model, null, train, null, test, h, 1, null, CancellationToken.None, null));
        Entry(new DistillationHparams(2, 0.5),
            d => Trainer.Train(model, null, train, null, test, new TrainingHparams { BatchSize = 6, Epochs = 1, Distillation = d }, 1, null,
                CancellationToken.None, teacher));
        Entry(new GradientNoiseHparams(2, 1),
            n => Trainer.Train(model, null, train, null, test, new TrainingHparams { BatchSize = 6, Epochs = 1, GradientNoise = n }, 1, null,
                CancellationToken.None, null));
        Entry(imp.Pruning, p => PruningStrategies.PruneRepeatedly(model, p, 1));
        Entry(imp, h => IterativeMagnitudePruning.Run(h, data, 1, 1, none, CancellationToken.None, null, null));
        Entry(new TicketExperiment(imp, data, [1]) { ControlLevels = [1] }, e => e.Run(null));
        Entry(new Claim("c", "s", "m", 0, LotteryTickets.Statistics.ClaimSide.Above),
            c => c.Against(LotteryTickets.Statistics.Estimate.Of(new[] { 1.0, 2.0 })));
        Entry(new DistillationExperiment(imp, imp, new DistillationHparams(2, 0.5), data, [1])
            { DistilledLevels = [0, 1], ControlLevels = [1], BaselineLevels = [1] }, e => e.Run(null));
        Entry(new ExperimentContext(), c => ticket.Run(c));
        Entry(data, d => new TicketExperiment(imp, d, new long[] { 1 }).Run(null));
        Entry(model.UnitGroups[0], g => new StructuredMagnitudePruning(new[] { g }));
        Entry(model.UnitGroups[0].Slices[0], s => new StructuredMagnitudePruning(new[] { new UnitGroup("fc1", UnitKind.Neuron, 12, new[] { s }) }));

        // The sparse-recovery and design sweeps, and the solvers' options.
        Entry(new OmpOptions(NonzeroCoefs: 2), o => new OrthogonalMatchingPursuit(o));
        Entry(new L1Options(0.1), o => new L1Regression(o));
        Entry(new DesignOptions(4), o => new GreedyAOptimalSelector(o));
        Entry(new MnistOptions(TrainCount: 10, TestCount: 10), o => Mnist.Load(o, null));
        Entry(new OmpRecoverySweep(4, 8, new[] { 0.0 }, new[] { 1 }, new[] { 20.0 }, 1, 1, SignalKind.Signed, null), s => s.Run(null));
        Entry(new PhaseDiagramSweep(new[] { 0.5 }, new[] { 0.1 }, 20, 1, 1, PhaseDiagramMethod.L1, SignalKind.Signed, 1e-2, null), s => s.Run(null));
        Entry(new L1ConvergenceSweep(10, 20, 2, 20, 0.1, 1, 1, 1e-10, 5000, new[] { L1Algorithm.SubgradientDescent, L1Algorithm.Ista }),
            s => s.Run(null));
        Entry(new L1PathSweep(10, 20, 2, 20, 10, 0.1, 1, 1, 0.2, L1Algorithm.Fista, 1e-8, 5000), s => s.Run(null));
        Entry(new TeacherRecoverySweep(8, 2, new[] { 4 }, 1, 1, SignalKind.Signed, 0.2, 1e-2, PruningStop.GivenK, null), s => s.Run(null));
        Entry(new DesignComparisonSweep(6, 2, new[] { 2, 3 }, 1, 1, 1.0, null), s => s.Run(null));
        Entry(new SpeedSweep(imp.Model, new[] { 0.5 }, new[] { 8 }, 1, 3, 10, 0), s => s.Run(null));
        Entry(new LayerDesignSweep(imp, "fc1.weight", new[] { 4 }, data), s => s.Run(null));
        Entry(new DenseNetworks(imp, data, new long[] { 1 }), n => n.Run(null));
        AddSection06Entries();
        AddSection07Entries();
        AddSection08Entries();
        AddSection09Entries();

        // The notebook layer: a session and its figures, checked where they are shown or written.
        var xs = new[] { 1.0, 2.0 };
        var series = new FigureSeries("s", xs, xs, null);
        var line = new LineFigure("declared", "t", "x", "y", new[] { series });
        Entry(series, f => new LineFigure("declared", "t", "x", "y", new[] { f }).ToCsv());
        Entry(line, f => f.ToCsv());
        Entry(new HeatmapFigure("declared", "t", "x", "y", "z", xs, xs, new IReadOnlyList<double>[] { xs, xs }), f => f.ToCsv());
        var store = new RunStore(Path.Combine(_folder.Path, "declared", "runs.db"));
        Entry(new NotebookSession("declared", CPU, Budget.Quick, "0", Path.Combine(_folder.Path, "declared-out"), store, false), n => n.Show(line));
    }
}
