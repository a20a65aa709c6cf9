using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Statistics;
using LotteryTickets.Training;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 00 (winning tickets): the settings its cells and its solutions share, per <see cref="Budget"/>. The
/// chapter's curriculum lives here, in the notebook layer, one class per notebook; the core library holds only model
/// and algorithm defaults.
/// </summary>
public static class WinningTickets
{
    /// <summary>
    /// Frankle &amp; Carbin's LeNet-300-100 on MNIST: Adam 1.2·10⁻³, batch 60; each level removes 20 % of the remaining
    /// weights ranked globally, the output layer 10 %; rewind to initialisation; evaluation every 50 iterations.
    /// Quick: 12 levels (to ~7 % of the weights) × 10 epochs. Full: 20 levels (to ~1.2 %, as far as the paper's
    /// LeNet figures go) × 20 epochs.
    /// </summary>
    public static LotteryHparams Hparams(Budget budget) => new()
    {
        Model = ModelHparams.LeNet300100,
        Training = new TrainingHparams
        {
            Optimizer = Optimizer.Adam, LearningRate = 1.2e-3, BatchSize = 60,
            Epochs = Check.NotNull(budget).Choose(quick: 10, full: 20), EvalEvery = 50,
        },
        Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = 0.2, OutputFraction = 0.1 },
        RewindStep = 0,
    };

    /// <summary>Pruning levels after the dense one: quick 12 (to ~7 % of the weights), full 20 (to ~1.2 %).</summary>
    public static int Levels(Budget budget) => Check.NotNull(budget).Choose(quick: 12, full: 20);

    /// <summary>Seeds per budget: three for quick (the least that gives a spread to decide from), five for full.</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds(quick: 3, full: 5);

    /// <summary>Where the controls train: quick at levels 6 and 12 (~26 % and ~7 % of the weights: where the claims are
    /// read, and what the time allows), full at every level.</summary>
    public static IReadOnlyList<int>? ControlLevels(Budget budget) => Check.NotNull(budget).Choose<IReadOnlyList<int>?>(quick: [6, 12], full: null);

    /// <summary>The notebook's experiment: IMP with both controls on <paramref name="data"/>, over <see cref="Seeds"/>.</summary>
    public static TicketExperiment Experiment(Budget budget, TrainingData data) =>
        new(Hparams(budget), data, Seeds(budget)) { Levels = Levels(budget), ControlLevels = ControlLevels(budget) };

    /// <summary>"Matching" the dense network: within this many points of its accuracy, or above it.</summary>
    public const double MatchTolerance = 0.5;

    /// <summary>
    /// The section's claims (Frankle &amp; Carbin) against <paramref name="r"/>, each paired seed by seed: the ticket at
    /// the sparsest level that keeps at least 10 % of the weights matches the dense network; at the sparsest level the
    /// controls trained there fall behind it; and, over the levels with 10–50 % of the weights, the ticket stops early
    /// sooner than the dense network.
    /// </summary>
    public static ClaimResult[] Claims(TicketExperimentResult r)
    {
        Check.NotNull(r);
        var tenth = r.Ticket.Points.Where(p => p.PercentRemaining >= 10).MaxBy(p => p.Level)!;
        var dense = r.At(TicketSeries.Ticket, 0);
        var middle = r.Ticket.Points.Where(p => p.PercentRemaining is >= 10 and <= 50).ToList();
        var claims = new List<ClaimResult>
        {
            new Claim("matches-dense", "IMP finds subnetworks with 10–20 % of the weights that match the dense network's test accuracy.",
                F("ticket − dense accuracy at {0:0.0} % of the weights (points)", tenth.PercentRemaining), -MatchTolerance, ClaimSide.Above)
            {
                Why = "Matching is read here as “no more than half a point below”: a ticket that loses more at this sparsity needs more training " +
                    "or gentler pruning than this run gave it.",
            }.Against(Estimate.PairedDifference(r.SeedAccuracies(TicketSeries.Ticket, tenth.Level), r.SeedAccuracies(TicketSeries.Ticket, 0))),
            new Claim("learns-faster",
                "Winning tickets learn faster: they reach their best validation accuracy in fewer iterations than the dense network.",
                F("dense − ticket early-stop iteration, mean over the {0} levels with 10–50 % of the weights", middle.Count), 0, ClaimSide.Above)
            {
                Format = "+0;-0;0",
                Why = "The early-stop iteration is read every 50 iterations from one validation set of 1,000 images, so it is coarse and " +
                    "noisy; and " +
                    "a short schedule leaves the dense network's best validation accuracy near the end of training.",
            }.Against(Estimate.PairedDifference(dense.Select(t => (double)t.EarlyStopIteration).ToList(),
                r.Seeds.Select(s => middle.Average(p => (double)r.At(TicketSeries.Ticket, p.Level).Single(t => t.Seed == s).EarlyStopIteration))
                    .ToList())),
        };
        foreach (var (series, id, statement) in new[]
        {
            (TicketSeries.RandomReinit, "reinit-behind",
                "The same mask from a fresh random initialisation falls behind the ticket as the network gets sparse."),
            (TicketSeries.RandomMask, "random-mask-behind",
                "A random mask of the same per-layer sparsity falls behind the ticket as the network gets sparse."),
        })
        {
            var control = (series == TicketSeries.RandomReinit ? r.RandomReinit : r.RandomMask).Points;
            if (control.Count == 0) continue;
            var sparsest = control[^1];
            claims.Add(new Claim(id, statement, F("ticket − control accuracy at {0:0.0} % of the weights (points)", sparsest.PercentRemaining), 0,
                ClaimSide.Above)
            {
                Why = "The gap opens only where the network is very sparse: at the quick budget's sparsest level the controls may still train " +
                    "almost as well as the ticket, and the full budget (to ~1 % of the weights) decides.",
            }.Against(Estimate.PairedDifference(r.SeedAccuracies(TicketSeries.Ticket, sparsest.Level), r.SeedAccuracies(series, sparsest.Level))));
        }
        return [.. claims];
    }

}
