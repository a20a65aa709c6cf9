// Usage: LotteryTickets.ResumeWorker <store path> [levels] [seed]
//        LotteryTickets.ResumeWorker --rss-imp <levels>      LotteryTickets.ResumeWorker --rss-omp <batches>
//        LotteryTickets.ResumeWorker --structured <store path>      LotteryTickets.ResumeWorker --sparse-sweeps <store path>
// Runs a tiny TicketExperiment (synthetic blobs, LeNet 32-16, one epoch, one thread) into the store and prints
// "started" once the store is open, "saved <series> <level>" after each level is stored, then "done <ticket accuracies>".
// The --rss modes measure resident memory instead (no store): after each IMP level of a ticket-only run of LeNet-300-100,
// or after each batch of 1,000 OMP signals, they print "rss <index> <bytes>" (after a full garbage collection).
// The determinism modes run a fixed experiment into the store for a test to compare two processes' stores byte for byte:
// --structured a tiny structured-IMP TicketExperiment with both controls, --sparse-sweeps an OMP recovery sweep and an
// ℓ1 phase diagram at two threads; each prints "key <run key>" per run, then "done".
using LotteryTickets.Data;
using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Sparse;
using LotteryTickets.Training;
using System.Globalization;
using TorchSharp;

torch.set_num_threads(1);
if (args.Length == 2 && args[0] is "--rss-imp" or "--rss-omp")
    return MemoryProbe.Run(args[0], int.Parse(args[1], CultureInfo.InvariantCulture));
if (args.Length == 2 && args[0] is "--structured" or "--sparse-sweeps")
    return DeterminismRuns.Run(args[0], new RunStore(args[1]));
string path = args.Length > 0 ? args[0] : throw new ArgumentException("usage: <store path> [levels] [seed]", nameof(args));
int levels = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
long seed = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1;

// Big enough that a level takes ~0.1–0.3 s: the test must be able to kill the run part-way, even on a loaded machine.
// overlapping: accuracy well below 100 %
var data = new TrainingData(SyntheticBlobs.Create(2400, 1, separation: 0.1), null, SyntheticBlobs.Create(300, 2, separation: 0.1));
var hparams = new LotteryHparams
{
    Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 },
    Training = new TrainingHparams { Epochs = 3, EvalEvery = 20 },
    Pruning = new PruningHparams { Fraction = 0.2 },
};
var store = new RunStore(path);
store.LevelSaved += (_, series, level) => Console.WriteLine($"saved {series} {level}");
Console.WriteLine("started");
var result = new TicketExperiment(hparams, data, [seed]) { Levels = levels, DataSource = "resume-worker blobs" }
    .Run(new ExperimentContext { Store = store, Budget = Budget.Quick });
Console.WriteLine("done " + string.Join(" ", result.Ticket.Points.Select(p => p.MeanAccuracy.ToString("R", CultureInfo.InvariantCulture))));
return 0;

static class MemoryProbe
{
    public static int Run(string mode, int count)
    {
        if (mode == "--rss-imp")
        {
            var data = new TrainingData(SyntheticBlobs.Create(1200, 1), null, SyntheticBlobs.Create(300, 2));
            var hparams = new LotteryHparams
            {
                Model = ModelHparams.LeNet300100,
                Training = new TrainingHparams { Epochs = 1, EvalEvery = 10 },
                Pruning = new PruningHparams { Fraction = 0.2 },
            };
            var progress = new LevelWatcher();
            var run = IterativeMagnitudePruning.Run(hparams, data, seed: 0, levels: count, progress);
            progress.Report(-1); // the last level
        }
        else
        {
            var a = LotteryTickets.Sparse.Dictionaries.Gaussian(64, 256, 1);
            var omp = new LotteryTickets.Sparse.OrthogonalMatchingPursuit(new LotteryTickets.Sparse.OmpOptions(8));
            for (int batch = 0; batch < count; batch++)
            {
                var signals = LotteryTickets.Sparse.Dictionaries.Gaussian(64, 1000, 100 + batch);
                omp.FitMany(a, signals);
                Print(batch);
            }
        }
        return 0;
    }

    public static void Print(int index)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"rss {index} {self.WorkingSet64}");
    }

    /// <summary>Prints the resident memory when the IMP loop moves on to a new level (so after each finished level).</summary>
    private sealed class LevelWatcher : IProgress<ImpProgress>
    {
        private int _level = -1;
        public void Report(ImpProgress value)
        {
            if (value.Level == _level) return;
            if (_level >= 0) Print(_level);
            _level = value.Level;
        }
        public void Report(int last) { if (_level >= 0) Print(_level); }
    }
}

static class DeterminismRuns
{
    public static int Run(string mode, RunStore store)
    {
        var context = new ExperimentContext { Store = store, Budget = Budget.Quick };
        if (mode == "--structured")
        {
            var data = new TrainingData(SyntheticBlobs.Create(600, 1, separation: 0.1), null, SyntheticBlobs.Create(300, 2, separation: 0.1));
            var hparams = new LotteryHparams
            {
                Model = new LeNetHparams { Hidden1 = 32, Hidden2 = 16 },
                Training = new TrainingHparams { Epochs = 2, EvalEvery = 10 },
                Pruning = new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.25 },
            };
            var experiment = new TicketExperiment(hparams, data, [11]) { Levels = 3, DataSource = "determinism blobs" };
            Console.WriteLine("key " + experiment.KeyFor(11, Budget.Quick).Hash);
            var result = experiment.Run(context);
            Console.WriteLine("done " + string.Join(" ",
                result.Ticket.Points.Select(p => p.MeanAccuracy.ToString("R", CultureInfo.InvariantCulture))));
        }
        else
        {
            var omp = new OmpRecoverySweep(M: 30, N: 60, SharedWeights: [0, 0.5], Sparsities: [2, 5, 10], SnrsDb: [double.PositiveInfinity, 20],
                Trials: 4, Seed: 5, MaxDegreeOfParallelism: 2);
            var phase = new PhaseDiagramSweep([0.3, 0.6], [0.2, 0.5], N: 40, Trials: 3, Seed: 5, Method: PhaseDiagramMethod.L1,
                MaxDegreeOfParallelism: 2);
            Console.WriteLine("key " + omp.Key(Budget.Quick).Hash);
            omp.Run(context);
            Console.WriteLine("key " + phase.Key(Budget.Quick).Hash);
            phase.Run(context);
            Console.WriteLine("done");
        }
        return 0;
    }
}
