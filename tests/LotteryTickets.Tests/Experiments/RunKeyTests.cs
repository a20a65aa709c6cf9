using System.Reflection;
using System.Runtime.CompilerServices;

namespace LotteryTickets.Tests.Experiments;

public class RunKeyTests
{
    // Two versions of one parameter record: V2 adds a property whose default keeps V1's behaviour.
    public sealed record InnerV1 { public int Width { get; init; } = 8; }
    public sealed record V1
    {
        public double Rate { get; init; } = 0.1;
        public string Name { get; init; } = "a";
        public InnerV1 Inner { get; init; } = new();
    }
    public sealed record InnerV2 { public int Width { get; init; } = 8; public bool Bias { get; init; } = true; }
    public sealed record V2
    {
        public string Name { get; init; } = "a";
        public double Rate { get; init; } = 0.1;
        public InnerV2 Inner { get; init; } = new();
        public int Added { get; init; } = 3;
    }

    [Fact]
    public void AddingADefaultedPropertyKeepsOldKeys()
    {
        Assert.Equal(RunKey.For("x", new V1()).Hash, RunKey.For("x", new V2()).Hash);
        var v1 = RunKey.For("x", new V1 { Rate = 0.25, Inner = new InnerV1 { Width = 4 } });
        var v2 = RunKey.For("x", new V2 { Rate = 0.25, Inner = new InnerV2 { Width = 4 } });
        Assert.Equal(v1.Hash, v2.Hash); // V2 also declares its properties in another order
        Assert.Equal(["kind=x", "Inner.Width=4", "Rate=0.25"], v1.Lines);
    }

    [Fact]
    public void ChangingAnyValueChangesTheKey()
    {
        var keys = new[]
        {
            RunKey.For("x", new V2()), RunKey.For("y", new V2()), RunKey.For("x", new V2 { Rate = 0.1000000001 }),
            RunKey.For("x", new V2 { Name = "b" }), RunKey.For("x", new V2 { Inner = new InnerV2 { Bias = false } }),
            RunKey.For("x", new V2 { Added = 4 }), RunKey.For("x", new V2(), ("data", "mnist")), RunKey.For("x", new V2(), ("data", "fashion")),
        }.Select(k => k.Hash).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{16}$", k));
    }

    [Fact]
    public void SettingADefaultExplicitlyChangesNothing()
    {
        var h = new LotteryHparams { Training = new TrainingHparams { Epochs = 10, Optimizer = Optimizer.Adam }, RewindStep = 0 };
        Assert.Equal(RunKey.For("imp", new LotteryHparams()).Hash, RunKey.For("imp", h).Hash);
    }

    [Fact]
    public void AModelWritesItsNameWhenNotTheDefaultAndOnlyItsOwnWidthsThatDiffer()
    {
        IEnumerable<string> Lines(ModelHparams model) => RunKey.For("imp", new LotteryHparams { Model = model }).Lines.Skip(1);
        Assert.Empty(Lines(ModelHparams.LeNet300100));
        Assert.Equal(["Model.Hidden2=50"], Lines(new LeNetHparams { Hidden2 = 50 }));
        Assert.Equal(["Model.Name=conv2"], Lines(ModelHparams.Conv2()));
        Assert.Equal(["Model.ConvWidth=16", "Model.FcWidth=128", "Model.Name=conv2"], Lines(ModelHparams.Conv2(16, 128)));
        Assert.Equal(["Model.Name=rnn"], Lines(ModelHparams.Rnn(tied: true)));
        Assert.Equal(["Model.Name=rnn_untied", "Model.RecurrentWidth=64"], Lines(ModelHparams.Rnn(tied: false, width: 64)));
        Assert.Equal(["Model.Heads=2", "Model.Name=tiny_transformer"], Lines(ModelHparams.TinyTransformer(heads: 2)));
        Assert.Equal(["Model.Classes=3", "Model.Name=conv2"], Lines(ModelHparams.Conv2() with { Classes = 3 }));
    }

    [Fact]
    public void EnumsAreWrittenByTheirStoredNames()
    {
        var h = new LotteryHparams
        {
            Training = new TrainingHparams { Optimizer = Optimizer.Sgd },
            Pruning = new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude },
        };
        Assert.Equal(["Pruning.Strategy=structured_magnitude", "Training.Optimizer=sgd"], RunKey.For("imp", h).Lines.Skip(1));
        // as before: its C# name
        Assert.Equal(["Signal=NonNegative"], RunKey.For("x", new WithSignal { Signal = SignalKind.NonNegative }).Lines.Skip(1));
    }

    public sealed record WithSignal
    {
        public SignalKind Signal { get; init; }
    }

    [Fact]
    public void PinnedKeyOfOneLotteryHparams()
    {
        // This literal pins the hashing format (lines, formatting, SHA-256 prefix): if it changes, every stored run
        // loses its name. Change it only on purpose, together with a note that old stores must be recomputed.
        var h = new LotteryHparams
        {
            Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 },
            Training = new TrainingHparams { Epochs = 2, LearningRate = 1e-3, EvalEvery = 50 },
            Pruning = new PruningHparams { Fraction = 0.2, OutputFraction = 0.1 },
        };
        // The hparams beside the run's seed (and, for this literal's sake, a record holding a level count, which keys of
        // runs stored when the levels were a hyper-parameter hashed at a value other than 5).
        var key = RunKey.For("ticket_experiment", [h, new Replicate(7), new LevelCount { Levels = 3 }], ("budget", "quick"), ("data", "mnist 1k"));
        Assert.Equal(
            "kind=ticket_experiment\nLevels=3\nModel.Hidden1=32\nModel.Hidden2=16\nPruning.OutputFraction=0.1\nSeed=7\n" +
            "Training.Epochs=2\nTraining.EvalEvery=50\nTraining.LearningRate=0.001\nextra.budget=quick\nextra.data=mnist 1k",
            key.CanonicalText);
        Assert.Equal("44f8c7658c6480a2", key.Hash);
        Assert.Contains("\"Training.LearningRate\": \"0.001\"", key.ToJson());
    }

    public sealed record LevelCount { public int Levels { get; init; } = 5; }

    // Two versions of one positional record (a sweep's settings): V2 adds an optional parameter whose default keeps V1's
    // behaviour, and an execution-only one that is not part of the key.
    public sealed record SweepV1(int M, double Rate, string Name = "a");
    public sealed record SweepV2(int M, double Rate, string Name = "a", int Added = 3, [property: NotInRunKey] int? Threads = null);

    [Fact]
    public void PositionalRecordsHashTheirRequiredParametersAndTheirNonDefaultOptionalOnes()
    {
        var v1 = RunKey.For("sweep", new SweepV1(M: 64, Rate: 0.25));
        var v2 = RunKey.For("sweep", new SweepV2(M: 64, Rate: 0.25));
        Assert.Equal(v1, v2);
        Assert.Equal(["kind=sweep", "M=64", "Rate=0.25"], v1.Lines);
        // Pinned like PinnedKeyOfOneLotteryHparams: the first 16 hex digits of SHA-256("kind=sweep\nM=64\nRate=0.25").
        Assert.Equal("3b94b2336d8ec6e3", v1.Hash);
        // A parameter without a default is a line whatever its value, even the type's default; Name at its default is not.
        var zeros = RunKey.For("sweep", new SweepV2(M: 0, Rate: 0, Name: "a"));
        Assert.Equal(["kind=sweep", "M=0", "Rate=0"], zeros.Lines);
        Assert.Equal(RunKey.For("sweep", new SweepV1(0, 0)), zeros);
        Assert.Equal("2763a8c7ffdae951", zeros.Hash);
        // A non-default optional parameter is a line.
        Assert.Equal(["kind=sweep", "M=64", "Name=b", "Rate=0.25"], RunKey.For("sweep", new SweepV1(64, 0.25, "b")).Lines);
    }

    [Fact]
    public void ExecutionOnlySettingsLeaveThePositionalKeyAloneAndEveryOtherChangeMovesIt()
    {
        var baseline = RunKey.For("sweep", new SweepV2(64, 0.25));
        Assert.Equal(baseline, RunKey.For("sweep", new SweepV2(64, 0.25, Threads: 1)));
        Assert.Equal(baseline, RunKey.For("sweep", new SweepV2(64, 0.25) with { Threads = 16 }));
        Assert.DoesNotContain(RunKey.For("sweep", new SweepV2(64, 0.25, Threads: 1)).Lines, l => l.StartsWith("Threads", StringComparison.Ordinal));
        var changed = new[]
        {
            RunKey.For("sweep", new SweepV2(64, 0.25, Name: "b")), RunKey.For("sweep", new SweepV2(64, 0.25, Added: 4)),
            RunKey.For("sweep", new SweepV2(65, 0.25)), RunKey.For("sweep", new SweepV2(64, 0.5)),
        };
        Assert.All(changed, k => Assert.NotEqual(baseline.Hash, k.Hash));
        Assert.Equal(changed.Length, changed.Select(k => k.Hash).Distinct().Count());
        Assert.Contains("Added=4", changed[1].Lines);
    }

    private static OmpRecoverySweep Omp() =>
        new(M: 40, N: 60, SharedWeights: [0, 0.5], Sparsities: [1, 3], SnrsDb: [double.PositiveInfinity, 10], Trials: 6, Seed: 3);

    [Fact]
    public void ASweepsKeyIgnoresItsThreadCountButNotItsSettingsOrBudget()
    {
        var key = Omp().Key(Budget.Quick);
        Assert.Equal(key, (Omp() with { MaxDegreeOfParallelism = 1 }).Key(Budget.Quick));
        Assert.Equal(key, (Omp() with { MaxDegreeOfParallelism = 7 }).Key(Budget.Quick));
        Assert.DoesNotContain(key.Lines, l => l.Contains("MaxDegreeOfParallelism", StringComparison.Ordinal));
        Assert.Equal(ExperimentKinds.OmpRecovery, key.Kind);
        Assert.Contains("extra.budget=quick", key.Lines);
        Assert.NotEqual(key, (Omp() with { Trials = 7 }).Key(Budget.Quick));
        Assert.NotEqual(key, (Omp() with { Signal = SignalKind.Gaussian }).Key(Budget.Quick));
        Assert.NotEqual(key, (Omp() with { SnrsDb = [double.PositiveInfinity, 20] }).Key(Budget.Quick));
        Assert.NotEqual(key, Omp().Key(Budget.Full));
        // Signed is Signal's default, so setting it explicitly names the same run.
        Assert.Equal(key, (Omp() with { Signal = SignalKind.Signed }).Key(Budget.Quick));
    }

    [Fact]
    public void ExperimentKindsAreDistinctAndEveryExperimentUsesOne()
    {
        var kinds = typeof(ExperimentKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(kinds.Count >= 8, $"only {kinds.Count} kinds");
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
        Assert.All(kinds, k => Assert.Matches("^[a-z0-9_]+$", k));

        // Every experiment type of the library (its Kind does not depend on the settings, so an uninitialised instance tells it).
        var experiments = typeof(IExperiment<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExperiment<>)))
            .ToList();
        var kindOf = experiments.ToDictionary(t => t, t => (string)t.GetProperty("Kind")!.GetValue(RuntimeHelpers.GetUninitializedObject(t))!);
        Assert.Superset(new HashSet<Type>
        {
            typeof(TicketExperiment), typeof(OmpRecoverySweep), typeof(L1ConvergenceSweep), typeof(L1PathSweep), typeof(PhaseDiagramSweep),
            typeof(TeacherRecoverySweep), typeof(DesignComparisonSweep), typeof(LayerDesignSweep),
        }, experiments.ToHashSet());
        Assert.All(kindOf, e => Assert.Contains(e.Value, kinds));
        Assert.Equal(kindOf.Count, kindOf.Values.Distinct().Count()); // no two experiments share a kind

        // And a constructed sweep reports the same kind (and names its run with it).
        var omp = Omp();
        Assert.Equal(ExperimentKinds.OmpRecovery, omp.Kind);
        Assert.Equal(omp.Kind, omp.Key(Budget.Quick).Kind);
        Assert.Equal(ExperimentKinds.PhaseDiagram, new PhaseDiagramSweep([0.5], [0.1], N: 10, Trials: 1, Seed: 1).Kind);
        Assert.Equal(ExperimentKinds.TeacherRecovery, new TeacherRecoverySweep(N: 10, K: 1, Samples: [5], Trials: 1, Seed: 1).Kind);
        Assert.Equal(ExperimentKinds.DesignComparison, new DesignComparisonSweep(Rows: 6, Columns: 2, SubsetSizes: [2], Trials: 1, Seed: 1).Kind);
    }

    [Fact]
    public void RejectsBlankKindsAndDuplicateExtras()
    {
        Assert.Equal("experimentKind", Assert.Throws<ArgumentException>(() => RunKey.For(" ", new V1())).ParamName);
        Assert.Equal("extra", Assert.Throws<ArgumentException>(() => RunKey.For("x", new V1(), ("a", 1), ("a", 2))).ParamName);
    }
}
