using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Lottery;

/// <summary>
/// Frankle &amp; Carbin's experiment in one call: for each seed, IMP (the ticket, rewound to
/// <see cref="LotteryHparams.RewindStep"/>), then the same masks from a random re-initialisation, then random masks of
/// the same per-layer sparsity; aggregated into three <see cref="TicketCurve"/>s. Each seed's tensors are disposed
/// before the next seed starts.
/// </summary>
public static class TicketExperiment
{
    /// <summary>Names of the three series.</summary>
    public const string Ticket = "ticket", RandomReinit = "random_reinit", RandomMask = "random_mask";

    /// <summary>Runs the experiment for each seed (the IMP seed; controls use seed + 1000).</summary>
    public static TicketExperimentResult Run(LotteryHparams hparams, TrainingData data, IReadOnlyList<long> seeds,
        IProgress<TicketExperimentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Check.NotNull(hparams);
        Check.NotNull(data);
        Check.NotNull(seeds);
        Check.That(seeds.Count > 0, "seeds must hold at least one seed.", nameof(seeds));
        Check.That(seeds.Distinct().Count() == seeds.Count, "seeds must be distinct.", nameof(seeds));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int levels = hparams.Levels, perSeed = 3 * levels + 1;
        var ticket = new List<IReadOnlyList<LevelResult>>();
        var reinit = new List<IReadOnlyList<LevelResult>>();
        var random = new List<IReadOnlyList<LevelResult>>();
        var sparsity = new List<SparsityReport>();
        for (int s = 0; s < seeds.Count; s++)
        {
            long seed = seeds[s];
            int seedIndex = s;
            var relay = progress is null ? null : new Relay(p =>
            {
                int offset = p.Run switch { Ticket => p.Level, RandomReinit => levels + p.Level, _ => 2 * levels + p.Level };
                double within = p.TotalIterations > 0 ? (double)p.Point.Iteration / p.TotalIterations : 0;
                double done = (seedIndex * perSeed + offset + within) / (seeds.Count * perSeed);
                progress.Report(new TicketExperimentProgress(seed, p.Run, p.Level, p.PercentRemaining, p.Point.Iteration,
                    p.TotalIterations, p.Point.TestAccuracy, Math.Min(done, 1)));
            });
            using var run = IterativeMagnitudePruning.Run(hparams with { Seed = seed }, data, relay, cancellationToken);
            using var reinitRun = LotteryControls.Train(run, ControlKind.RandomReinit, seed + 1000, null, relay, cancellationToken);
            using var randomRun = LotteryControls.Train(run, ControlKind.RandomMask, seed + 1000, null, relay, cancellationToken);
            ticket.Add(run.Levels.ToList());
            reinit.Add(reinitRun.Levels.ToList());
            random.Add(randomRun.Levels.ToList());
            sparsity.Add(run.Levels[^1].Sparsity);
        }
        return new TicketExperimentResult(hparams, seeds.ToList().AsReadOnly(),
            TicketCurve.FromLevels(Ticket, ticket), TicketCurve.FromLevels(RandomReinit, reinit),
            TicketCurve.FromLevels(RandomMask, random), sparsity.AsReadOnly(), clock.Elapsed.TotalSeconds);
    }

    sealed class Relay(Action<ImpProgress> report) : IProgress<ImpProgress>
    {
        public void Report(ImpProgress value) => report(value);
    }
}
