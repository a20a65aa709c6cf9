using LotteryTickets.Data;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Training;

/// <summary>
/// Mini-batch training with cross-entropy, a seeded data order, masked weights held at exactly zero, and evaluation
/// in large no-grad batches. Everything stays on the model's device; the host reads values only at evaluation points.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> in place. With a <paramref name="mask"/>, pruned weights are zeroed before
    /// training and after every optimizer step. The same <paramref name="seed"/> gives the same data order (and, on
    /// the CPU, identical results). With <see cref="TrainingHparams.Distillation"/>, <paramref name="teacher"/> holds
    /// the teacher's logits for the training examples, [N_train, K] with the model's K classes.
    /// </summary>
    public static TrainingResult Train(PrunableModel model, Mask? mask, TensorDataset train, TensorDataset? validation,
        TensorDataset test, TrainingHparams hparams, long seed, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default, Tensor? teacher = null)
    {
        Check.NotNull(model);
        Check.NotNull(train);
        Check.NotNull(test);
        Validation.Check(hparams);
        CheckData(model, train, nameof(train));
        CheckData(model, test, nameof(test));
        if (validation is not null) CheckData(model, validation, nameof(validation));
        CheckTeacher(model, train, hparams, teacher);
        return Run(new TrainRequest(model, mask, train, validation, test, hparams, seed, teacher) { Progress = progress,
            CancellationToken = cancellationToken }, out _);
    }

    /// <summary>Accuracy in [0, 1] of <paramref name="model"/> on <paramref name="data"/> (eval mode, no gradients).</summary>
    public static double Evaluate(PrunableModel model, TensorDataset data, int batchSize = 1000)
    {
        Check.NotNull(model);
        Check.NotNull(data);
        Check.Positive(batchSize);
        CheckData(model, data, nameof(data));
        using var correct = torch.zeros(1, ScalarType.Int64, device: data.Device);
        AddCorrect(model, data, batchSize, correct);
        return (double)correct.item<long>() / data.Count;
    }

    /// <summary>
    /// The full loop, on checked input (<see cref="Train"/> and IMP check it where they are entered).
    /// <see cref="TrainRequest.StartIteration"/> &gt; 0 skips that many steps of the schedule (the data order is drawn
    /// as if they had run: late rewinding resumes mid-schedule). When <see cref="TrainRequest.SnapshotAt"/> ≥ 0, the
    /// weights after that many steps are captured into <paramref name="snapshot"/> (0 = before training).
    /// </summary>
    internal static TrainingResult Run(TrainRequest request, out WeightSnapshot? snapshot)
    {
        var (model, mask, train, validation, test, hparams, seed, teacher) = request;
        int startIteration = request.StartIteration, snapshotAt = request.SnapshotAt;
        var progress = request.Progress;
        var cancellationToken = request.CancellationToken;
        int perEpoch = hparams.IterationsPerEpoch(train.Count);
        int total = checked(perEpoch * hparams.Epochs);
        var noise = hparams.GradientNoise;
        var distill = hparams.Distillation;
        double epsilon = hparams.LabelSmoothing;
        Tensor LossOf(Tensor x, Tensor y, Tensor? soft) => distill is null
            ? Losses.CrossEntropyChecked(model.call(x), y, epsilon)
            : Losses.DistillationChecked(model.call(x), soft!, y, distill.Temperature, distill.Alpha, epsilon);
        var noiseSamples = new List<GradientNoiseSample>();

        var clock = Stopwatch.StartNew();
        using var masked = mask is null ? null : new MaskedModel(model, mask);
        masked?.ApplyMask();
        snapshot = null;
        if (snapshotAt >= 0 && snapshotAt == startIteration) snapshot = WeightSnapshot.Capture(model);

        var device = train.Device;
        using var optimizer = StepOptimizer.Create(model, hparams, masked); // re-applies the mask after each step
        using var generator = new Generator(unchecked((ulong)seed));
        using var lossSum = torch.zeros(1, ScalarType.Float32, device: device);
        int lossCount = 0;
        int evalEvery = hparams.EvalEvery > 0 ? hparams.EvalEvery : perEpoch;
        var evaluations = new List<EvaluationPoint>();

        void EvaluateNow(int iteration)
        {
            using var scope = torch.NewDisposeScope();
            double trainLoss = lossCount > 0 ? lossSum.item<float>() / lossCount : double.NaN;
            lossSum.zero_();
            lossCount = 0;
            double? val = validation is null ? null : AccuracyOf(model, validation, hparams.EvalBatchSize);
            double testAcc = AccuracyOf(model, test, hparams.EvalBatchSize);
            var point = new EvaluationPoint(iteration, (double)iteration / perEpoch, val, testAcc, trainLoss);
            evaluations.Add(point);
            progress?.Report(new TrainingProgress(point, total));
        }

        model.train();
        int n = train.Count;
        int it = 0;
        for (int epoch = 0; epoch < hparams.Epochs; epoch++)
        {
            using var order = torch.randperm(n, generator: generator);
            if (it + perEpoch <= startIteration) { it += perEpoch; continue; }
            using var perm = device.type == DeviceType.CPU ? order.alias() : order.to(device);
            for (int b = 0; b < perEpoch; b++, it++)
            {
                if (it < startIteration) continue;
                cancellationToken.ThrowIfCancellationRequested();
                using (var scope = torch.NewDisposeScope())
                {
                    int start = b * hparams.BatchSize;
                    var idx = perm.narrow(0, start, Math.Min(hparams.BatchSize, n - start));
                    var x = train.Inputs.index_select(0, idx);
                    var y = train.Labels.index_select(0, idx);
                    var soft = distill is null ? null : teacher!.index_select(0, idx);
                    optimizer.ZeroGrad();
                    bool sample = noise is not null && it % noise.Every == 0 && idx.shape[0] == hparams.BatchSize;
                    double smallNorm = 0;
                    if (sample)
                    {
                        int small = noise!.SmallBatch;
                        LossOf(x.narrow(0, 0, small), y.narrow(0, 0, small), soft?.narrow(0, 0, small)).backward();
                        smallNorm = GradientNoiseScale.SquaredKeptGradientNorm(model, masked);
                        optimizer.ZeroGrad();
                    }
                    var loss = LossOf(x, y, soft);
                    loss.backward();
                    if (sample) noiseSamples.Add(new GradientNoiseSample(it, smallNorm, GradientNoiseScale.SquaredKeptGradientNorm(model, masked)));
                    optimizer.Step();
                    lossSum.add_(loss.detach());
                }
                lossCount++;
                int done = it + 1;
                if (snapshotAt == done) snapshot = WeightSnapshot.Capture(model);
                if (done % evalEvery == 0 || done == total) EvaluateNow(done);
            }
        }
        if (evaluations.Count == 0) EvaluateNow(total); // startIteration == total: nothing left to train
        return new TrainingResult(evaluations, total, clock.Elapsed.TotalSeconds, noiseSamples.AsReadOnly());
    }

    private static double AccuracyOf(PrunableModel model, TensorDataset data, int batchSize)
    {
        using var correct = torch.zeros(1, ScalarType.Int64, device: data.Device);
        AddCorrect(model, data, batchSize, correct);
        return (double)correct.item<long>() / data.Count;
    }

    private static void AddCorrect(PrunableModel model, TensorDataset data, int batchSize, Tensor correct)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = torch.no_grad();
            for (int start = 0; start < data.Count; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                int len = Math.Min(batchSize, data.Count - start);
                var predicted = model.call(data.Inputs.narrow(0, start, len)).argmax(1);
                correct.add_(predicted.eq(data.Labels.narrow(0, start, len)).sum());
            }
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }

    // Distillation needs the teacher's logits for every training example, over the model's classes, before any step.
    private static void CheckTeacher(PrunableModel model, TensorDataset train, TrainingHparams hparams, Tensor? teacher) =>
        CheckTeacher(model.PrunableTensors()[model.OutputParameter].shape[0], train, hparams, teacher);

    internal static void CheckTeacher(long classes, TensorDataset train, TrainingHparams hparams, Tensor? teacher)
    {
        if (hparams.Distillation is null) return;
        Check.That(teacher is not null, "Distillation needs the teacher's logits for the training examples (TrainingData.WithTeacher).",
            nameof(teacher));
        Check.That(teacher!.dim() == 2 && teacher.shape[0] == train.Count && teacher.shape[1] == classes,
            $"teacher must hold logits [{train.Count}, {classes}] (one row per training example, the student's {classes} classes); got " +
                $"[{string.Join(", ", teacher.shape)}].",
            nameof(teacher));
        Check.That(teacher.device.type == train.Device.type, $"teacher is on {teacher.device} but the training data is on {train.Device}.",
            nameof(teacher));
    }

    // Data a model can take, checked once before any step (libtorch would fail inside the loop with a native error):
    // on the model's device, examples of the model's input shape, labels below its class count.
    internal static void CheckData(PrunableModel model, TensorDataset data, string name)
    {
        Check.That(data.Device.type == model.Device.type && data.Device.index == model.Device.index,
            $"{name} is on {data.Device} but the model is on {model.Device}; move one of them (TensorDataset.To / model.to).", name);
        model.CheckInput(data.Inputs, name);
        long classes = model.PrunableTensors()[model.OutputParameter].shape[0];
        using var max = data.Labels.max();
        long top = max.item<long>();
        Check.That(top < classes, $"{name} has labels up to {top} but the model has {classes} classes (labels must be in [0, {classes - 1}]).", name);
    }
}

/// <summary>One training run for <see cref="Trainer.Run"/>: the model (trained in place), its mask, the data, the
/// settings and the seed of the data order; where the schedule starts and when to capture the rewind weights.</summary>
internal sealed record TrainRequest(PrunableModel Model, Mask? Mask, TensorDataset Train, TensorDataset? Validation, TensorDataset Test,
    TrainingHparams Hparams, long Seed, Tensor? Teacher)
{
    /// <summary>Steps of the schedule already run (late rewinding resumes mid-schedule).</summary>
    public int StartIteration { get; init; }

    /// <summary>Capture the weights after this many steps (-1: never).</summary>
    public int SnapshotAt { get; init; } = -1;

    /// <summary>Where progress goes.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>Stops training between steps.</summary>
    public CancellationToken CancellationToken { get; init; }
}
