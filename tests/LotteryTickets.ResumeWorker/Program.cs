// Usage: LotteryTickets.ResumeWorker <store path> [levels] [seed]
// Runs a tiny TicketExperiment (synthetic blobs, LeNet 32-16, one epoch, one thread) into the store and prints
// "started" once the store is open, "saved <series> <level>" after each level is stored, then "done <ticket accuracies>".
using System.Globalization;
using LotteryTickets.Data;
using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;
using TorchSharp;
using static TorchSharp.torch;

torch.set_num_threads(1);
string path = args.Length > 0 ? args[0] : throw new ArgumentException("usage: <store path> [levels] [seed]", nameof(args));
int levels = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
long seed = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1;

// Big enough that a level takes ~0.1–0.3 s: the test must be able to kill the run part-way, even on a loaded machine.
var data = new TrainingData(SyntheticBlobs.Create(2400, 1, separation: 0.1), null, SyntheticBlobs.Create(300, 2, separation: 0.1)); // overlapping: accuracy well below 100 %
var hparams = new LotteryHparams
{
    Model = new ModelHparams { Hidden1 = 32, Hidden2 = 16 },
    Training = new TrainingHparams { Epochs = 3, EvalEvery = 20 },
    Pruning = new PruningHparams { Fraction = 0.2 },
    Levels = levels,
};
var store = new RunStore(path);
store.LevelSaved += (_, series, level) => Console.WriteLine($"saved {series} {level}");
Console.WriteLine("started");
var result = new TicketExperiment(hparams, data, [seed]) { DataSource = "resume-worker blobs" }
    .Run(new ExperimentContext { Store = store, Budget = Budget.Quick });
Console.WriteLine("done " + string.Join(" ", result.Ticket.Points.Select(p => p.MeanAccuracy.ToString("R", CultureInfo.InvariantCulture))));
return 0;
