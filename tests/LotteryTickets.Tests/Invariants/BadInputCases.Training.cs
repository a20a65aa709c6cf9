using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    /// <summary>A dataset of <paramref name="count"/> examples [1, 4, 4] (the tiny model's input) with labels in [0, classes).</summary>
    private TensorDataset Dataset(int count, int classes = 4, long seed = 3, int side = 4)
    {
        using var gen = new Generator((ulong)seed);
        return Own(new TensorDataset(torch.randn([count, 1, side, side], generator: gen),
            torch.randint(0, classes, [count], generator: gen, dtype: ScalarType.Int64)));
    }

    private void AddTraining()
    {
        var model = Model;
        var mask = Mask.Dense(model);
        var wrongMask = Mask.Dense(Bigger);
        var train = Dataset(24);
        var test = Dataset(12, seed: 4);
        var wide = Dataset(12, side: 5);
        var tooManyClasses = Dataset(12, classes: 9);
        var hparams = new TrainingHparams { BatchSize = 6, Epochs = 1, EvalEvery = 0 };
        var distill = hparams with { Distillation = new DistillationHparams(2, 0.5) };
        TensorDataset? noValidation = null;
        Tensor? noTeacher = null;

        _cases.Add("train", "[12, 1, 5, 5]", "examples of the wrong shape",
            () => Trainer.Train(model, mask, wide, noValidation, test, hparams, 1, null, CancellationToken.None, noTeacher));
        _cases.Add("test", "labels up to", "labels beyond the model's classes",
            () => Trainer.Train(model, mask, train, noValidation, tooManyClasses, hparams, 1, null, CancellationToken.None, noTeacher));
        _cases.Add("mask", "mismatch", "a mask of another model",
            () => Trainer.Train(model, wrongMask, train, noValidation, test, hparams, 1, null, CancellationToken.None, noTeacher));
        _cases.Add("hparams", "null", "null",
            () => Trainer.Train(model, mask, train, noValidation, test, null!, 1, null, CancellationToken.None, noTeacher));
        _cases.Add("teacher", "TrainingData.WithTeacher", "distillation without a teacher",
            () => Trainer.Train(model, mask, train, noValidation, test, distill, 1, null, CancellationToken.None, noTeacher));
        _cases.Add("teacher", "[24, 4]", "a teacher of the wrong shape",
            () => Trainer.Train(model, mask, train, noValidation, test, distill, 1, null, CancellationToken.None, Own(torch.zeros(24, 3))));
        _cases.Add("batchSize", "0", "batch 0", () => Trainer.Evaluate(model, test, 0));
        _cases.Add("data", "[12, 1, 5, 5]", "examples of the wrong shape", () => Trainer.Evaluate(model, wide, 1000));
        _cases.Add("data", "labels up to 8", "labels beyond the model's classes", () => Trainer.Evaluate(model, tooManyClasses, 1000));

        var logits = Own(torch.zeros(3, 4));
        var labels = Own(torch.tensor(new long[] { 0, 1, 2 }));
        _cases.Add("labels", "[0, 3]", "a label beyond the classes", () => Losses.CrossEntropy(logits, Own(torch.tensor(new long[] { 0, 1, 4 })), 0));
        _cases.Add("labels", "int64", "float labels", () => Losses.CrossEntropy(logits, Own(torch.zeros(3)), 0));
        _cases.Add("epsilon", "[0, 1)", "ε = 1", () => Losses.CrossEntropy(logits, labels, 1));
        _cases.Add("logits", "null", "null", () => Losses.CrossEntropy(null!, labels, 0));
        _cases.Add("teacher", "[3, 4]", "teacher of another shape", () => Losses.Distillation(logits, Own(torch.zeros(3, 5)), labels, 2, 0.5));
        _cases.Add("temperature", "0", "T = 0", () => Losses.Distillation(logits, logits, labels, 0, 0.5));
        _cases.Add("alpha", "[0, 1]", "α > 1", () => Losses.Distillation(logits, logits, labels, 2, 1.5));
        _cases.Add("alpha", "NaN", "α NaN", () => Losses.Distillation(logits, logits, labels, 2, double.NaN));

        var small = new[] { 1.0, 2.0 };
        _cases.Add("bigSquaredNorms", "2 small-batch values", "lengths differ", () => GradientNoiseScale.Estimate(small, new[] { 1.0 }, 2, 8));
        _cases.Add("smallSquaredNorms", "finite", "NaN norm", () => GradientNoiseScale.Estimate(small, new[] { 1.0, double.NaN }, 2, 8));
        _cases.Add("bigBatch", "larger than smallBatch", "big ≤ small", () => GradientNoiseScale.Estimate(small, small, 8, 8));
        _cases.Add("smallBatch", "0", "batch 0", () => GradientNoiseScale.Estimate(small, small, 0, 8));
        _cases.Add("populationSize", "at least bigBatch (8)", "fewer examples than the big batch",
            () => GradientNoiseScale.Estimate(small, small, 2, 8, 7));
        _cases.Add("bigBatch", "24", "big batch beyond the data", () => GradientNoiseScale.Measure(model, mask, train, 2, 25, 1, 1, 0));
        _cases.Add("draws", "[1, 100000]", "no draws", () => GradientNoiseScale.Measure(model, mask, train, 2, 8, 0, 1, 0));
        _cases.Add("labelSmoothing", "[0, 1)", "ε = 1", () => GradientNoiseScale.Measure(model, mask, train, 2, 8, 1, 1, 1));
        _cases.Add("data", "[12, 1, 5, 5]", "examples of the wrong shape", () => GradientNoiseScale.Measure(model, mask, wide, 2, 8, 1, 1, 0));
        _cases.Add("mask", "mismatch", "a mask of another model", () => GradientNoiseScale.Measure(model, wrongMask, train, 2, 8, 1, 1, 0));
        _cases.Add("samples", "null", "null", () => GradientNoiseScale.FromSamples(null!, new GradientNoiseHparams(2, 1), 8, 100));
        _cases.Add("noise", "null", "null", () => GradientNoiseScale.FromSamples(Array.Empty<GradientNoiseSample>(), null!, 8, 100));
        _cases.Add("batchSize", "larger than noise.SmallBatch (8)", "batch not above the small batch",
            () => GradientNoiseScale.FromSamples(new[] { new GradientNoiseSample(1, 1, 1) }, new GradientNoiseHparams(8, 1), 8, 100));
        _cases.Add("populationSize", "at least batchSize (8)", "a training set smaller than the batch",
            () => GradientNoiseScale.FromSamples(new[] { new GradientNoiseSample(1, 1, 1) }, new GradientNoiseHparams(2, 1), 8, 0));

        _cases.Add("target", "[0, 1]", "accuracy target 1.5", () => StepsToTarget.Of(Array.Empty<EvaluationPoint>(), 1.5));
        _cases.Add("evaluations", "null", "null", () => StepsToTarget.Of(null!, 0.9));
        _cases.Add("evaluations", "validation accuracies", "a curve without a validation split",
            () => StepsToTarget.Of(new[] { new EvaluationPoint(50, 1, null, 0.95, 0.1) }, 0.9));
        _cases.Add("examples", "0", "no examples", () => hparams.IterationsPerEpoch(0));

        var data = new TrainingData(train, noValidation, test);
        _cases.Add("teacher", "[24, K ≥ 2]", "teacher rows ≠ examples", () => data.WithTeacher(Own(torch.zeros(23, 4))));
        _cases.Add("teacher", "null", "null", () => data.WithTeacher(null!));
        _cases.Add("validationCount", "[1, 23]", "validation takes every example", () => TrainingData.WithValidation(train, test, 24));
        _cases.Add("test", "null", "null", () => TrainingData.WithValidation(train, null!, 4));
    }

    private void AddData()
    {
        var inputs = Own(torch.zeros(4, 1, 4, 4));
        var labels = Own(torch.tensor(new long[] { 0, 1, 2, 3 }));
        using var zeros = torch.zeros(4, 1, 4, 4);
        var nan = Own(zeros / 0.0); // 0/0: every entry NaN
        _cases.Add("inputs", "NaN", "NaN in the inputs", () => new TensorDataset(nan, labels));
        _cases.Add("labels", "has 3", "labels of another length", () => new TensorDataset(inputs, Own(torch.tensor(new long[] { 0, 1, 2 }))));
        _cases.Add("labels", "-1", "a negative label", () => new TensorDataset(inputs, Own(torch.tensor(new long[] { 0, -1, 2, 3 }))));
        _cases.Add("labels", "int64", "float labels", () => new TensorDataset(inputs, Own(torch.zeros(4))));
        _cases.Add("inputs", "floating-point", "integer inputs", () => new TensorDataset(Own(torch.zeros(4, 16, dtype: ScalarType.Int32)), labels));
        _cases.Add("inputs", "N = 0", "empty", () => new TensorDataset(Own(torch.zeros(0, 16)), Own(torch.zeros(0, dtype: ScalarType.Int64))));
        _cases.Add("inputs", "null", "null", () => new TensorDataset(null!, labels));
        var set = Dataset(8);
        _cases.Add("count", "[1, 8]", "take none", () => set.Take(0));
        _cases.Add("count", "[0, 7]", "skip all", () => set.Skip(8));
        _cases.Add("device", "cuda:63", "a device this machine lacks", () => set.To(Missing));

        _cases.Add("count", "0", "no examples", () => SyntheticBlobs.Create(0, 1, 0.3, 10, 12345));
        _cases.Add("separation", "NaN", "NaN", () => SyntheticBlobs.Create(8, 1, double.NaN, 10, 12345));
        _cases.Add("classes", "[2, 784]", "one class", () => SyntheticBlobs.Create(8, 1, 0.3, 1, 12345));

        _cases.Add("device", "cuda:63", "a device this machine lacks",
            () => Mnist.Load(new MnistOptions(10, 10, 0, true, null, MnistKind.Auto), Missing));
        _cases.Add("dataDirectory", "\"\"", "empty folder name", () => Mnist.FindDataDirectory(""));

        string idx = Path.Combine(_folder.Path, "truncated-idx");
        File.WriteAllBytes(idx, [0, 0, 8, 1, 0, 0, 0, 9, 1, 2]);
        string notIdx = TextFile("hello");
        string images = Path.Combine(_folder.Path, "labels-as-images");
        File.WriteAllBytes(images, [0, 0, 8, 1, 0, 0, 0, 2, 1, 2]);
        string gz = Path.Combine(_folder.Path, "corrupt.gz");
        File.WriteAllBytes(gz, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3]);
        _cases.Add("truncated-idx", "need 9 values", "a truncated file", () => IdxFile.Read(idx));
        _cases.Add("corrupt.gz", "truncated IDX file", "corrupt gzip", () => IdxFile.Read(gz));
        _cases.Add(Path.GetFileName(notIdx), "magic number", "not an IDX file", () => IdxFile.ReadLabels(notIdx));
        _cases.Add("labels-as-images", "expected 3 dimension(s)", "labels read as images", () => IdxFile.ReadImages(images));
        _cases.Add("path", "\" \"", "blank path", () => IdxFile.Read(" "));
        _cases.Add("array", "need 4", "data shorter than its dimensions",
            () => IdxFile.Write(Path.Combine(_folder.Path, "never"), new IdxArray(new[] { 2, 2 }, new byte[3])));
        var array = new IdxArray(new[] { 2, 2 }, new byte[4]);
        _cases.Add(typeof(IdxArray).GetMethod(nameof(IdxArray.Item))!, "index", "[0, 1]", "index past the items", () => array.Item(2));
    }
}
