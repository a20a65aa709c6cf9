using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Statistics;
using LotteryTickets.Training;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 02 (the time-to-train paradox): the tickets of notebook 01 (<see cref="StructureIsKing"/>, trained again
/// here without controls, or loaded from the run store when 01 ran first), the race to a target validation accuracy,
/// and the step timings at the training batch size.
/// </summary>
public static class TimeToTrainParadox
{
    /// <summary>
    /// The target validation accuracy, 94 % at both budgets: about a point below what the dense LeNet-300-100 reaches on
    /// the shipped 7,000/1,000 split, so that the dense network and the good tickets reach it and the race is about
    /// speed, not about who gets there at all. Read on the validation split, never on the test set that reports.
    /// </summary>
    public static double Target => 0.94;

    /// <summary>Notebook 01's unstructured tickets (it trains them without a control).</summary>
    public static TicketExperiment UnstructuredExperiment(Budget budget, TrainingData data) =>
        StructureIsKing.UnstructuredExperiment(budget, data) with { Controls = [] };

    /// <summary>Notebook 01's structured tickets, without controls.</summary>
    public static TicketExperiment StructuredExperiment(Budget budget, TrainingData data) =>
        StructureIsKing.StructuredExperiment(budget, data) with { Controls = [] };

    /// <summary>
    /// Step timings at the tickets' own sparsities (<see cref="RaceToTarget.SparsitiesOf"/>), at the training batch
    /// size, one thread. Quick: 12 timed runs per point (steps of a millisecond are noisy); full: 40.
    /// </summary>
    public static SpeedSweep Speed(Budget budget, IReadOnlyList<double> sparsities) => new(ModelHparams.LeNet300100, sparsities,
        [StructureIsKing.Training(budget).BatchSize], Threads: 1, Warmup: 3, Repeats: budget.Choose(quick: 12, full: 40));

    /// <summary>The chapter's example: dense kernels at η = 0.60, sparse ones at η = 0.10.</summary>
    public static (double Dense, double Sparse) ChapterEta => (0.60, 0.10);

    /// <summary>The FLOP fraction the claims are read at: the chapter's "a tenth of the FLOPs" (each run's level nearest it).</summary>
    public const double TenthOfTheFlops = 0.1;

    /// <summary>
    /// The section's claims against this run, each for the ticket of each kind nearest a tenth of the dense FLOPs: a pruned
    /// network does fewer FLOPs per step but may need more steps (structured and unstructured, paired seed by seed);
    /// η differs by kernel, and the sparse kernel's step with a tenth of the FLOPs takes longer than the dense step (over
    /// the timing repeats); the race goes to the unstructured ticket on the dense kernel but not on the sparse kernel
    /// (the balance of steps, FLOPs and η); and, counting IMP's L + 1 trainings that found the ticket, the dense network
    /// wins. Steps to the target are read on validation; a seed that never reaches it counts its whole schedule (a lower
    /// bound).
    /// </summary>
    public static ClaimResult[] Claims(TicketExperimentResult unstructured, TicketExperimentResult structured, SpeedResult speed,
        RaceToTarget race)
    {
        Check.NotNull(unstructured);
        Check.NotNull(structured);
        Check.NotNull(speed);
        Check.NotNull(race);
        var masked = Tenth(race, SpeedVariants.Masked);
        var sparse = Tenth(race, SpeedVariants.SparseKernel);
        var compact = Tenth(race, SpeedVariants.Compacted);
        var unstructuredSteps = StepRatios(unstructured, masked.Level, race.Target);
        var sparseRow = speed.At(SpeedVariants.SparseKernel, race.Batch, 1 - masked.PercentRemaining / 100);
        var maskedRow = speed.At(SpeedVariants.Masked, race.Batch, 1 - masked.PercentRemaining / 100);
        string at = F("at {0:0.#} % of the weights, batch {1}", masked.PercentRemaining, race.Batch);
        string timed = F("median of {0} runs timed alternately with dense", sparseRow.Train.Repeats);
        const string stepsWhy = "Steps are read every evaluation (25 iterations) from one validation set of 1,000 images; a ticket that " +
            "never reaches the target in its schedule counts the whole schedule, a lower bound on what it would need.";
        return
        [
            new Claim("more-steps-structured", "Pruning cuts the FLOPs of a step, but the pruned network may need more steps to reach " +
                    "the target: the structured ticket.",
                F("structured ticket ÷ dense, steps to {0:P0} validation accuracy at {1:0.#} % of the weights ({2:P0} of the FLOPs)",
                    race.Target, compact.PercentRemaining, compact.FlopFraction), 1, ClaimSide.Above)
            { Format = "0.00", Why = stepsWhy }.Against(Estimate.Of(StepRatios(structured, compact.Level, race.Target))),
            new Claim("more-steps-unstructured", "Pruning cuts the FLOPs of a step, but the pruned network may need more steps to reach " +
                    "the target: the unstructured ticket.",
                F("unstructured ticket ÷ dense, steps to {0:P0} validation accuracy at {1:0.#} % of the weights ({2:P0} of the FLOPs)",
                    race.Target, masked.PercentRemaining, masked.FlopFraction), 1, ClaimSide.Above)
            {
                Format = "0.00",
                Why = "Frankle & Carbin's unstructured tickets learn faster than the dense network — they reach a given accuracy in fewer " +
                    "steps — until they get very sparse; the extra steps are the structured tickets', whose smaller architectures " +
                    "learn more slowly. " + stepsWhy,
            }.Against(Estimate.Of(unstructuredSteps)),
            new Claim("eta-by-kernel", "Hardware efficiency η differs by kernel: dense kernels run far nearer the machine's peak than " +
                    "sparse ones (the chapter's example: 0.60 against 0.10, a factor of 6).",
                F("η of the dense step ÷ η of the sparse-kernel (COO) step {0} ({1})", at, timed), 1, ClaimSide.Above)
            { Format = "0.0", Timed = true }.Against(Estimate.OfMedian(speed.EfficiencyRatios(sparseRow).Select(r => 1 / r))),
            new Claim("tenth-slower", "A sparse network with a tenth of the FLOPs can take longer per step than the dense one.",
                F("sparse-kernel (COO) step ÷ dense step {0}, {1:P0} of the FLOPs ({2})", at, sparse.FlopFraction, timed), 1,
                ClaimSide.Above)
            { Format = "0.00", Timed = true }.Against(Estimate.OfMedian(sparseRow.TimeRatios())),
            Race("race-dense-kernel", "on the dense kernel (masked)", unstructuredSteps, maskedRow, at, ClaimSide.Below),
            Race("race-sparse-kernel", "on the sparse kernel (COO)", unstructuredSteps, sparseRow, at, ClaimSide.Below),
            new Claim("race-with-search", "The ticket still wins the race when finding it is counted: IMP's L + 1 trainings.",
                F("(IMP's {0} earlier trainings + the ticket's steps to {1:P0}) ÷ dense steps, in dense-step time, {2}, on its faster " +
                    "kernel (over seeds, step times at their medians)", masked.Level, race.Target, at), 1, ClaimSide.Below)
            {
                Format = "0.0",
                Timed = true,
                Why = "IMP finds a ticket by training the dense network and every level before it to the end of its schedule: that search " +
                    "costs several whole trainings, more than any ticket can save on one. A ticket pays for its search only " +
                    "when it is reused — trained again many times, or transferred.",
            }.Against(Estimate.Of(WithSearch(unstructured, race, speed, masked))),
        ];
    }

    // The race of the unstructured ticket on one kernel: steps ratio (over seeds) × step-time ratio (over timing repeats).
    static ClaimResult Race(string id, string kernel, IReadOnlyList<double> steps, SpeedRow row, string at, ClaimSide side) =>
        new Claim(id, F("Which wins the race depends on the balance of steps, FLOPs and η: the unstructured ticket {0} reaches the target " +
                "before the dense network.", kernel),
            F("time to the target ÷ dense {0}: steps ratio (over seeds) × step-time ratio ({1} runs timed alternately with dense)", at,
                row.Train.Repeats), 1, side)
        {
            Format = "0.00",
            Timed = true,
            Why = "The ticket's time is its steps times its step time: fewer steps win only on a kernel whose steps cost no more than dense " +
                "ones, and a sparse kernel's low η can cost more than the FLOPs and steps save.",
        }.Against(Estimate.Product(Estimate.Of(steps), Estimate.OfMedian(row.TimeRatios())));

    // The ticket's level of a variant whose FLOP fraction is nearest a tenth (on a log scale).
    static RaceEntry Tenth(RaceToTarget race, string variant)
    {
        var entries = race.Of(variant);
        Check.That(entries.Count > 0, $"race must hold {variant} runners.", nameof(race));
        return entries.MinBy(e => Math.Abs(Math.Log(e.FlopFraction / TenthOfTheFlops)))!;
    }

    // Seed by seed: steps to the target at the level ÷ the dense network's (a seed that never reaches it counts its schedule).
    static List<double> StepRatios(TicketExperimentResult r, int level, double target) =>
        r.At(TicketSeries.Ticket, level).Zip(r.At(TicketSeries.Ticket, 0), (t, d) => Steps(t, target) / Steps(d, target)).ToList();

    static double Steps(LevelTraining t, double target) =>
        StepsToTarget.Of(t.Evaluations, target) ?? t.Evaluations.Max(e => e.Iteration);

    // Seed by seed: (the search before the level + the ticket's steps on its faster kernel, in dense steps) ÷ the dense network's steps.
    static List<double> WithSearch(TicketExperimentResult r, RaceToTarget race, SpeedResult speed, RaceEntry ticket)
    {
        var kernels = new[] { SpeedVariants.Masked, SpeedVariants.SparseKernel }.Select(v =>
        {
            var row = speed.At(v, race.Batch, 1 - ticket.PercentRemaining / 100);
            return (race.Of(v).Single(e => e.Level == ticket.Level).SearchSteps, StepTime: row.Train.Median / row.DenseTrain.Median);
        }).ToList();
        return r.At(TicketSeries.Ticket, ticket.Level).Zip(r.At(TicketSeries.Ticket, 0), (t, d) =>
            kernels.Min(k => (k.SearchSteps + Steps(t, race.Target) * k.StepTime) / Steps(d, race.Target))).ToList();
    }

}
