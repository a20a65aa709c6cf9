using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    private PrunableModel? _model, _bigger;

    /// <summary>A tiny LeNet (16 → 12 → 8 → 4) and one with a wider first layer (13): a mask of one does not fit the other.</summary>
    private PrunableModel Model => _model ??= Own(Synthetic.TinyLeNet(12));

    private PrunableModel Bigger => _bigger ??= Own(Synthetic.TinyLeNet(13));

    /// <summary>A device this machine does not have (CUDA index 63).</summary>
    private static Device Missing => new(DeviceType.CUDA, 63); // torch.device() would ask libtorch to initialise CUDA

    private void AddPruning()
    {
        var model = Model;
        var mask = Mask.Dense(model);
        var wrong = Mask.Dense(Bigger);
        var weights = Weights.Random(model, 5);
        var wrongWeights = Weights.Random(Bigger, 5);
        var hparams = new PruningHparams { Fraction = 0.2 };
        var noOutput = Mask.FromTensors(mask.Layers.Select(l => KeyValuePair.Create(l, Own(mask.ToTensor(l)))).ToList(), null);
        var fc1 = Own(mask.ToTensor("fc1.weight"));
        var fc2 = Own(mask.ToTensor("fc2.weight"));
        WeightSnapshot? noWeights = null;

        foreach (var strategy in new IPruningStrategy[] { new GlobalMagnitudePruning(), new LayerwiseMagnitudePruning(),
            new StructuredMagnitudePruning(model.UnitGroups) })
        {
            var on = strategy.GetType();
            _cases.Add("trainedWeights", "fc1.weight", "weights of another model", () => strategy.Prune(mask, wrongWeights, hparams), on);
            _cases.Add("current", "null", "null mask", () => strategy.Prune(null!, weights, hparams), on);
            _cases.Add("trainedWeights", "null", "null weights", () => strategy.Prune(mask, noWeights!, hparams), on);
            _cases.Add("hparams", "null", "null", () => strategy.Prune(mask, weights, null!), on);
        }
        _cases.Add("current", "OutputFraction", "output rate without an output layer",
            () => new GlobalMagnitudePruning().Prune(noOutput, weights, new PruningHparams { Fraction = 0.2, OutputFraction = 0.1 }));
        _cases.Add("groups", "at least one", "no unit groups", () => new StructuredMagnitudePruning(Array.Empty<UnitGroup>()));
        _cases.Add("groups", "null", "null", () => new StructuredMagnitudePruning(null!));

        var noGroups = Own(new RowRnn(true, 4, 4, 4, 4));
        var noGroupsMask = Mask.Dense(noGroups);
        _cases.Add("model", "no unit groups", "a model without unit groups", () => Compaction.KeptUnits(noGroups, noGroupsMask));
        _cases.Add("mask", "null", "null", () => Compaction.KeptUnits(model, null!));
        _cases.Add("mask", "mismatch", "mask of another model", () => Compaction.Compact(model, wrong));
        _cases.Add("weightFraction", "(0, 1]", "fraction 0", () => Compaction.UniformCounts(model, 0));
        _cases.Add("weightFraction", "NaN", "NaN", () => Compaction.UniformCounts(model, double.NaN));
        _cases.Add("inputs", "[N, 16]", "inputs of the wrong width", () => Compaction.Verify(model, mask, Own(torch.ones(3, 15))));
        _cases.Add("inputs", "null", "null", () => Compaction.Verify(model, mask, null!));

        _cases.Add("tensors", "at least one layer", "no layer", () => Mask.FromTensors(Array.Empty<KeyValuePair<string, Tensor>>(), null));
        _cases.Add("tensors", "unique", "a layer twice",
            () => Mask.FromTensors(new[] { KeyValuePair.Create("a", fc1), KeyValuePair.Create("a", fc2) }, null));
        _cases.Add("outputLayer", "fc9.weight", "output layer not in the mask",
            () => Mask.FromTensors(new[] { KeyValuePair.Create("a", fc1) }, "fc9.weight"));
        _cases.Add("sparsity", "[0, 1)", "sparsity 1", () => Mask.Random(model, 1.0, 1));
        _cases.Add("sparsity", "NaN", "NaN", () => Mask.Random(model, double.NaN, 1));
        _cases.Add("model", "null", "null", () => Mask.Dense(null!));
        _cases.Add("layer", "nope", "unknown layer", () => mask.Kept("nope"));
        _cases.Add("layer", "nope", "unknown layer", () => mask.Total("nope"));
        _cases.Add("layer", "null", "null", () => mask.Total(null!));
        _cases.Add(typeof(Mask).GetMethod(nameof(Mask.Values))!, "layer", "nope", "unknown layer", () => mask.Values("nope"));
        _cases.Add("layer", "nope", "unknown layer", () => mask.Shape("nope"));
        _cases.Add("layer", "nope", "unknown layer", () => mask.ToTensor("nope", ScalarType.Bool, null));
        _cases.Add("mask", "mismatch", "mask of another model", () => wrong.EnsureMatches(model, "mask"));
        _cases.Add("path", "\"\"", "empty path", () => mask.Save(""));
        _cases.Add("path", "mismatch", "mask of another model", () => Mask.Load(SavedMask(wrong), model));
        _cases.Add("path", "not a mask file", "a file of another kind", () => Mask.Load(TextFile("not a mask"), model));
        _cases.Add("path", "no such file", "missing file",
            () => Mask.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.mask"), model));
        _cases.Add("mask", "mismatch", "mask of another model", () => new MaskedModel(model, wrong));
        _cases.Add("model", "null", "null", () => new MaskedModel(null!, mask));
        _cases.Add("rows", "null", "null", () => new SparsityReport(null!));

        _cases.Add("strategy", "GlobalMagnitude, LayerwiseMagnitude, StructuredMagnitude", "an undefined strategy",
            () => PruningStrategies.Get((PruningStrategy)9, null));
        _cases.Add("model", "ModelHparams", "structured without a model", () => PruningStrategies.Get(PruningStrategy.StructuredMagnitude, null));
        _cases.Add("levels", "[0, 1000]", "negative levels", () => PruningStrategies.PruneRepeatedly(model, hparams, -1));
        _cases.Add("hparams", "null", "null", () => PruningStrategies.PruneRepeatedly(model, null!, 1));
    }

    private readonly TempFolder _folder = new("bad-input");

    private string SavedMask(Mask mask)
    {
        string path = Path.Combine(_folder.Path, $"mask-{Guid.NewGuid():N}.bin");
        mask.Save(path);
        return path;
    }

    private string TextFile(string text)
    {
        string path = Path.Combine(_folder.Path, $"text-{Guid.NewGuid():N}.bin");
        File.WriteAllText(path, text);
        return path;
    }

    private void AddModels()
    {
        var model = Model;
        var lenet = (LeNet300100)model;
        var conv = Own(new Conv2(2, 4, 1, 4, 4, null, null));
        var rnn = Own(new RowRnn(true, 4, 4, 4, 4));
        var untied = Own(new RowRnn(false, 4, 4, 4, 4));
        var transformer = Own(new TinyTransformer(new[] { 2 }, new[] { 4 }, 8, 4, 4, 4, 4));
        var wrongWidth = Own(torch.ones(3, 15));
        var doubles = Own(torch.ones(3, 16, dtype: ScalarType.Float64));
        var counts = new Dictionary<string, int> { ["fc1"] = 0 };
        var unknown = new Dictionary<string, int> { ["fc9"] = 3 };

        _cases.Add("inputs", "-1", "negative inputs", () => new LeNet300100(-1, 300, 100, 10));
        _cases.Add("classes", "[2, 1000000]", "one class", () => new LeNet300100(784, 300, 100, 1));
        _cases.Add("imageSize", "even", "odd image", () => new Conv2(64, 256, 1, 27, 10, null, null));
        _cases.Add("conv2Width", "0", "second width 0", () => new Conv2(64, 256, 1, 28, 10, 0, null));
        _cases.Add("hidden", "0", "no hidden units", () => new RowRnn(true, 0, 28, 28, 10));
        _cases.Add("steps", "[1, 10000]", "no steps", () => new RowRnn(true, 8, 0, 28, 10));
        _cases.Add("heads", "one entry per block", "heads and widths disagree",
            () => new TinyTransformer(new[] { 2, 2 }, new[] { 4 }, 8, 4, 4, 4, 4));
        _cases.Add("mlpWidths", "≥ 1", "an MLP width 0", () => new TinyTransformer(new[] { 2 }, new[] { 0 }, 8, 4, 4, 4, 4));
        _cases.Add("width", "-8", "negative width", () => new TinyTransformer(new[] { 2 }, new[] { 4 }, -8, 4, 4, 4, 4));

        _cases.Add("input", "[3, 15]", "input of the wrong width", () => lenet.forward(wrongWidth));
        _cases.Add("input", "Float64", "input of the wrong dtype", () => lenet.forward(doubles));
        _cases.Add("input", "null", "null", () => lenet.forward(null!));
        _cases.Add("input", "[3, 15]", "input of the wrong width", () => lenet.Hidden(wrongWidth));
        _cases.Add("input", "null", "null", () => lenet.Hidden(null!));
        _cases.Add("inputs", "[3, 15]", "input of the wrong width", () => NetworkFeatures.Of(lenet, wrongWidth, LeNetLayer.Fc2));
        _cases.Add("network", "null", "null", () => NetworkFeatures.Of(null!, wrongWidth, LeNetLayer.Fc2));
        _cases.Add("layer", "Fc1, Fc2", "an undefined layer", () => NetworkFeatures.Of(lenet, Own(torch.ones(3, 16)), (LeNetLayer)7));
        _cases.Add("input", "[3, 15]", "input of the wrong shape", () => conv.forward(wrongWidth));
        _cases.Add("input", "[3, 15]", "input of the wrong size", () => rnn.forward(wrongWidth));
        _cases.Add("input", "[3, 15]", "input of the wrong size", () => transformer.forward(wrongWidth));
        _cases.Add("counts", "0", "a group emptied", () => lenet.Resized(counts));
        _cases.Add("counts", "fc9", "an unknown group", () => conv.Resized(unknown));
        _cases.Add("counts", "null", "null", () => transformer.Resized(null!));
        _cases.Add("counts", "no unit groups", "a model without unit groups", () => rnn.Resized(counts), typeof(PrunableModel));
        _cases.Add("parameter", "\"fc9.weight\"", "unknown parameter", () => model.WeightUses("fc9.weight"), typeof(PrunableModel));
        _cases.Add("parameter", "\"fc9.weight\"", "unknown parameter", () => conv.WeightUses("fc9.weight"));
        _cases.Add("parameter", "\"fc9.weight\"", "unknown parameter", () => rnn.WeightUses("fc9.weight"));
        _cases.Add("parameter", "\"fc9.weight\"", "unknown parameter", () => transformer.WeightUses("fc9.weight"));
        var unknownHeads = new Dictionary<string, int> { ["block9.heads"] = 1 };
        _cases.Add("unitCounts", "block9.heads", "an unknown group", () => transformer.ActivationMacs(unknownHeads));
        _cases.Add("unitCounts", "block9.heads", "an unknown group", () => model.ActivationMacs(unknownHeads), typeof(PrunableModel));
        _cases.Add("tied", "copies a tied model into an untied one", "untied source", () => untied.CopyTiedWeights(untied));
        _cases.Add("tied", "null", "null", () => untied.CopyTiedWeights(null!));

        var hparams = new LeNetHparams { Hidden1 = 12, Hidden2 = 8, ImageSize = 4, Classes = 4 };
        _cases.Add("device", "cuda:63", "a device this machine lacks", () => hparams.Create(Missing, 7));
        _cases.Add("device", "null", "null", () => hparams.Create(null!, 7));
        // The factories name the argument their caller passed, not the property it sets.
        _cases.Add("blocks", "[1, 64]", "no blocks", () => ModelHparams.TinyTransformer(0, 4, 64, 16, 128));
        _cases.Add("width", "0", "width 0", () => ModelHparams.Rnn(true, 0));
        _cases.Add("convWidth", "-1", "negative width", () => ModelHparams.Conv2(-1, 256));

        var snapshot = WeightSnapshot.Capture(model);
        _cases.Add("module", "null", "null", () => WeightSnapshot.Capture(null!));
        _cases.Add(typeof(WeightSnapshot).GetMethod(nameof(WeightSnapshot.Values))!, "name", "nope", "unknown name", () => snapshot.Values("nope"));
        _cases.Add("name", "nope", "unknown name", () => snapshot.Shape("nope"));
        _cases.Add("name", "nope", "unknown name", () => snapshot.ToTensor("nope", null));
        _cases.Add("tensors", "null", "null", () => WeightSnapshot.FromTensors(null!));
        _cases.Add("tensors", "at least one entry", "no entry", () => WeightSnapshot.FromTensors(Array.Empty<KeyValuePair<string, Tensor>>()));
        var ones = Own(torch.ones(2, 2));
        var inexact = Own(torch.tensor(new[] { 0.1 }));
        _cases.Add("tensors", "unique", "an entry twice",
            () => WeightSnapshot.FromTensors(new[] { KeyValuePair.Create("a", ones), KeyValuePair.Create("a", ones) }));
        _cases.Add("tensors", "does not convert exactly", "a float64 value float32 cannot hold",
            () => WeightSnapshot.FromTensors(new[] { KeyValuePair.Create("a", inexact) }));
        _cases.Add("module", "mismatch", "snapshot of another model", () => snapshot.LoadInto(Bigger));
        _cases.Add("path", "\"\"", "empty path", () => snapshot.Save(""));
        _cases.Add("path", "not a weights file", "a file of another kind", () => WeightSnapshot.Load(TextFile("not weights")));
    }
}
