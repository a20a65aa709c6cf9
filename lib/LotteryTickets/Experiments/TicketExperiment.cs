using LotteryTickets.Lottery;
using LotteryTickets.Training;

namespace LotteryTickets.Experiments;

/// <summary>
/// Frankle &amp; Carbin's experiment: for each seed, IMP (the ticket, rewound to <see cref="LotteryHparams.RewindStep"/>),
/// then the same masks from a random re-initialisation, then random masks of the same per-layer sparsity; aggregated
/// into three <see cref="TicketCurve"/>s. Each seed's tensors are disposed before the next seed starts. With a run
/// store, each seed is one run (<see cref="KeyFor"/>) whose levels are loaded where stored and saved as they finish
/// (<see cref="IterativeMagnitudePruning.Run"/>, <see cref="LotteryControls.Train"/>): an interrupted experiment
/// resumes where it stopped, with the same result as an uninterrupted one.
/// </summary>
/// <param name="Hparams">The IMP settings.</param>
/// <param name="Data">The splits every level trains and evaluates on.</param>
/// <param name="Seeds">The IMP seeds (distinct); the controls use seed + <see cref="ControlSeedOffset"/>.</param>
/// <example><code>var result = new TicketExperiment(hparams, data, [1, 2]).Run(new ExperimentContext { Store = store });</code></example>
public sealed record TicketExperiment(LotteryHparams Hparams, TrainingData Data, [property: NotEmpty, Distinct] IReadOnlyList<long> Seeds)
    : IExperiment<TicketExperimentResult>, IValidated
{
    /// <summary>Controls use the IMP seed plus this.</summary>
    public const long ControlSeedOffset = 1000;

    /// <inheritdoc />
    public string Kind => ExperimentKinds.TicketExperiment;

    /// <summary>
    /// The controls trained after each seed's IMP run (default: both; re-initialisation first). <c>[]</c> trains the ticket only;
    /// <c>[TicketSeries.RandomReinit]</c> is Liu et al.'s "train the pruned architecture from scratch" for a structured
    /// ticket. A control left out has an empty curve.
    /// </summary>
    [Distinct] public IReadOnlyList<TicketSeries> Controls { get; init; } = [TicketSeries.RandomReinit, TicketSeries.RandomMask];

    /// <summary>Pruning levels after the dense level 0 that each seed's run goes to (default 5). Not part of the run's key:
    /// level k does not depend on how many levels follow, so a longer run extends a shorter one.</summary>
    [Range(0, IterativeMagnitudePruning.MaxLevels)] public int Levels { get; init; } = 5;

    /// <summary>The pruned levels the controls are trained at (null, the default: every level 1 … <see cref="Levels"/>); levels
    /// past <see cref="Levels"/> are skipped. Not part of the run's key: a control level is stored on its own.</summary>
    [Distinct, Range(1, IterativeMagnitudePruning.MaxLevels)] public IReadOnlyList<int>? ControlLevels { get; init; }

    /// <summary>The levels the controls train at in this experiment, ascending.</summary>
    public IReadOnlyList<int> ControlLevelsRun =>
        (ControlLevels ?? Enumerable.Range(1, Levels).ToList()).Where(l => l >= 1 && l <= Levels).Order().ToList();

    /// <summary>Names the data in the run keys (e.g. <c>MnistData.Source</c>), beside a hash of the examples themselves.</summary>
    public string? DataSource { get; init; }

    /// <inheritdoc />
    public TicketExperimentResult Run(ExperimentContext? context = null) => RunKeepingRuns(context).Result;

    /// <summary><see cref="Run"/>, also handing back each seed's IMP run (its masks and rewind point), in the order of
    /// <see cref="Seeds"/>: what an experiment that trains those masks again (<see cref="LotteryControls.Retrain"/>) starts from.</summary>
    internal (TicketExperimentResult Result, IReadOnlyList<LotteryRun> Runs) RunKeepingRuns(ExperimentContext? context)
    {
        var c = Validation.Check(context ?? new ExperimentContext(), nameof(context));
        Validation.Check(this);
        IterativeMagnitudePruning.CheckDataFits(Hparams, Data, nameof(Data));
        var runs = new List<LotteryRun>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? dataDescription = c.Store is null ? null : DataFingerprint.Describe(Data, DataSource);
        var work = new Work(this, c.Progress);
        var ticket = new List<IReadOnlyList<LevelResult>>();
        var reinit = new List<IReadOnlyList<LevelResult>>();
        var random = new List<IReadOnlyList<LevelResult>>();
        var sparsity = new List<Pruning.SparsityReport>();
        var trainings = new List<LevelTraining>();
        for (int s = 0; s < Seeds.Count; s++)
        {
            long seed = Seeds[s];
            RunKey? key = c.Store is null ? null : Key(Hparams, seed, dataDescription!, c.Budget);
            using var levels = key is null ? null : c.Store!.OpenRun(key, seed, c.Recompute, c.CancellationToken);
            var run = IterativeMagnitudePruning.RunChecked(Hparams, Data, seed, Levels, work.Training(s), c.CancellationToken, levels,
                work.Loaded(s, TicketSeries.Ticket));
            var reinitRun = Controls.Contains(TicketSeries.RandomReinit) ? Control(run, TicketSeries.RandomReinit, s, c, levels, work) : null;
            var randomRun = Controls.Contains(TicketSeries.RandomMask) ? Control(run, TicketSeries.RandomMask, s, c, levels, work) : null;
            if (key is not null) c.Store!.CompleteRun(key); // every level this experiment asked for is stored
            runs.Add(run);
            ticket.Add(run.Levels.ToList());
            reinit.Add(reinitRun?.Levels ?? []);
            random.Add(randomRun?.Levels ?? []);
            sparsity.Add(run.Levels[^1].Sparsity);
            foreach (var (series, results) in new[] { (TicketSeries.Ticket, run.Levels), (TicketSeries.RandomReinit, reinit[^1]),
                (TicketSeries.RandomMask, random[^1]) })
                trainings.AddRange(Trainings(series, seed, results));
        }
        var result = new TicketExperimentResult(Hparams, Seeds.ToList().AsReadOnly(),
            TicketCurve.FromLevels(TicketSeries.Ticket, ticket), TicketCurve.FromLevels(TicketSeries.RandomReinit, reinit),
            TicketCurve.FromLevels(TicketSeries.RandomMask, random), sparsity.AsReadOnly(), clock.Elapsed.TotalSeconds)
        {
            Trainings = trainings.AsReadOnly(),
            TrainingExamples = Data.Train.Count,
        };
        return (result, runs.AsReadOnly());
    }

    /// <summary>One series' training of each level in <paramref name="results"/>, as <see cref="TicketExperimentResult.Trainings"/>
    /// holds it.</summary>
    internal static IEnumerable<LevelTraining> Trainings(TicketSeries series, long seed, IEnumerable<LevelResult> results) =>
        results.Select(r => new LevelTraining(series, seed, r.Level, r.PercentRemaining, r.Training.Evaluations)
        {
            GradientNoise = r.Training.GradientNoise,
            EarlyStopAccuracy = 100 * r.Training.EarlyStopTestAccuracy,
            EarlyStopIteration = r.Training.EarlyStopIteration,
        });

    private ControlRun Control(LotteryRun run, TicketSeries kind, int seedIndex, ExperimentContext c, ILevelStore? levels, Work work) =>
        LotteryControls.Train(run, kind, Seeds[seedIndex] + ControlSeedOffset, ControlLevels is null ? null : ControlLevelsRun,
            work.Training(seedIndex), c.CancellationToken, levels,
            work.Loaded(seedIndex, kind));

    /// <summary>The key under which <see cref="Run"/> stores seed <paramref name="seed"/> of the experiment.</summary>
    public RunKey KeyFor(long seed, Budget? budget = null) =>
        Key(Hparams, seed, DataFingerprint.Describe(Data, DataSource), budget ?? Budget.Current);

    // A run is named by its hyper-parameters and its seed (open_lth's replicate); the number of levels is not part of
    // the key (levels are entries of a run), so a longer run extends a shorter one and reuses its stored levels.
    private static RunKey Key(LotteryHparams hparams, long seed, string dataDescription, Budget budget) =>
        RunKey.For(ExperimentKinds.TicketExperiment, [hparams, new Replicate(seed)], ("budget", budget.Name),
            ("data", dataDescription), ("control_seed_offset", ControlSeedOffset));

    /// <summary>
    /// Progress in training iterations over the whole experiment: each seed trains the ticket's levels 0 … L, then
    /// (with controls) L re-initialised and L random-mask levels; level 0 runs its own schedule of T0 iterations
    /// (<see cref="LotteryHparams.DenseEpochs"/>), the re-initialised levels the whole schedule of T, the others the
    /// T − RewindStep after the rewind point. A loaded level counts as done.
    /// </summary>
    private sealed class Work(TicketExperiment e, IProgress<ExperimentProgress>? progress)
    {
        private readonly int _levels = e.Levels, _rewind = e.Hparams.RewindStep, _controls = e.ControlLevelsRun.Count;
        private readonly IReadOnlyList<int> _controlLevels = e.ControlLevelsRun;
        private readonly int T = e.Hparams.Training.IterationsPerEpoch(e.Data.Train.Count) * e.Hparams.Training.Epochs,
            T0 = e.Hparams.Training.IterationsPerEpoch(e.Data.Train.Count) * e.Hparams.TrainingAt(0).Epochs;
        private readonly bool _reinit = e.Controls.Contains(TicketSeries.RandomReinit), _random = e.Controls.Contains(TicketSeries.RandomMask);
        private int PerSeed => T0 + _levels * (T - _rewind) + (_reinit ? _controls * T : 0) + (_random ? _controls * (T - _rewind) : 0);
        private int Total => e.Seeds.Count * PerSeed;

        // Iterations before (series, level) within one seed, and the iteration its schedule starts at.
        private (int Before, int Start) Offset(TicketSeries series, int level) => series switch
        {
            TicketSeries.Ticket => (level == 0 ? 0 : T0 + (level - 1) * (T - _rewind), level == 0 ? 0 : _rewind),
            TicketSeries.RandomReinit => (T0 + _levels * (T - _rewind) + ControlIndex(level) * T, 0),
            _ => (T0 + _levels * (T - _rewind) + (_reinit ? _controls * T : 0) + ControlIndex(level) * (T - _rewind), _rewind),
        };

        private int ControlIndex(int level) => Math.Max(0, _controlLevels.Count(l => l < level));

        public IProgress<ImpProgress>? Training(int seedIndex) => Relay<ImpProgress>.To(progress, p =>
            At(seedIndex, p.Run, p.Level, p.PercentRemaining, p.Point.Iteration, p.TotalIterations, p.Point.TestAccuracy, loaded: false));

        // A loaded level reports its whole schedule done (RewindStep ≤ its iterations: IterativeMagnitudePruning checks it).
        public Action<LevelResult>? Loaded(int seedIndex, TicketSeries series) => progress is null ? null : r => progress.Report(
            At(seedIndex, series, r.Level, r.PercentRemaining, r.Training.TotalIterations, r.Training.TotalIterations,
                r.Training.FinalTestAccuracy, loaded: true));

        private ExperimentProgress At(int seedIndex, TicketSeries series, int level, double percent, int iteration, int total, double accuracy,
            bool loaded)
        {
            var (before, start) = Offset(series, level);
            var status = new TrainingStatus(level, percent, iteration, total, accuracy)
            { Seed = e.Seeds[seedIndex], Series = series, Loaded = loaded };
            return new ExperimentProgress(seedIndex * PerSeed + before + Math.Max(0, iteration - start), Total, "iterations") { Training = status };
        }
    }
}
