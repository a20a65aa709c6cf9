using Microsoft.Data.Sqlite;

namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    /// <summary>A result built directly: two levels of the ticket, level 1 of each control.</summary>
    private TicketExperimentResult SampleResult()
    {
        var control = new TicketCurve(TicketSeries.RandomReinit, new[] { new TicketCurvePoint(1, 80, 85, 0, 10, 0, 1) });
        return new TicketExperimentResult(TinyImp(), new long[] { 1 }, SampleTicket, control, control, new[] { Mask.Dense(Model).Report() }, 1.0);
    }

    private static readonly TicketCurve SampleTicket = new(TicketSeries.Ticket,
        new[] { new TicketCurvePoint(0, 100, 90, 0, 10, 0, 1), new TicketCurvePoint(1, 80, 91, 0, 10, 0, 1) });

    /// <summary>An OMP recovery result of one cell.</summary>
    private static OmpRecoveryResult SampleOmp() =>
        new(new OmpRecoverySweep(4, 8, new[] { 0.0 }, new[] { 1 }, new[] { 20.0 }, 1, 1, SignalKind.Signed, null), new[] { 0.3 }, new[] { 0.4 },
            new[] { new[] { new[] { 1.0 } } }, new[] { new[] { new[] { 1.0 } } }, new[] { new[] { 1 } }, new[] { new[] { 0 } }, 0.1);

    /// <summary>A speed result: dense and masked rows at batch 8.</summary>
    private static SpeedResult SampleSpeed()
    {
        var t = new TimingSummary(0.01, 0.01, 0.01, 3);
        SpeedRow[] rows = [new(SpeedVariants.Dense, 0, 8, 100, 100, 10, t, t, t, t), new(SpeedVariants.Masked, 0.5, 8, 50, 50, 5, t, t, t, t)];
        return new SpeedResult("lenet_300_100", 100, 100, 1, "cpu", null, new[] { new PeakRate(64, 1e9) }, rows, 1.0);
    }

    private static RaceToTarget SampleRace()
    {
        var entry = new RaceEntry(SpeedVariants.Dense, 0, 100, 0, 100, true, 10, 0.01, 1, 1, 1, 1, 1);
        return new RaceToTarget(0.9, 8, 0.01, entry, new[] { entry });
    }

    private void AddExperiments()
    {
        // The run store: its path, corrupt and newer files, keys, series and levels.
        var store = new RunStore(Path.Combine(_folder.Path, "store", "runs.db"));
        var key = RunKey.For("bad-input", new { A = 1 });
        string hash = key.Hash;
        string corrupt = Path.Combine(_folder.Path, "corrupt", "runs.db");
        Directory.CreateDirectory(Path.GetDirectoryName(corrupt)!);
        File.WriteAllText(corrupt,
            "this is not an SQLite database, only text long enough to have a header of 100 bytes ......................................");
        string newer = Path.Combine(_folder.Path, "newer", "runs.db");
        _ = new RunStore(newer);
        using (var c = new SqliteConnection($"Data Source={newer};Pooling=False"))
        {
            c.Open();
            using var update = c.CreateCommand();
            update.CommandText = $"UPDATE meta SET value = '{RunStore.SchemaVersionSupported + 1}' WHERE name = 'schema_version';";
            update.ExecuteNonQuery();
        }
        RunKey? noKey = null;
        _cases.Add("path", "\" \"", "blank path", () => new RunStore(" "));
        _cases.Add(Path.GetFileName(corrupt), "not a readable SQLite database", "a corrupt store file", () => new RunStore(corrupt));
        _cases.Add(Path.GetFileName(newer), $"schema version {RunStore.SchemaVersionSupported + 1}", "a store of a newer schema",
            () => new RunStore(newer));
        _cases.Add("key", "\"../x\"", "a path for a key", () => store.RunFolder("../x"));
        _cases.Add("key", "\"\"", "empty key", () => store.FindRun(""));
        _cases.Add("key", "\"a b\"", "a key with a space", () => store.StoredLevels("a b"));
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => store.HasLevel(hash, (TicketSeries)9, 0));
        _cases.Add("level", "-1", "negative level", () => store.MetricsJson(hash, TicketSeries.Ticket, -1));
        _cases.Add("key", "\"..\"", "a path for a key", () => store.LoadLevel("..", TicketSeries.Ticket, 0));
        _cases.Add("level", "-1", "negative level", () => store.LoadTrainedWeights(hash, TicketSeries.Ticket, -1));
        _cases.Add("key", "\" \"", "blank key", () => store.LoadRewindWeights(" "));
        _cases.Add("key", "null", "null", () => store.BeginRun(noKey!, null, false));
        _cases.Add("key", "null", "null", () => store.OpenRun(noKey!, null, false, CancellationToken.None));
        _cases.Add("key", "null", "null", () => store.LockRun(noKey!, CancellationToken.None));
        _cases.Add("key", "null", "null", () => store.CompleteRun(noKey!));
        Func<int>? noCompute = null;
        _cases.Add("compute", "null", "null", () => store.GetOrCompute(key, noCompute!, false));
        _cases.Add("key", "null", "null", () => store.LoadResult<int>(noKey!));
        _cases.Add("key", "null", "null", () => store.SaveResult(noKey!, 1, 0));
        _cases.Add("result", "null", "null", () => store.SaveLevel(key, TicketSeries.Ticket, null!, null));
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => store.SaveLevel(key, (TicketSeries)9, null!, null));
        _cases.Add("weights", "null", "null", () => store.SaveRewindWeights(key, null!));
        var levels = Own(store.OpenRun(RunKey.For("bad-input-levels", new { A = 2 }), null, false, CancellationToken.None));
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => levels.LoadLevel((TicketSeries)9, 0));
        _cases.Add("level", "-1", "negative level", () => levels.LoadTrainedWeights(TicketSeries.Ticket, -1));
        _cases.Add("result", "null", "null", () => levels.SaveLevel(TicketSeries.Ticket, null!, null));
        _cases.Add("weights", "null", "null", () => levels.SaveRewindWeights(null!));

        // Run keys and budgets.
        _cases.Add("experimentKind", "\"\"", "empty kind", () => RunKey.For("", new { A = 1 }, Array.Empty<(string, object?)>()));
        _cases.Add("hparams", "null", "null", () => RunKey.For("kind", (object)null!, Array.Empty<(string, object?)>()));
        _cases.Add("parts", "null", "null", () => RunKey.For("kind", (IReadOnlyList<object>)null!, Array.Empty<(string, object?)>()));
        _cases.Add("parts", "must not hold null", "a null part",
            () => RunKey.For("kind", new object[] { new { A = 1 }, null! }, Array.Empty<(string, object?)>()));
        (string, object?)[] twice = [("x", 1), ("x", 2)];
        _cases.Add("extra", "distinct", "an extra named twice", () => RunKey.For("kind", new { A = 1 }, twice));
        _cases.Add("name", "'medium'", "an unknown budget", () => Budget.Parse("medium"));
        _cases.Add("name", "null", "null", () => Budget.Parse(null!));
        _cases.Add("quick", "0", "no seeds", () => Budget.Quick.Seeds(0, 3));
        _cases.Add("full", "1001", "too many seeds", () => Budget.Full.Seeds(1, 1001));

        // Every sweep validates its settings in Key as in Run (declared bounds via Run: BadInputCases.Declared), and its relations.
        var context = new ExperimentContext();
        var phase = new PhaseDiagramSweep(new[] { 1.5 }, new[] { 0.1 }, 20, 1, 1, PhaseDiagramMethod.L1, SignalKind.Signed, 1e-2, null);
        _cases.Add("Deltas", "(0, 1]", "δ > 1", () => phase.Key(Budget.Quick));
        var goodPhase = phase with { Deltas = new[] { 0.5 } };
        _cases.Add("budget", "null", "null", () => goodPhase.Key(null!));
        _cases.Add("Sparsities", "[1, 4]", "k above M",
            () => new OmpRecoverySweep(4, 8, new[] { 0.0 }, new[] { 5 }, new[] { 20.0 }, 1, 1, SignalKind.Signed, null).Run(context));
        _cases.Add("Columns", "≤ Rows", "more columns than rows", () => new DesignComparisonSweep(4, 5, new[] { 5 }, 1, 1, 1.0, null).Run(context));
        var badTeacherSignal = new TeacherRecoverySweep(8, 2, new[] { 4 }, 1, 1, (SignalKind)9, 0.2, 1e-2, PruningStop.GivenK, null);
        _cases.Add("Signal", "9", "an undefined signal", () => badTeacherSignal.Key(Budget.Quick));
        var tiny = TinyImp();
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));

        // The ticket experiment and distillation validate their settings in Run.
        var mnistShaped = new TrainingData(Dataset(24, side: 28), null, Dataset(12, side: 28, seed: 4));
        _cases.Add("Data", "784 values", "MNIST-sized data for a 4×4 model",
            () => new TicketExperiment(tiny, mnistShaped, new long[] { 1 }).Run(context));
        _cases.Add("Data", "784 values", "MNIST-sized data for a 4×4 model",
            () => new LayerDesignSweep(tiny, "fc1.weight", new[] { 4 }, mnistShaped).Run(context));
        _cases.Add("Data", "784 values", "MNIST-sized data for a 4×4 model",
            () => new DenseNetworks(tiny, mnistShaped, new long[] { 1 }).Run(context));
        var conv = tiny with { Model = new Conv2Hparams { ConvWidth = 4, FcWidth = 8, ImageSize = 4, Classes = 4 } };
        _cases.Add("Hparams", "LeNet", "a Conv-2", () => new DenseNetworks(conv, data, new long[] { 1 }).Run(context));
        _cases.Add("Hparams", "LeNet", "a Conv-2", () => new DenseNetworks(conv, data, new long[] { 1 }).KeyFor(1, Budget.Quick));
        var dense = new DenseNetworks(tiny, data, new long[] { 1 }).Run(context).Networks[0];
        _cases.Add("state", "Initial, Trained", "an undefined state", () => dense.Weights((NetworkState)9));
        _cases.Add("state", "Initial, Trained", "an undefined state", () => dense.Build((NetworkState)9, null));
        _cases.Add("inputs", "null", "null", () => dense.Activations(NetworkState.Trained, null!, LeNetLayer.Fc2));
        _cases.Add("layer", "Fc1, Fc2", "an undefined layer",
            () => dense.Activations(NetworkState.Trained, Own(TorchSharp.torch.zeros(2, 1, 4, 4)), (LeNetLayer)9));
        var student = tiny with { Model = new LeNetHparams { Hidden1 = 6, Hidden2 = 4, ImageSize = 4, Classes = 3 } };
        _cases.Add("Teacher", "class count (3)", "teacher and student disagree on classes",
            () => new DistillationExperiment(tiny, student, new DistillationHparams(2, 0.5), data, new long[] { 1 }).Run(context));
        var distillation = new DistillationExperiment(tiny, tiny, new DistillationHparams(2, 0.5), data, new long[] { 1 });
        _cases.Add("teacherLogits", "null", "null", () => distillation.DistilledKeyFor(1, null!, Budget.Quick));
        _cases.Add("teacherLogits", "one row per training example", "logits for another training set",
            () => distillation.DistilledKeyFor(1, Own(TorchSharp.torch.zeros(5, 4)), Budget.Quick));
        _cases.Add("weights", "0", "no weights", () => DistillationExperiment.SizeMatched(new LeNetHparams(), 0));
        _cases.Add("model", "null", "null", () => DistillationExperiment.WeightsOf(null!));

        // Readings of results built directly (SampleResult, SampleOmp, SampleSpeed, SampleRace).
        var result = SampleResult();
        _cases.Add("target", "[0, 1]", "accuracy target 90 (a percentage)", () => result.StepsToTarget(90, TicketSeries.Ticket));
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => result.StepsToTarget(0.9, (TicketSeries)9));
        _cases.Add("target", "[0, 1]", "accuracy target 90 (a percentage)", () => result.SparsestReaching(90, TicketSeries.Ticket));
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => result.SparsestReaching(0.9, (TicketSeries)9));
        _cases.Add("percentRemaining", "[0, 100]", "150 %", () => result.WeightsAt(150));
        _cases.Add("percentRemaining", "NaN", "NaN", () => result.WeightsAt(double.NaN));
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => result.GradientNoise((TicketSeries)9));
        _cases.Add("windowSteps", "0", "a window of no steps", () => result.NoiseScaleDuring(1, 0, TicketSeries.Ticket));
        _cases.Add("level", "-1", "negative level", () => result.NoiseScaleDuring(-1, 10, TicketSeries.Ticket));
        _cases.Add("levels", "-1", "a negative level", () => result.GradientNoiseBySeed(new[] { 0, -1 }, TicketSeries.Ticket));
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => result.GradientNoiseBySeed(null, (TicketSeries)9));
        _cases.Add("dense", "NaN", "NaN accuracy", () => StructuredComparison.SparsestWithin(SampleTicket, double.NaN, 1));
        _cases.Add("tolerance", "-1", "negative tolerance", () => StructuredComparison.SparsestWithin(SampleTicket, 90, -1));
        _cases.Add("curve", "null", "null", () => StructuredComparison.SparsestWithin(null!, 90, 1));
        var weights = WeightSnapshot.Capture(Model);
        _cases.Add("parameter", "\"fc9.weight\"", "an unknown parameter", () => LayerDesignSweep.UnitRows(weights, "fc9.weight"));
        _cases.Add("parameter", "1 dimensions", "a bias, not a matrix", () => LayerDesignSweep.UnitRows(weights, "fc1.bias"));

        // Readings of the sparse sweeps' results (built directly, one cell each): indices and thresholds.
        var phaseSweep = new PhaseDiagramSweep(new[] { 0.5 }, new[] { 0.1 }, 20, 1, 1, PhaseDiagramMethod.L1, SignalKind.Signed, 1e-2, null);
        var phaseResult = new PhaseDiagramResult(phaseSweep, new[] { 10 }, new[] { new[] { 1 } }, new[] { new[] { 0.5 } }, 0.1);
        _cases.Add("deltaIndex", "[0, 0]", "a δ index past the grid", () => phaseResult.SuccessFraction(1, 0));
        _cases.Add("rhoIndex", "-1", "a negative ρ index", () => phaseResult.Sparsity(0, -1));
        var ompResult = SampleOmp();
        _cases.Add("weightIndex", "[0, 0]", "a weight index past the grid", () => ompResult.GuaranteeBound(1));
        _cases.Add("snrIndex", "[0, 0]", "an SNR index past the grid", () => ompResult.LargestRecoveredSparsity(0, 1, 0.9));
        _cases.Add("rate", "NaN", "rate NaN", () => ompResult.LargestRecoveredSparsity(0, 0, double.NaN));
        var cell = new[] { new[] { new[] { 1.0 } } };
        var l1Sweep = new L1ConvergenceSweep(10, 20, 2, 20, 0.1, 1, 1, 1e-10, 5000);
        var traces = L1ConvergenceSweep.DefaultAlgorithms.Select(a =>
            new L1ConvergenceTrace(a, 0, new[] { 0.0, 0.1 }, new[] { 2.0, 1.0 }, true, 2)).ToArray();
        var l1Result = new L1ConvergenceResult(l1Sweep, new[] { 1.0 }, traces, 0.1);
        var otherProblem = new L1ConvergenceTrace(L1Algorithm.Fista, 5, new[] { 0.0 }, new[] { 1.0 }, true, 1);
        var pathSweep = new L1PathSweep(10, 20, 2, 20, 10, 0.1, 1, 1, 0.2, L1Algorithm.Fista, 1e-8, 5000);
        var two = new[] { 1.0, 0.5 };
        var one = new[] { 1.0 };
        _cases.Add("algorithm", "9", "an undefined algorithm", () => l1Result.TracesOf((L1Algorithm)9));
        _cases.Add("algorithm", "9", "an undefined algorithm", () => l1Result.MedianGapByIteration((L1Algorithm)9));
        _cases.Add("points", "[2, 10000]", "one point", () => l1Result.MedianGapBySeconds(L1Algorithm.Fista, 1));
        _cases.Add("target", "NaN", "target NaN", () => l1Result.MedianIterationsTo(L1Algorithm.Fista, double.NaN));
        _cases.Add("target", "0", "target 0", () => l1Result.MedianSecondsTo(L1Algorithm.Fista, 0));
        _cases.Add("trace", "problem 5", "a trace of another result", () => l1Result.RelativeGaps(otherProblem));

        var speed = SampleSpeed();
        _cases.Add("batch", "got 16", "a batch not measured", () => speed.Dense(16));
        _cases.Add("variant", "\"sparse\"", "an unknown variant", () => speed.Of("sparse", 8));
        _cases.Add("batch", "got 16", "a batch not measured", () => speed.Of(SpeedVariants.Masked, 16));
        _cases.Add("row", "null", "null", () => speed.Speedup(null!, true));
        _cases.Add("row", "null", "null", () => speed.TheoreticalSpeedup(null!));
        _cases.Add("row", "null", "null", () => speed.Efficiency(null!, true));
        _cases.Add("margin", "0.5", "a margin below 1", () => speed.BreakEvenSparsity(SpeedVariants.Masked, 8, true, 0.5));
        _cases.Add("variant", "\"sparse\"", "an unknown variant", () => speed.BreakEvenSparsity("sparse", 8, true, 1.1));
        _cases.Add("baseline", "null", "null", () => speed.SpeedupOver(null!, SpeedVariants.Masked, 8));
        _cases.Add("batch", "got 16", "a batch not measured", () => speed.SpeedupOver(speed, SpeedVariants.Masked, 16));
        _cases.Add("sparsity", "got 0.9", "a sparsity not measured", () => speed.At(SpeedVariants.Masked, 8, 0.9));
        _cases.Add("sparsity", "[0, 1]", "a percentage for a share", () => speed.At(SpeedVariants.Masked, 8, 50));
        _cases.Add("row", "null", "null", () => speed.RunSpeedups(null!, true));
        _cases.Add("training", "keep each timed run's seconds", "a row without its runs",
            () => speed.RunSpeedups(speed.Of(SpeedVariants.Masked, 8)[0], true));
        _cases.Add("row", "null", "null", () => speed.RunEfficiencies(null!));
        _cases.Add("row", "keep each timed run's seconds", "a row without its runs", () => speed.RunEfficiencies(speed.Dense(8)));
        _cases.Add("row", "null", "null", () => speed.EfficiencyRatios(null!));
        _cases.Add("batch", "got 16", "a batch not measured", () => RaceToTarget.Of(speed, 0.9, 16, result, null));
        _cases.Add("target", "[0, 1]", "target 90 (a percentage)", () => RaceToTarget.Of(speed, 90, 8, result, null));
        _cases.Add("speed", "null", "null", () => RaceToTarget.Of(null!, 0.9, 8, result, null));
        _cases.Add("runs", "null", "null", () => RaceToTarget.SparsitiesOf(null!));
        _cases.Add("runs", "must not hold null", "a null run", () => RaceToTarget.SparsitiesOf(new TicketExperimentResult[] { result, null! }));
        var race = SampleRace();
        _cases.Add("variant", "\"sparse\"", "an unknown variant", () => race.Of("sparse"));
        var teacher = new TeacherRecoveryResult(
            new TeacherRecoverySweep(8, 2, new[] { 10 }, 1, 1, SignalKind.Signed, 0.2, 1e-2, PruningStop.GivenK, null),
            Array.Empty<TeacherRecoveryPoint>(), 1, 0.1);
        _cases.Add("learner", "null", "null", () => teacher.EmpiricalSamples(null!));
    }
}
