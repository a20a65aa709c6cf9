using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Statistics;
using LotteryTickets.Training;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 04 (the apprentice and the master): a dense convolutional teacher; sparse LeNet-300-100 tickets found by IMP
/// on the labels, and the same masks trained with distillation from the ticket's initialisation and from a fresh one;
/// size-matched small dense networks (<see cref="DistillationExperiment"/>); and the section's claims against the run.
/// </summary>
public static class ApprenticeAndMaster
{
    /// <summary>T = 4, α = 0.1: mostly soft targets, as Hinton et al. found best (a small weight on the hard term).</summary>
    public static DistillationHparams Distillation => new(Temperature: 4, Alpha: 0.1);

    /// <summary>
    /// The teacher: a dense Conv-2 with 16 filters per convolution and 128 units (421,520 weights, 1.6× LeNet-300-100's),
    /// Adam 1.2·10⁻³, batch 60. A LeNet-300-100 teacher is no better than its dense student on this training set
    /// (94.9 vs 95.0 % at the quick budget), and a teacher that knows no more than the student only drags it toward its own
    /// mistakes; the convolutional network reaches 96.8 % after 5 epochs. Quick: 8 epochs; full: 20.
    /// </summary>
    public static LotteryHparams Teacher(Budget budget) => new()
    {
        Model = ModelHparams.Conv2(convWidth: 16, fcWidth: 128), Training = new() { Epochs = Check.NotNull(budget).Choose(quick: 8, full: 20) },
    };

    /// <summary>
    /// The students: IMP on LeNet-300-100 on the labels, 50 % of the remaining weights per level (global magnitude, the
    /// output layer at 20 %), rewind to init; Adam 1.2·10⁻³, batch 60. Quick: 5 epochs; full: 15.
    /// </summary>
    public static LotteryHparams Student(Budget budget) => new()
    {
        Model = ModelHparams.LeNet300100,
        Training = new TrainingHparams { Epochs = Check.NotNull(budget).Choose(quick: 5, full: 15) },
        Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = 0.5, OutputFraction = 0.2 },
    };

    /// <summary>The students' IMP levels: quick 2 (to 25 % of the weights, where a short schedule shows the teacher's
    /// gain), full 6 (to 1.7 %).</summary>
    public static int StudentLevels(Budget budget) => Check.NotNull(budget).Choose(quick: 2, full: 6);

    /// <summary>The levels whose masks are also distilled: quick the two pruned ones (50 and 25 %); full every level, the
    /// dense student included.</summary>
    public static IReadOnlyList<int>? DistilledLevels(Budget budget) => Check.NotNull(budget).Choose<IReadOnlyList<int>?>(quick: [1, 2], full: null);

    /// <summary>Where the re-initialised masks are distilled, and where the size-matched dense networks train: quick the
    /// sparsest level (25 %), full every pruned level.</summary>
    public static IReadOnlyList<int>? ControlLevels(Budget budget) => Check.NotNull(budget).Choose<IReadOnlyList<int>?>(quick: [2], full: null);

    /// <summary>Student seeds: three for quick, five for full (one teacher, seed 0, serves them all; the effects are a few
    /// tenths of a point, so a verdict needs the spread over seeds).</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds(quick: 3, full: 5);

    /// <summary>A LeNet-300-100 teacher (10 epochs at both budgets; with <paramref name="epsilon"/> &gt; 0, trained
    /// with label smoothing) for the exercises.</summary>
    public static LotteryHparams LeNetTeacher(double epsilon = 0)
    {
        Check.FractionBelowOne(epsilon);
        return new()
        {
            Model = ModelHparams.LeNet300100, Training = new TrainingHparams { Epochs = 10, LabelSmoothing = epsilon },
        };
    }

    /// <summary>The whole experiment on <paramref name="data"/>: quick trains the size-matched dense network distilled only
    /// (what the claim compares), full both ways.</summary>
    public static DistillationExperiment Experiment(Budget budget, TrainingData data) =>
        new(Teacher(budget), Student(budget), Distillation, data, Seeds(budget))
        {
            Levels = StudentLevels(budget), DistilledLevels = DistilledLevels(budget), ControlLevels = ControlLevels(budget),
            BaselineLevels = ControlLevels(budget), BaselinesOnLabels = budget.IsFull,
        };

    /// <summary>"Far beyond", read as a gain of more than this many points of test accuracy (a separate, stronger claim than
    /// "helps", whose threshold is 0).</summary>
    public const double FarBeyond = 1.0;

    /// <summary>
    /// The section's claims against <paramref name="r"/>, each paired seed by seed on the same masks: distillation raises
    /// the ticket above the same ticket trained on the labels (mean over the pruned levels trained both ways), and far
    /// beyond it (by more than <see cref="FarBeyond"/> points); under distillation the ticket's initialisation still
    /// beats a fresh one on the same mask (mean over the control's levels); and a distilled ticket beats a distilled
    /// dense network with as many weights (mean over the size-matched levels). A claim whose series was not trained is left out.
    /// </summary>
    public static ClaimResult[] Claims(DistillationResult r)
    {
        Check.NotNull(r);
        var both = r.Distilled.Ticket.Points.Where(p => p.Level > 0 && r.Labels.Ticket.AtLevel(p.Level) is not null).ToList();
        var claims = new List<ClaimResult>();
        if (both.Count > 0)
        {
            var gain = Estimate.PairedDifference(MeanOver(r.Distilled, TicketSeries.Ticket, both), MeanOver(r.Labels, TicketSeries.Ticket, both));
            string measure = F("distilled − labels-only accuracy of the same tickets (same mask, initialisation and data order), {0} (points)",
                Where(both));
            claims.Add(new Claim("distillation-helps",
                "A sparse ticket learns more from a dense teacher than from the labels alone: the same ticket, distilled, is more accurate.",
                measure, 0, ClaimSide.Above)
            {
                Why = "The teacher adds little here: trained on the same few thousand images, it is only a little more accurate than its " +
                    "students, and the labels of MNIST are already nearly all a ticket needs. Distillation's softer target also trains more " +
                    "slowly, so a short schedule can end before it pays off — the sparser the ticket, the longer it needs.",
            }.Against(gain));
            claims.Add(new Claim("far-beyond",
                F("It learns far beyond the labels alone: distilled, the same ticket is more accurate by more than {0:0.#} point (how " +
                    "“far beyond” is read here).", FarBeyond), measure, FarBeyond, ClaimSide.Above)
            {
                Why = "What a student can gain is bounded by how much more the teacher knows than the student trained on the labels: little " +
                    "here, where the teacher learned from the same few thousand images and the ticket already matches the dense student.",
            }.Against(gain));
        }
        var controls = r.Distilled.RandomReinit.Points.Where(p => r.Distilled.Ticket.AtLevel(p.Level) is not null).ToList();
        if (controls.Count > 0)
            claims.Add(new Claim("ticket-init-matters-distilled",
                "Under distillation the ticket's initialisation still matters: the same mask distilled from a fresh initialisation falls behind.",
                F("distilled ticket − the same mask distilled from a fresh initialisation, {0} (points)", Where(controls)), 0, ClaimSide.Above)
            {
                Why = "A teacher's soft targets could in principle make any sparse network trainable; where the gap closes, the initialisation " +
                    "mattered only for learning from the labels.",
            }.Against(Estimate.PairedDifference(MeanOver(r.Distilled, TicketSeries.Ticket, controls),
                MeanOver(r.Distilled, TicketSeries.RandomReinit, controls))));
        var baselines = r.Baselines.Where(b => r.Distilled.Ticket.AtLevel(b.Level) is not null).ToList();
        if (baselines.Count > 0)
            claims.Add(new Claim("beats-size-matched",
                "A sparse ticket is a better apprentice than a dense network with as many weights: distilled, the ticket is more accurate.",
                F("distilled ticket − distilled size-matched dense network, {0} (points)", Where(baselines.Select(b => b.PercentRemaining).ToList())),
                0, ClaimSide.Above)
            {
                Why = "A dense network as small as a sparse ticket is very narrow; where it is still wide enough to fit the teacher, it can " +
                    "learn as much.",
            }.Against(Estimate.PairedDifference(
                MeanOver(r.Distilled, TicketSeries.Ticket, baselines.Select(b => r.Distilled.Ticket.AtLevel(b.Level)!).ToList()),
                r.Labels.Seeds.Select((_, i) => baselines.Average(b => b.DistilledAccuracies[i])).ToList())));
        return [.. claims];
    }

    /// <summary>The level the worked solutions distil at, at both budgets: level 2 (25 % of the weights).</summary>
    public const int ExerciseLevel = 2;

    /// <summary>
    /// <paramref name="a"/>'s distilled ticket minus <paramref name="b"/>'s (points), seed by seed on the same masks, averaged
    /// over the pruned levels both distilled: how two ways of teaching the same tickets compare (the exercises' variations of
    /// one experiment: another teacher, temperature or α). Both must have run the same students and seeds.
    /// </summary>
    public static Estimate DistilledDifference(DistillationResult a, DistillationResult b)
    {
        Check.NotNull(a);
        Check.NotNull(b);
        Check.That(a.Labels.Seeds.SequenceEqual(b.Labels.Seeds) && a.Labels.Hparams == b.Labels.Hparams,
            "b must have trained the same students, with the same seeds, as a.", nameof(b));
        var both = a.Distilled.Ticket.Points.Where(p => p.Level > 0 && b.Distilled.Ticket.AtLevel(p.Level) is not null).ToList();
        Check.That(both.Count > 0, "a and b must have distilled at least one pruned level in common.", nameof(b));
        return Estimate.PairedDifference(MeanOver(a.Distilled, TicketSeries.Ticket, both), MeanOver(b.Distilled, TicketSeries.Ticket, both));
    }

    // Each seed's accuracy (%) of one series, averaged over the given levels, in the order of the result's seeds.
    static IReadOnlyList<double> MeanOver(TicketExperimentResult r, TicketSeries series, IReadOnlyList<TicketCurvePoint> levels) =>
        r.SeedAccuracies(series, [.. levels.Select(p => p.Level)]);

    static string Where(IReadOnlyList<TicketCurvePoint> levels) => Where(levels.Select(p => p.PercentRemaining).ToList());

    static string Where(IReadOnlyList<double> percents) => percents.Count == 1
        ? F("at {0:0.0} % of the weights", percents[0])
        : F("mean over {0} levels ({1} % of the weights)", percents.Count, string.Join(", ", percents.Select(p => F("{0:0.0}", p))));
}
