using LotteryTickets.Lottery;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Experiments;

/// <summary>
/// Frankle &amp; Carbin's experiment in one call: for each seed, IMP (the ticket, rewound to
/// <see cref="LotteryHparams.RewindStep"/>), then the same masks from a random re-initialisation, then random masks of
/// the same per-layer sparsity; aggregated into three <see cref="TicketCurve"/>s. Each seed's tensors are disposed
/// before the next seed starts. With a <see cref="RunStore"/>, every (seed, series, level) already stored is loaded
/// instead of trained, and every level trained is stored as it completes: an interrupted experiment resumes where it
/// stopped, with the same result as an uninterrupted one.
/// </summary>
public static class TicketExperiment
{
    /// <summary>Names of the three series.</summary>
    public const string Ticket = "ticket", RandomReinit = "random_reinit", RandomMask = "random_mask";

    /// <summary>The <see cref="RunKey.Kind"/> of one seed's runs.</summary>
    public const string Kind = "ticket_experiment";

    /// <summary>Controls use the IMP seed plus this.</summary>
    public const long ControlSeedOffset = 1000;

    /// <summary>
    /// Runs the experiment for each seed (the IMP seed; controls use seed + <see cref="ControlSeedOffset"/>).
    /// <paramref name="store"/>: load stored levels, store new ones; <paramref name="recompute"/>: forget stored levels
    /// and train everything again. <paramref name="dataSource"/> (e.g. <c>MnistData.Source</c>) and
    /// <paramref name="budget"/> (default <see cref="Budget.Current"/>) become part of the run keys, beside the
    /// hyper-parameters (all but the number of levels: a longer run extends a shorter one) and a hash of the data.
    /// <paramref name="controls"/>: false trains the ticket only (the control curves are then empty).
    /// </summary>
    /// <example><code>var result = TicketExperiment.Run(hparams, data, [1, 2], progress, store: new RunStore(), dataSource: mnist.Source);</code></example>
    public static TicketExperimentResult Run(LotteryHparams hparams, TrainingData data, IReadOnlyList<long> seeds,
        IProgress<TicketExperimentProgress>? progress = null, RunStore? store = null, bool recompute = false,
        CancellationToken cancellationToken = default, string? dataSource = null, Budget? budget = null, bool controls = true)
    {
        Check.NotNull(hparams);
        Check.NotNull(data);
        Check.NotNull(seeds);
        Check.That(seeds.Count > 0, "seeds must hold at least one seed.", nameof(seeds));
        Check.That(seeds.Distinct().Count() == seeds.Count, "seeds must be distinct.", nameof(seeds));
        IterativeMagnitudePruning.Validate(hparams, data);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? dataDescription = store is null ? null : DataFingerprint.Describe(data, dataSource);
        int levels = hparams.Levels, perSeed = (controls ? 3 : 1) * levels + 1;
        var ticket = new List<IReadOnlyList<LevelResult>>();
        var reinit = new List<IReadOnlyList<LevelResult>>();
        var random = new List<IReadOnlyList<LevelResult>>();
        var sparsity = new List<SparsityReport>();
        for (int s = 0; s < seeds.Count; s++)
        {
            long seed = seeds[s];
            int seedIndex = s;
            double Done(string series, int level, double within) =>
                Math.Min(1, (seedIndex * perSeed + Offset(series, level, levels) + within) / (seeds.Count * perSeed));
            var relay = progress is null ? null : new Relay(p =>
            {
                double within = p.TotalIterations > 0 ? (double)p.Point.Iteration / p.TotalIterations : 0;
                progress.Report(new TicketExperimentProgress(seed, p.Run, p.Level, p.PercentRemaining, p.Point.Iteration,
                    p.TotalIterations, p.Point.TestAccuracy, Done(p.Run, p.Level, within)));
            });
            Action<string, LevelResult> loaded = (series, r) => progress?.Report(new TicketExperimentProgress(seed, series, r.Level,
                r.PercentRemaining, r.Training.TotalIterations, r.Training.TotalIterations, r.Training.FinalTestAccuracy, Done(series, r.Level, 1)));

            var h = hparams with { Seed = seed };
            var stored = store is null ? null : new Stored(store, KeyFor(h, dataDescription!, budget), recompute);
            stored?.Store.BeginRun(stored.Key, seed, recompute);
            using var run = RunImp(h, data, stored, relay, loaded, cancellationToken);
            var reinitLevels = new List<LevelResult>();
            var randomLevels = new List<LevelResult>();
            try
            {
                if (controls)
                {
                    TrainControl(run, ControlKind.RandomReinit, RandomReinit, seed + ControlSeedOffset, reinitLevels, stored, relay, loaded, cancellationToken);
                    TrainControl(run, ControlKind.RandomMask, RandomMask, seed + ControlSeedOffset, randomLevels, stored, relay, loaded, cancellationToken);
                    stored?.Store.CompleteRun(stored.Key);
                }
                ticket.Add(run.Levels.ToList());
                reinit.Add(reinitLevels);
                random.Add(randomLevels);
                sparsity.Add(run.Levels[^1].Sparsity);
            }
            finally
            {
                foreach (var l in reinitLevels.Concat(randomLevels)) l.Mask.Dispose();
            }
        }
        return new TicketExperimentResult(hparams, seeds.ToList().AsReadOnly(),
            TicketCurve.FromLevels(Ticket, ticket), TicketCurve.FromLevels(RandomReinit, reinit),
            TicketCurve.FromLevels(RandomMask, random), sparsity.AsReadOnly(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>The key under which <see cref="Run"/> stores one seed (<paramref name="hparams"/>.Seed) of the experiment.</summary>
    public static RunKey KeyFor(LotteryHparams hparams, TrainingData data, string? dataSource = null, Budget? budget = null)
    {
        Check.NotNull(hparams);
        return KeyFor(hparams, DataFingerprint.Describe(data, dataSource), budget);
    }

    // The number of levels is not part of the key (as in open_lth, levels are entries of a run): level k does not
    // depend on how many levels follow, so a longer run extends a shorter one and reuses its stored levels.
    private static RunKey KeyFor(LotteryHparams hparams, string dataDescription, Budget? budget) =>
        RunKey.For(Kind, hparams with { Levels = new LotteryHparams().Levels }, ("budget", (budget ?? Budget.Current).Name),
            ("data", dataDescription), ("control_seed_offset", ControlSeedOffset));

    private static int Offset(string series, int level, int levels) => series switch
    {
        Ticket => level,
        RandomReinit => levels + level,
        _ => 2 * levels + level,
    };

    private sealed record Stored(RunStore Store, RunKey Key, bool Recompute)
    {
        public LevelResult? Load(string series, int level) => Recompute ? null : Store.LoadLevel(Key.Hash, series, level);
    }

    /// <summary>IMP as <see cref="IterativeMagnitudePruning.Run"/> does it, level by level through the store.</summary>
    private static LotteryRun RunImp(LotteryHparams h, TrainingData data, Stored? stored, IProgress<ImpProgress>? relay,
        Action<string, LevelResult> loaded, CancellationToken cancellationToken)
    {
        var levels = new List<LevelResult>();
        WeightSnapshot? rewind = null, trained = null;
        int trainedLevel = -1;
        try
        {
            for (int level = 0; level <= h.Levels; level++)
            {
                if (stored?.Load(Ticket, level) is { } hit)
                {
                    levels.Add(hit);
                    if (level == 0)
                        rewind = stored.Store.LoadRewindWeights(stored.Key.Hash)
                            ?? throw new InvalidDataException($"run {stored.Key}: level 0 is stored but its rewind weights are missing.");
                    loaded(Ticket, hit);
                    continue;
                }
                Mask? mask = null;
                if (level > 0)
                {
                    if (trainedLevel != level - 1)
                    {
                        trained?.Dispose();
                        trained = null;
                        trained = stored!.Store.LoadTrainedWeights(stored.Key.Hash, Ticket, level - 1)
                            ?? throw new InvalidDataException($"run {stored.Key}: level {level - 1} is stored without its trained weights.");
                        trainedLevel = level - 1;
                    }
                    mask = IterativeMagnitudePruning.PruneNext(h, levels[^1].Mask, trained!);
                }
                LevelOutcome outcome;
                try { outcome = IterativeMagnitudePruning.TrainLevel(h, level, mask, rewind, data, relay, cancellationToken); }
                catch { mask?.Dispose(); throw; }
                levels.Add(outcome.Result);
                if (level == 0) rewind = outcome.RewindWeights;
                trained?.Dispose();
                trained = outcome.TrainedWeights;
                trainedLevel = level;
                if (stored is not null)
                {
                    if (level == 0) stored.Store.SaveRewindWeights(stored.Key, rewind!);
                    stored.Store.SaveLevel(stored.Key, Ticket, outcome.Result, trained);
                }
            }
            if (trainedLevel != h.Levels)
            {
                trained?.Dispose();
                trained = null;
                trained = stored!.Store.LoadTrainedWeights(stored.Key.Hash, Ticket, h.Levels)
                    ?? throw new InvalidDataException($"run {stored.Key}: level {h.Levels} is stored without its trained weights.");
            }
            return new LotteryRun(h, data, data.Train.Device, levels.AsReadOnly(), rewind!, trained!);
        }
        catch
        {
            foreach (var l in levels) l.Mask.Dispose();
            rewind?.Dispose();
            trained?.Dispose();
            throw;
        }
    }

    private static void TrainControl(LotteryRun run, ControlKind kind, string series, long seed, List<LevelResult> into,
        Stored? stored, IProgress<ImpProgress>? relay, Action<string, LevelResult> loaded, CancellationToken cancellationToken)
    {
        for (int level = 1; level < run.Levels.Count; level++)
        {
            if (stored?.Load(series, level) is { } hit)
            {
                into.Add(hit);
                loaded(series, hit);
                continue;
            }
            var control = LotteryControls.Train(run, kind, seed, [level], relay, cancellationToken);
            var result = control.Levels[0];
            into.Add(result); // the list owns the mask from here on
            stored?.Store.SaveLevel(stored.Key, series, result);
        }
    }

    sealed class Relay(Action<ImpProgress> report) : IProgress<ImpProgress>
    {
        public void Report(ImpProgress value) => report(value);
    }
}
