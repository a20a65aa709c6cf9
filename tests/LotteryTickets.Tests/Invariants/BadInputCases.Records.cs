using LotteryTickets.Data;
using LotteryTickets.Design;
using LotteryTickets.Experiments;
using LotteryTickets.Hardware;
using LotteryTickets.Interactive;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Sparse;
using LotteryTickets.Training;

namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    /// <summary>
    /// One valid instance of every public positional record of both assemblies, small and built by hand (no training):
    /// <see cref="WithExpressionTests"/> rebuilds each from its own values with one value replaced, and copies it as a
    /// <c>with</c> does. A new public record fails that test until it has an instance here.
    /// </summary>
    public IReadOnlyList<object> ValidRecords()
    {
        var tiny = TinyImp();
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));
        var mask = Own(Mask.Dense(Model));
        var report = mask.Report();
        var evaluation = new EvaluationPoint(4, 1, null, 0.5, 1.2);
        var training = new TrainingResult([evaluation], 4, 0.1);
        var level = new LevelResult(0, 100, report, training, mask);
        var snapshot = Own(WeightSnapshot.Capture(Model));
        var point = new TicketCurvePoint(0, 100, 90, 0, 10, 0, 1);
        var ticket = new TicketCurve(TicketSeries.Ticket, [point, new TicketCurvePoint(1, 80, 91, 0, 10, 0, 1)]);
        var control = new TicketCurve(TicketSeries.RandomReinit, [new TicketCurvePoint(1, 80, 85, 0, 10, 0, 1)]);
        var result = new TicketExperimentResult(tiny, [1], ticket, control, control, [report], 1.0);
        var distillation = new DistillationHparams(4, 0.5);
        var baseline = new DenseBaselinePoint(1, 80, 100, 3, 1, 90, 0, 91, 0);
        var timing = new TimingSummary(0.01, 0.01, 0.01, 3);
        var peak = new PeakRate(64, 1e9);
        var row = new SpeedRow(SpeedVariants.Dense, 0, 8, 100, 100, 10, timing, timing, timing, timing);
        var entry = new RaceEntry(SpeedVariants.Dense, 0, 100, 0, 100, true, 10, 0.01, 1, 1, 1, 1, 1);
        var phaseSweep = new PhaseDiagramSweep([0.5], [0.1], 20, 1, 1, PhaseDiagramMethod.L1, SignalKind.Signed, 1e-2, null);
        var ompSweep = new OmpRecoverySweep(4, 8, [0.0], [1], [20.0], 1, 1, SignalKind.Signed, null);
        var l1Sweep = new L1ConvergenceSweep(10, 20, 2, 20, 0.1, 1, 1, 1e-10, 5000);
        var trace = new L1ConvergenceTrace(L1Algorithm.Fista, 0, [0.0, 0.1], [2.0, 1.0], true, 2);
        var pathSweep = new L1PathSweep(10, 20, 2, 20, 10, 0.1, 1, 1, 0.2, L1Algorithm.Fista, 1e-8, 5000);
        double[] two = [1.0, 0.5];
        var teacherSweep = new TeacherRecoverySweep(8, 2, [10], 1, 1, SignalKind.Signed, 0.2, 1e-2, null);
        var teacherPoint = new TeacherRecoveryPoint(10, 0.5, 1, 1, 1, 0.1);
        var designPoint = new DesignComparisonPoint(4, 1, 1, 1, 1, 0, 1, "exact");
        var slice = new UnitSlice("fc1.weight", 0);
        var cost = new LayerCost("fc1.weight", 192, 192, 1);
        double[] xs = [1.0, 2.0];
        var series = new FigureSeries("s", xs, xs, null);
        var line = new LineFigure("valid", "t", "x", "y", [series]);
        var store = new RunStore(Path.Combine(_folder.Path, "valid-records", "runs.db"));
        return
        [
            // Data, design, hardware, sparse and training.
            new IdxArray([2, 2], new byte[4]),
            new MnistOptions(10, 10, 0, true, null, MnistKind.Auto),
            designPoint,
            new DesignComparisonResult("gaussian", 8, 3, [designPoint], 0.1),
            new DesignOptions(4, 1e-8, 5_000_000, 1000),
            cost,
            new MachineInfo("cpu", 2, 2000, 8),
            new ModelCost([cost], 0, 0),
            new PeakMeasurement([(64, 1e9)], 1),
            new TimingResult([0.1], 0, 1),
            new L1IterationRecord(1, 1.0, 0.1, 0.01),
            new L1Options(0.1, L1Algorithm.Fista, L1Loss.Squared, 1e-8, 100, false),
            new OmpOptions(2, null, 1e-10),
            new RecoveryPrediction(true, 0.1, 0.5, 0.2, 0.3),
            distillation,
            evaluation,
            new GradientNoiseEstimate(1, 2, 3, 8, 60),
            new GradientNoiseHparams(8, 5),
            new GradientNoiseSample(1, 2, 1),
            data,
            new TrainingProgress(evaluation, 4),

            // Models, pruning and the lottery.
            new UnitGroup("fc1", UnitKinds.Neuron, 12, [slice]),
            slice,
            new CompactionCheck(new Dictionary<string, int> { ["fc1"] = 6 }, new Dictionary<string, int> { ["fc1"] = 12 }, 1, 1, 1, 0),
            new SparsityRow("fc1.weight", 96, 192),
            new ControlRun(ControlKind.RandomReinit, 1001, [level]),
            new ImpProgress(TicketSeries.Ticket, 0, 100, evaluation, 4),
            new LevelOutcome(level, snapshot, snapshot),
            level,
            ticket,
            point,

            // Experiments, sweeps and their results.
            Budget.Quick,
            baseline,
            new DesignComparisonSweep(40, 5, [5, 10], 1, 9, 1.0, null),
            new DistillationExperiment(tiny, tiny, distillation, data, [1]),
            new DistillationResult(distillation, 95, 1000, result, result, [baseline], 1),
            new ExperimentProgress(1, 2, "cells"),
            new GradientNoisePoint(0, 100, 50, 0, 1, 0.02, 1),
            new L1ConvergenceResult(l1Sweep, [1.0], [trace], 0.1),
            l1Sweep,
            trace,
            pathSweep,
            new L1PathSweepResult(pathSweep, two, two, two, two, two, two, two, two, two, two, [20, 16], two, 0.1),
            new LayerDesignSweep(tiny, "fc3.weight", [4], data),
            new LevelTraining(TicketSeries.Ticket, 1, 0, 100, [evaluation]),
            new OmpRecoveryResult(ompSweep, [0.3], [0.4], [[[1.0]]], [[[1.0]]], [[1]], [[0]], 0.1),
            ompSweep,
            peak,
            new PhaseDiagramResult(phaseSweep, [10], [[1]], [[0.5]], 0.1),
            phaseSweep,
            entry,
            new RaceToTarget(0.9, 8, 1e9, entry, [entry]),
            new SmoothingComparison(result, result),
            new SpeedResult("lenet_300_100", 100, 100, 1, "cpu", null, [peak], [row], 1.0),
            row,
            new SpeedSweep(new ModelHparams(), [0.5], [8], 1, 3, 10, 0),
            new StepsToTargetPoint(0, 100, 0.9, 10, 0, 1, 1),
            new StoredRun("key", ExperimentKinds.TicketExperiment, "{}", "0.1.0", 1, DateTimeOffset.UnixEpoch, null, "complete"),
            new StructuredComparison(result, result),
            new StructuredComparisonPoint(1, 80, 90, 85, 90, 85),
            teacherPoint,
            new TeacherRecoveryResult(teacherSweep, [teacherPoint], 10, 0.1),
            teacherSweep,
            new TicketExperiment(tiny, data, [1]),
            result,
            new TiedComparison(result, result),
            new TiedComparisonPoint("tied", 1, 80, 100, 90, 0, 85, 88),
            new TrainingStatus(1, 80, 4, 10, 0.5),
            timing,

            // The notebook layer.
            series,
            new HeatmapFigure("valid-heat", "t", "x", "y", "z", xs, xs, [xs, xs]),
            line,
            new NotebookSession("valid", TorchSharp.torch.CPU, Budget.Quick, "0", Path.Combine(_folder.Path, "valid-out"), store, false),
            new ProgressLine("running"),
            new ShownFigure(line, line.ToChart(), Path.Combine(_folder.Path, "valid.csv")),
        ];
    }
}
