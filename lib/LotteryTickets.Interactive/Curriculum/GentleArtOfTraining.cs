using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Statistics;
using LotteryTickets.Training;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 05 (the gentle art of training): IMP on LeNet-300-100 with plain cross-entropy and with label smoothing,
/// over the same seeds, the gradient noise scale measured while every level trains (<see cref="SmoothingComparison"/>).
/// </summary>
public static class GentleArtOfTraining
{
    /// <summary>ε = 0.1, the value of Szegedy et al. (2016) and of most uses since.</summary>
    public const double Epsilon = 0.1;

    /// <summary>
    /// Training: Adam 1.2·10⁻³, batch 60, and the gradient noise sampled from the first 10 examples of the batch against
    /// the whole batch of 60 (<see cref="GradientNoiseHparams"/>). Quick: 4 epochs, a sample at every step (against every
    /// fifth, it costs about half a training more and halves the spread of each seed's B_simple, which was mostly the
    /// estimator's own noise: what lets three seeds decide); full: 12 epochs, a sample every second step (as many samples
    /// per level again as the quick budget takes).
    /// </summary>
    public static TrainingHparams Training(Budget budget, double epsilon = 0)
    {
        Check.NotNull(budget);
        Check.FractionBelowOne(epsilon); // named epsilon, as the caller passed it, not LabelSmoothing
        return new TrainingHparams
        {
            BatchSize = 60, Epochs = budget.Choose(quick: 4, full: 12), LabelSmoothing = epsilon,
            GradientNoise = new GradientNoiseHparams(SmallBatch: 10, Every: budget.Choose(quick: 1, full: 2)),
        };
    }

    /// <summary>
    /// IMP with label smoothing <paramref name="epsilon"/>: global magnitude pruning (the output layer at half the rate),
    /// rewind to init. Quick: 4 levels of 60 % (to 2.6 %, where the frontier is read at this training length; a fifth
    /// level, to 1.1 %, leaves every ticket far below its dense network and the seeds further apart); full: 16 levels of
    /// 25 % (to 1.0 %).
    /// </summary>
    public static LotteryHparams Hparams(Budget budget, double epsilon = 0)
    {
        Check.NotNull(budget);
        Check.FractionBelowOne(epsilon);
        double fraction = budget.Choose(quick: 0.6, full: 0.25);
        return new LotteryHparams
        {
            Model = ModelHparams.LeNet300100,
            Training = Training(budget, epsilon),
            Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = fraction, OutputFraction = fraction / 2 },
        };
    }

    /// <summary>Levels: quick 4 (of 60 %, to 2.6 %), full 16 (of 25 %, to 1.0 %).</summary>
    public static int Levels(Budget budget) => Check.NotNull(budget).Choose(quick: 4, full: 16);

    /// <summary>Seeds: three for quick (the least that gives a spread to decide from), five for full (the frontier's
    /// difference is small beside the spread of the accuracies).</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds(quick: 3, full: 5);

    /// <summary>The ticket (no controls) trained with label smoothing <paramref name="epsilon"/> (0: plain cross-entropy).</summary>
    public static TicketExperiment Experiment(Budget budget, TrainingData data, double epsilon = 0) =>
        new(Hparams(budget, epsilon), data, Seeds(budget)) { Levels = Levels(budget), Controls = [] };

    /// <summary>
    /// <see cref="Experiment"/> without the gradient-noise samples, for runs that read only accuracies (the solutions'
    /// sweep over ε): sampling changes no weight, so its accuracies are those the sampled run would give, at less cost.
    /// </summary>
    public static TicketExperiment AccuracyOnly(Budget budget, TrainingData data, double epsilon)
    {
        var e = Experiment(budget, data, epsilon);
        return e with { Hparams = e.Hparams with { Training = e.Hparams.Training with { GradientNoise = null } } };
    }

    /// <summary>The pruned levels the frontier is read at: the two sparsest levels of <paramref name="r"/>'s curve (one if it has one).</summary>
    public static IReadOnlyList<TicketCurvePoint> SparseLevels(TicketExperimentResult r)
    {
        Check.NotNull(r);
        var pruned = r.Ticket.Points.Where(p => p.Level > 0).OrderBy(p => p.Level).ToList();
        Check.That(pruned.Count > 0, "r must have at least one pruned level (its curve holds the dense level only).", nameof(r));
        return pruned.TakeLast(2).ToList();
    }

    /// <summary>Each seed's dense accuracy (%, level 0 at its early-stop iteration), in the order of the result's seeds.</summary>
    public static IReadOnlyList<double> DenseAccuracies(TicketExperimentResult r) => Check.NotNull(r).SeedAccuracies(TicketSeries.Ticket, [0]);

    /// <summary>Each seed's ticket accuracy (%) averaged over the <see cref="SparseLevels"/>, in the order of the result's seeds.</summary>
    public static IReadOnlyList<double> SparseAccuracies(TicketExperimentResult r) =>
        r.SeedAccuracies(TicketSeries.Ticket, [.. SparseLevels(r).Select(p => p.Level)]);

    /// <summary>Each seed's drop below its own dense accuracy at the <see cref="SparseLevels"/> (points; negative: above it).</summary>
    public static IReadOnlyList<double> DropBelowDense(TicketExperimentResult r) =>
        DenseAccuracies(r).Zip(SparseAccuracies(r), (dense, sparse) => dense - sparse).ToList();

    /// <summary>
    /// The section's claims against <paramref name="c"/>, each paired seed by seed: label smoothing lowers the gradient
    /// noise scale (B_simple over every level's training); and so lets sparser tickets train — read against each run's
    /// own dense network (the smoothed ticket drops less below it at the two sparsest levels) and absolutely (the
    /// smoothed ticket is more accurate there).
    /// </summary>
    public static ClaimResult[] Claims(SmoothingComparison c)
    {
        Check.NotNull(c);
        _ = c.PairedSeeds;
        var sparse = SparseLevels(c.Plain);
        Check.That(SparseLevels(c.Smoothed).Select(p => p.Level).SequenceEqual(sparse.Select(p => p.Level)),
            "c must hold two runs pruned to the same levels (its smoothed run's sparsest levels differ from its plain run's).", nameof(c));
        string levels = string.Join(" and ", sparse.Select(p => F("{0:0.0} %", p.PercentRemaining)));
        var claims = new List<ClaimResult>();
        if (NoiseChange(c) is { } noise)
            claims.Add(new Claim("lower-noise",
                "Label smoothing stabilises training: it lowers the gradient noise scale B_simple = tr Σ / |G|² (McCandlish et al.).",
                "smoothed ÷ plain B_simple − 1, each seed's B_simple over every level's training (%)", 0, ClaimSide.Below)
            {
                Format = "+0.0;-0.0;0.0",
                Why = "Smoothing shrinks both terms of the ratio — the spread of the per-example gradients and the true gradient — so " +
                    "B_simple moves far less than either; and each seed's value is a ratio of noisy averages, which only many samples per " +
                    "level (here one every step) make precise.",
            }.Against(noise));
        claims.Add(new Claim("sparser-tickets-train",
            "…and so lets sparser tickets train: a smoothed ticket stays closer to its own dense network's accuracy than a plain one.",
            $"smoothed − plain drop below its own dense accuracy, mean of the levels at {levels} of the weights (points)", 0, ClaimSide.Below)
        {
            Why = "Smoothing raises the dense network's accuracy too, and the sparsest tickets gain about as much as the dense network " +
                "or less, so their drop below it does not shrink: smoothing lifts the whole curve rather than moving where it falls. " +
                "Each seed's difference combines four accuracies on the same small test set, so a small difference needs many seeds.",
        }.Against(Estimate.PairedDifference(DropBelowDense(c.Smoothed), DropBelowDense(c.Plain))));
        claims.Add(new Claim("sparse-accuracy",
            "Read absolutely, smoothing lets sparser tickets train to a given accuracy: at the sparsest levels the smoothed ticket is more " +
                "accurate than the plain one.",
            $"smoothed − plain ticket accuracy, mean of the levels at {levels} of the weights (points)", 0, ClaimSide.Above)
        {
            Why = "At the quick budget's short training and few seeds the lift at the sparsest levels can sit within the spread of the seeds.",
        }.Against(Estimate.PairedDifference(SparseAccuracies(c.Smoothed), SparseAccuracies(c.Plain))));
        return [.. claims];
    }

    // 100·(B_smoothed ÷ B_plain − 1) per seed, over the seeds where both are finite and positive; null without noise samples.
    static Estimate? NoiseChange(SmoothingComparison c)
    {
        var (plain, smoothed) = (c.Plain.GradientNoiseBySeed(), c.Smoothed.GradientNoiseBySeed());
        if (plain.Count == 0 || smoothed.Count == 0) return null;
        static bool Usable(GradientNoiseEstimate? e) => e is { NoiseScale: > 0 } && double.IsFinite(e.NoiseScale);
        var change = plain.Zip(smoothed).Where(x => Usable(x.First) && Usable(x.Second))
            .Select(x => 100 * (x.Second!.NoiseScale / x.First!.NoiseScale - 1)).ToList();
        return change.Count == 0 ? new Estimate(double.NaN, double.NaN, 0) : Estimate.Of(change);
    }
}
