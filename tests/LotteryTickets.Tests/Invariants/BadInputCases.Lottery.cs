using TorchSharp;

namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    /// <summary>IMP settings for the tiny LeNet (16 → 12 → 8 → 4): one epoch of 4 steps per level.</summary>
    private static LotteryHparams TinyImp() => new()
    {
        Model = new LeNetHparams { Hidden1 = 12, Hidden2 = 8, ImageSize = 4, Classes = 4 },
        Training = new TrainingHparams { BatchSize = 6, Epochs = 1, EvalEvery = 0 },
        Pruning = new PruningHparams { Fraction = 0.2 },
    };

    private void AddLottery()
    {
        var hparams = TinyImp();
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));
        var mnistShaped = new TrainingData(Dataset(24, side: 28), null, Dataset(12, side: 28, seed: 4));
        var tenClasses = new TrainingData(Dataset(24, classes: 10), null, Dataset(12, seed: 4));
        var late = hparams with { RewindStep = 5 }; // the schedule has 4 steps
        var run = IterativeMagnitudePruning.Run(hparams, data, 1, 1, null, CancellationToken.None, null, null);
        var mask = Mask.Dense(Model);
        var snapshot = WeightSnapshot.Capture(Model);
        var wrongSnapshot = WeightSnapshot.Capture(Bigger);
        IProgress<ImpProgress>? noProgress = null;

        _cases.Add("data", "784 values", "MNIST-sized data for a 4×4 model",
            () => IterativeMagnitudePruning.Run(hparams, mnistShaped, 1, 1, noProgress, CancellationToken.None, null, null));
        _cases.Add("data", "labels up to", "ten classes for a four-class model",
            () => IterativeMagnitudePruning.Run(hparams, tenClasses, 1, 1, noProgress, CancellationToken.None, null, null));
        _cases.Add("RewindStep", "[0, 4]", "rewinding past the schedule",
            () => IterativeMagnitudePruning.Run(late, data, 1, 1, noProgress, CancellationToken.None, null, null));
        _cases.Add("hparams", "null", "null", () => IterativeMagnitudePruning.Run(null!, data, 1, 1, noProgress, CancellationToken.None, null, null));
        _cases.Add("levels", "[0, 1000]", "negative levels",
            () => IterativeMagnitudePruning.Run(hparams, data, 1, -1, noProgress, CancellationToken.None, null, null));
        _cases.Add("level", "-1", "negative level",
            () => IterativeMagnitudePruning.TrainLevel(hparams, 1, -1, null, null, data, noProgress, CancellationToken.None));
        _cases.Add("mask", "levels after 0", "level 1 without a mask",
            () => IterativeMagnitudePruning.TrainLevel(hparams, 1, 1, null, snapshot, data, noProgress, CancellationToken.None));
        _cases.Add("data", "784 values", "MNIST-sized data",
            () => IterativeMagnitudePruning.TrainLevel(hparams, 1, 0, null, null, mnistShaped, noProgress, CancellationToken.None));
        _cases.Add("trainedWeights", "fc1.weight", "weights of another model",
            () => IterativeMagnitudePruning.PruneNext(hparams, mask, wrongSnapshot));
        _cases.Add("previous", "null", "null", () => IterativeMagnitudePruning.PruneNext(hparams, null!, snapshot));

        _cases.Add("kind", "7", "undefined control",
            () => LotteryControls.Train(run, (TicketSeries)7, 1, null, noProgress, CancellationToken.None, null, null));
        _cases.Add("levels", "[0, 1]", "a level the run lacks",
            () => LotteryControls.Train(run, TicketSeries.RandomReinit, 1, new[] { 2 }, noProgress, CancellationToken.None, null, null));
        _cases.Add("run", "null", "null",
            () => LotteryControls.Train(null!, TicketSeries.RandomReinit, 1, null, noProgress, CancellationToken.None, null, null));
        _cases.Add("like", "null", "null", () => LotteryControls.RandomMaskLike(null!, 1));
        _cases.Add("kind", "a control", "the ticket as a control",
            () => LotteryControls.Train(run, TicketSeries.Ticket, 1, null, noProgress, CancellationToken.None, null, null));
        _cases.Add("run", "null", "null", () => LotteryControls.Retrain(null!, TicketSeries.Ticket, hparams.Training, data, 1));
        _cases.Add("kind", "7", "undefined series", () => LotteryControls.Retrain(run, (TicketSeries)7, hparams.Training, data, 1));
        _cases.Add("training", "null", "null", () => LotteryControls.Retrain(run, TicketSeries.Ticket, null!, data, 1));
        var distilling = hparams.Training with { Distillation = new(2, 0.5) };
        _cases.Add("data", "teacher's logits", "distillation without a teacher",
            () => LotteryControls.Retrain(run, TicketSeries.Ticket, distilling, data, 1));
        _cases.Add("levels", "pruned levels only", "a control at the dense level",
            () => LotteryControls.Retrain(run, TicketSeries.RandomReinit, hparams.Training, data, 1, new[] { 0 }));
        _cases.Add("levels", "[0, 1]", "a level the run lacks",
            () => LotteryControls.Retrain(run, TicketSeries.Ticket, hparams.Training, data, 1, new[] { 2 }));
        _cases.Add("value", "null", "null", () => SerialNames.Of(null!));
        _cases.Add("name", "\"winners\"", "an unknown name", () => SerialNames.Parse<TicketSeries>("winners"));
        _cases.Add("type", "null", "null", () => SerialNames.Parse(null!, "ticket"));
        _cases.Add("level", "-1", "negative level", () => hparams.NominalPercentRemaining(-1));
        _cases.Add("level", "-1", "negative level", () => hparams.TrainingAt(-1));

        var curve = TicketCurve.FromLevels(TicketSeries.Ticket, new[] { run.Levels });
        _cases.Add("perSeed", "at least one", "no seeds",
            () => TicketCurve.FromLevels(TicketSeries.Ticket, Array.Empty<IReadOnlyList<LevelResult>>()));
        _cases.Add("perSeed", "same number of levels", "seeds of different lengths",
            () => TicketCurve.FromLevels(TicketSeries.Ticket, new[] { run.Levels, run.Levels.Take(1).ToList() }));
        _cases.Add("percentRemaining", "(0, 100]", "0 %", () => curve.AccuracyAt(0));
        _cases.Add("percentRemaining", "NaN", "NaN", () => curve.AccuracyAt(double.NaN));
    }

    private void AddHardware()
    {
        var kept = new Dictionary<string, int> { ["fc1"] = 2 };
        var model = Model;
        var mask = Mask.Dense(model);
        var wrong = Mask.Dense(Bigger);
        var sparse = Own(new SparseKernelModel(model, mask));
        var conv = Own(new Conv2(2, 4, 1, 4, 4, null, null));
        var convMask = Mask.Dense(conv);
        var x = Own(torch.zeros(3, 1, 4, 4));
        var y = Own(torch.tensor(new long[] { 0, 1, 2 }));
        Action nothing = () => { };

        _cases.Add("mask", "mismatch", "a mask of another model", () => Flops.Of(model, wrong));
        _cases.Add("model", "null", "null", () => Flops.Of(null!, mask));
        _cases.Add("firstLayerMacs", "[0, 10]", "first layer above the total", () => Flops.TrainingStep(10, 11, 1));
        _cases.Add("batch", "0", "batch 0", () => Flops.TrainingStep(10, 5, 0));
        _cases.Add("macs", "-1", "negative MACs", () => Flops.TrainingStep(-1, 0, 1));
        var cost = Flops.Of(model, mask);
        _cases.Add("batch", "0", "batch 0", () => cost.ForwardFlops(0, false));
        _cases.Add("batch", "-2", "negative batch", () => cost.TrainingStepFlops(-2, false));
        _cases.Add("threads", "0", "no threads", () => new MachineInfo("cpu", 2, null, null).TheoreticalPeakFlopsPerSecond(0));
        _cases.Add("device", "null", "null", () => Devices.Describe(null!));

        _cases.Add("steps", "-1", "negative steps", () => TimeToTrain.Seconds(-1, 1, 0.5, 1e9));
        _cases.Add("eta", "(0, 1]", "η > 1", () => TimeToTrain.Seconds(1, 1, 1.5, 1e9));
        _cases.Add("peakFlopsPerSecond", "0", "no peak", () => TimeToTrain.Seconds(1, 1, 0.5, 0));
        _cases.Add("etaSparse", "NaN", "η NaN", () => TimeToTrain.SparseOverDense(0.5, double.NaN, 0.5, 1));
        _cases.Add("stepRatio", "0", "ratio 0", () => TimeToTrain.SparseOverDense(0.5, 0.5, 0.5, 0));
        _cases.Add("etaDense", "(0, 1]", "η = 0", () => TimeToTrain.BreakEvenFlopFraction(0.5, 0, 1));
        _cases.Add("seconds", "0", "no time", () => TimeToTrain.Efficiency(1e9, 0, 1e9));
        _cases.Add("flops", "-1", "negative FLOPs", () => TimeToTrain.Efficiency(-1, 1, 1e9));
        _cases.Add("sizes", "[8, 8192]", "a 4×4 matrix", () => PeakFlops.Measure(new[] { 4 }, 5));
        _cases.Add("repeats", "[1, 1000]", "no repeats", () => PeakFlops.Measure(new[] { 8 }, 0));
        _cases.Add("work", "null", "null", () => Timing.Measure(null!, 3, 10));
        _cases.Add("repeats", "[1, 1000000]", "no repeats", () => Timing.Measure(nothing, 3, 0));
        _cases.Add("warmup", "-1", "negative warm-up", () => Timing.MeasureAlternating(nothing, nothing, -1, 10));
        _cases.Add("b", "null", "null", () => Timing.MeasureAlternating(nothing, null!, 3, 10));

        _cases.Add("model", "null", "null", () => SparseKernelModel.Supports(null!));
        _cases.Add("model", "lenet_300_100", "an unsupported model", () => new SparseKernelModel(conv, convMask));
        _cases.Add("mask", "mismatch", "a mask of another model", () => new SparseKernelModel(model, wrong));
        _cases.Add("x", "[3, 15]", "inputs of the wrong width", () => sparse.Forward(Own(torch.zeros(3, 15))));
        _cases.Add("x", "null", "null", () => sparse.Forward(null!));
        _cases.Add("y", "int64", "float labels", () => sparse.TrainStep(x, Own(torch.zeros(3)), 0.1));
        _cases.Add("learningRate", "NaN", "learning rate NaN", () => sparse.TrainStep(x, y, double.NaN));
        _cases.Add("learningRate", "-0.1", "negative learning rate", () => sparse.TrainStep(x, y, -0.1));
    }
}
