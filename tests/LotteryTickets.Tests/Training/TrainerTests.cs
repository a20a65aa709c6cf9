using System.Diagnostics;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Training;

public class TrainerTests(ITestOutputHelper output)
{
    private static readonly ModelHparams Small = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 };

    [Fact]
    public void PrunedWeightsStayExactlyZeroThroughAdamTraining()
    {
        var data = Synthetic.Splits();
        using var model = Small.Create(CPU, 1);
        var mask = new GlobalMagnitudePruning().Prune(Mask.Dense(model), WeightSnapshot.FromTensors(model.PrunableTensors()),
            new PruningHparams { Fraction = 0.5 });
        var before = model.PrunableTensors().ToDictionary(kv => kv.Key, kv => Weights.Host(kv.Value));
        var result = Trainer.Train(model, mask, data.Train, null, data.Test, new TrainingHparams { Epochs = 3, BatchSize = 20 }, seed: 1);
        Assert.Equal(90, result.TotalIterations);
        foreach (var (name, p) in model.PrunableTensors())
        {
            var kept = mask.Values(name).ToArray();
            var w = Weights.Host(p);
            int moved = 0;
            for (int i = 0; i < w.Length; i++)
            {
                if (!kept[i]) Assert.True(w[i] == 0f, $"{name}[{i}] = {w[i]}"); // exactly zero (±0.0)
                else if (w[i] != before[name][i]) moved++;
            }
            Assert.True(moved > 0, $"{name}: kept weights did not train");
        }
    }

    [Fact]
    public void LeNetLearnsASeparableSetQuickly()
    {
        var data = Synthetic.Splits(train: 2000, test: 500, separation: 0.3);
        using var model = ModelHparams.LeNet300100.Create(CPU, 3);
        var progress = new SyncProgress<TrainingProgress>();
        var result = Trainer.Train(model, null, data.Train, null, data.Test, new TrainingHparams { Epochs = 2 }, seed: 3, progress);
        output.WriteLine(result.ToString());
        Assert.True(result.FinalTestAccuracy > 0.9, $"test accuracy {result.FinalTestAccuracy:P1}");
        Assert.Equal(2, result.Evaluations.Count);
        Assert.Equal(2, progress.Reports.Count);
        Assert.Equal(result.TotalIterations, result.Evaluations[^1].Iteration);
        Assert.All(result.Evaluations, e => Assert.True(double.IsFinite(e.TrainLoss)));
        Assert.Equal(result.FinalTestAccuracy, Trainer.Evaluate(model, data.Test), 10);
    }

    [Fact]
    public void SameSeedGivesIdenticalTrainingAndEvalEveryIsHonoured()
    {
        var data = Synthetic.Splits(validation: true);
        var h = new TrainingHparams { Epochs = 2, EvalEvery = 7 };
        double[] Run(long seed)
        {
            using var model = Small.Create(CPU, 5);
            var r = Trainer.Train(model, null, data.Train, data.Validation, data.Test, h, seed);
            Assert.Equal([7, 14, 20], r.Evaluations.Select(e => e.Iteration));
            Assert.All(r.Evaluations, e => Assert.NotNull(e.ValidationAccuracy));
            return r.Evaluations.SelectMany(e => new[] { e.TestAccuracy, e.ValidationAccuracy!.Value, e.TrainLoss }).ToArray();
        }
        Assert.Equal(Run(1), Run(1));
        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void BadInputsAreRejectedWithTheParameterName()
    {
        Assert.Equal("inputs", Assert.ThrowsAny<ArgumentException>(() =>
            new TensorDataset(zeros(0, 1, 28, 28), zeros(0, ScalarType.Int64))).ParamName);
    }

    [Fact]
    public void SgdWithMomentumAlsoTrains()
    {
        var data = Synthetic.Splits();
        using var model = Small.Create(CPU, 2);
        var r = Trainer.Train(model, null, data.Train, null, data.Test,
            new TrainingHparams { Optimizer = Optimizer.Sgd, LearningRate = 0.05, Momentum = 0.9, Epochs = 3 }, seed: 1);
        Assert.True(r.FinalTestAccuracy > 0.5, $"{r.FinalTestAccuracy:P1}");
    }

    [Fact]
    public void Conv2TrainsAndPrunesAllFiveLayers()
    {
        var data = Synthetic.Splits(train: 240, test: 100);
        using var model = ModelHparams.Conv2(convWidth: 4, fcWidth: 16).Create(CPU, 1);
        Assert.Equal(["conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight", "fc3.weight"], model.PrunableParameters);
        var mask = new GlobalMagnitudePruning().Prune(Mask.Dense(model), WeightSnapshot.FromTensors(model.PrunableTensors()), new PruningHparams());
        var r = Trainer.Train(model, mask, data.Train, null, data.Test, new TrainingHparams { Epochs = 1 }, seed: 1);
        Assert.Equal(4, r.TotalIterations);
        Assert.InRange(r.FinalTestAccuracy, 0, 1);
    }

    /// <summary>Measured, not asserted: seconds per LeNet-300-100 epoch, 8000 examples, batch 60, Adam, 1 thread.</summary>
    [Fact]
    public void MeasureLeNetEpochSeconds()
    {
        using var train = Synthetic.Blobs(8000, 21);
        using var test = Synthetic.Blobs(500, 22);
        using var model = ModelHparams.LeNet300100.Create(CPU, 1);
        Trainer.Train(model, null, train.Take(600), null, test, new TrainingHparams { Epochs = 1 }, seed: 1); // warm-up
        var times = new List<double>();
        int iterations = 0;
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            iterations = Trainer.Train(model, null, train, null, test, new TrainingHparams { Epochs = 1 }, seed: i).TotalIterations;
            times.Add(sw.Elapsed.TotalSeconds);
        }
        Assert.Equal(134, iterations);
        times.Sort();
        output.WriteLine($"LeNet-300-100, 8000 examples, batch 60, Adam, {get_num_threads()} thread(s): median {times[1]:F3} s/epoch (runs: " +
            $"{string.Join(", ", times.Select(t => t.ToString("F3")))})");
    }
}
