using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Experiments;

/// <summary>
/// The run keys of every experiment the notebooks and their solutions run, at both budgets, pinned in
/// <c>PinnedRunKeys.txt</c>: a stored run is found again only under the same key, so a refactoring of the settings
/// records must leave every line of that file as it is (a key that has to change is changed here on purpose, and
/// named in the change's note with the reason). Each line holds the key's hash and its hashed lines.
/// </summary>
public class PinnedRunKeysTests
{
    private static string PinnedFile([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "PinnedRunKeys.txt");

    /// <summary>Every key the notebooks ask the store for (the solutions' variations included), by a readable name.</summary>
    internal static IEnumerable<(string Name, RunKey Key)> NotebookKeys(TrainingData data)
    {
        foreach (var budget in new[] { Budget.Quick, Budget.Full })
        {
            string b = budget.Name;
            IEnumerable<(string, RunKey)> Seeds(string name, TicketExperiment e) =>
                e.Seeds.Select(s => ($"{b} {name} seed {s}", e.KeyFor(s, budget)));

            foreach (var k in Seeds("00 winning tickets", WinningTickets.Experiment(budget, data))) yield return k;
            foreach (var k in Seeds("01 unstructured", StructureIsKing.UnstructuredExperiment(budget, data))) yield return k;
            foreach (var k in Seeds("01 structured", StructureIsKing.StructuredExperiment(budget, data))) yield return k;
            foreach (var k in Seeds("01 filters", StructureIsKing.FilterExperiment(budget, data))) yield return k;
            foreach (var k in Seeds("01 heads", StructureIsKing.HeadExperiment(budget, data))) yield return k;
            yield return ($"{b} 01 speed", StructureIsKing.Speed(budget).Key(budget));
            yield return ($"{b} 01 solutions Conv-2 speed", (StructureIsKing.Speed(budget) with
            {
                Model = LotteryTickets.Models.ModelHparams.Conv2(convWidth: 32, fcWidth: 64), Sparsities = [0.5, 0.75, 0.9], BatchSizes = [60],
            }).Key(budget));
            yield return ($"{b} 01 solutions speed 2 threads",
                (StructureIsKing.Speed(budget) with { Threads = 2, Sparsities = [0.9, 0.98, 0.99] }).Key(budget));
            foreach (var k in Seeds("02 unstructured", TimeToTrainParadox.UnstructuredExperiment(budget, data))) yield return k;
            foreach (var k in Seeds("02 structured", TimeToTrainParadox.StructuredExperiment(budget, data))) yield return k;
            yield return ($"{b} 02 speed at 50/90 %", TimeToTrainParadox.Speed(budget, [0.5, 0.9]).Key(budget));
            yield return ($"{b} 02 solutions speed batch 60 and 1024",
                (TimeToTrainParadox.Speed(budget, [0.5, 0.8, 0.9]) with { BatchSizes = [60, 1024], Repeats = 6 }).Key(budget));
            foreach (var tied in new[] { true, false })
                foreach (var k in Seeds($"03 rnn tied={tied}", TiedTickets.Experiment(budget, data, tied))) yield return k;

            var distillation = ApprenticeAndMaster.Experiment(budget, data);
            foreach (var k in Seeds("04 teacher", distillation.TeacherRun)) yield return k;
            foreach (var k in Seeds("04 students on labels", distillation.LabelsRun)) yield return k;
            using var logits = arange(data.Train.Count * 10, dtype: ScalarType.Float32).reshape(data.Train.Count, 10).div(1000);
            var taught = data.WithTeacher(logits);
            foreach (var (name, variant) in new[]
            {
                ("04 same masks distilled", distillation), ("04 solutions T 1", distillation with { Distillation = new(1, 0.1) }),
                ("04 solutions T 10", distillation with { Distillation = new(10, 0.1) }),
                ("04 solutions alpha 0", distillation with { Distillation = new(4, 0) }),
            })
                foreach (long s in distillation.Seeds) yield return ($"{b} {name} seed {s}", variant.DistilledKeyFor(s, logits, budget));
            var small = DistillationExperiment.SizeMatched((LotteryTickets.Models.LeNetHparams)distillation.Student.Model, 20_000);
            var dense = distillation.Student with { Model = small };
            foreach (var k in Seeds("04 size-matched dense on labels",
                new TicketExperiment(dense, data, distillation.Seeds) { Levels = 0, Controls = [] })) yield return k;
            var denseDistilled = dense with { Training = dense.Training with { Distillation = distillation.Distillation } };
            foreach (var k in Seeds("04 size-matched dense distilled",
                new TicketExperiment(denseDistilled, taught, distillation.Seeds) { Controls = [] })) yield return k;
            var lenetTeacher = distillation with { Teacher = ApprenticeAndMaster.LeNetTeacher(epsilon: 0.1) };
            foreach (var k in Seeds("04 LeNet teacher eps 0.1", lenetTeacher.TeacherRun)) yield return k;

            foreach (var eps in new[] { 0, GentleArtOfTraining.Epsilon })
                foreach (var k in Seeds($"05 eps {eps}", GentleArtOfTraining.Experiment(budget, data, eps))) yield return k;
            foreach (var k in Seeds("05 solutions eps 0.3, no noise", GentleArtOfTraining.AccuracyOnly(budget, data, 0.3))) yield return k;

            var omp = OmpFindsTheTicket.Recovery(budget);
            yield return ($"{b} 06 omp recovery", omp.Key(budget));
            yield return ($"{b} 06 solutions M 128", (omp with { M = 128, SharedWeights = [0], SnrsDb = [double.PositiveInfinity] }).Key(budget));
            var networks = OmpFindsTheTicket.Networks(budget, data);
            foreach (long s in networks.Seeds) yield return ($"{b} 06–09 dense network seed {s}", networks.KeyFor(s, budget));
            var network = OmpFindsTheTicket.Network(budget, data);
            yield return ($"{b} 06 network dictionary", network.Key(budget));
            yield return ($"{b} 06 solutions network not centred", (network with { Centre = false }).Key(budget));
            yield return ($"{b} 07 convergence", L1ProximalNewton.Convergence(budget).Key(budget));
            yield return ($"{b} 07 solutions convergence 0.01", (L1ProximalNewton.Convergence(budget) with { LambdaRatio = 0.01 }).Key(budget));
            yield return ($"{b} 07 path", L1ProximalNewton.Path(budget).Key(budget));
            yield return ($"{b} 07 solutions path 12 prune 0.5",
                (L1ProximalNewton.Path(budget) with { Lambdas = 12, PruneFraction = 0.5 }).Key(budget));
            yield return ($"{b} 07 network read-out", L1ProximalNewton.NetworkReadout(budget, data).Key(budget));
            yield return ($"{b} 08 phase grid", PredictingTheLottery.PhaseGrid(budget).Key(budget));
            yield return ($"{b} 08 solutions non-negative",
                (PredictingTheLottery.PhaseGrid(budget) with { Signal = LotteryTickets.Sparse.SignalKind.NonNegative }).Key(budget));
            yield return ($"{b} 08 teacher", PredictingTheLottery.Teacher(budget).Key(budget));
            yield return ($"{b} 08 solutions teacher given k",
                (PredictingTheLottery.Teacher(budget) with { Stop = LotteryTickets.Sparse.PruningStop.GivenK }).Key(budget));
            yield return ($"{b} 08 network teacher", PredictingTheLottery.NetworkTeacher(budget, data).Key(budget));
            yield return ($"{b} 09 random", StatisticiansDilemma.Random(budget).Key(budget));
            yield return ($"{b} 09 random spread 0", StatisticiansDilemma.Random(budget, rowScaleSpread: 0).Key(budget));
            yield return ($"{b} 09 units", StatisticiansDilemma.Units(budget, data).Key(budget));
        }
    }

    internal static string Render(IEnumerable<(string Name, RunKey Key)> keys) =>
        string.Concat(keys.Select(k => $"{k.Name}\t{k.Key.Hash}\t{string.Join(" | ", k.Key.Lines)}\n"));

    [Fact]
    public void EveryNotebookRunKeepsItsKey()
    {
        var mnist = Mnist.Load();
        var data = TrainingData.WithValidation(mnist.Train, mnist.Test, validationCount: 1000);
        string actual = Render(NotebookKeys(data));
        if (Environment.GetEnvironmentVariable("LOTTERY_PIN_RUN_KEYS") == "1") File.WriteAllText(PinnedFile(), actual);
        var expected = File.ReadAllLines(PinnedFile());
        var lines = actual.TrimEnd('\n').Split('\n');
        // Paired by name: a run the notebooks no longer make, or one they make under another key, is a moved key.
        var now = lines.ToDictionary(l => l.Split('\t')[0]);
        var moved = expected.Where(p => now.GetValueOrDefault(p.Split('\t')[0]) != p)
            .Select(p => $"pinned: {p}\n   now: {now.GetValueOrDefault(p.Split('\t')[0]) ?? "(no such run)"}").ToList();
        var added = lines.Except(expected).Where(l => !expected.Any(p => p.Split('\t')[0] == l.Split('\t')[0])).ToList();
        Assert.True(moved.Count == 0 && added.Count == 0,
            $"{moved.Count} of {expected.Length} pinned run keys moved, {added.Count} new ({lines.Length} computed; pin new ones with " +
                "LOTTERY_PIN_RUN_KEYS=1); stored runs would no longer be found:\n" + string.Join("\n", moved.Concat(added.Select(a => "new: " + a))));
    }
}
