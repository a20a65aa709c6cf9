using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Statistics;
using LotteryTickets.Training;
using TorchSharp;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 03 (tickets in RNNs): IMP with rewinding on the row-by-row RNN of sequential MNIST with weights tied
/// across its 28 steps, and on the untied RNN with one weight set per step (<see cref="RowRnn"/>), each with its
/// random re-initialisation control. The dense network (level 0) trains longer than the tickets
/// (<see cref="DenseEpochs"/>): it needs several times their epochs to stop improving, and a ticket compared with an
/// under-trained dense network would only show that it learns faster.
/// </summary>
public static class TiedTickets
{
    /// <summary>
    /// Training of every pruned level and control: Adam 2·10⁻³ (the best of 2, 5 and 10·10⁻³ for the dense tied RNN here;
    /// 10⁻² diverges), batch 60, evaluation every epoch. Quick: 3 epochs; full: 10 (the tickets' validation accuracy
    /// levels off after about 8).
    /// </summary>
    public static TrainingHparams Training(Budget budget) =>
        new() { Optimizer = Optimizer.Adam, LearningRate = 2e-3, BatchSize = 60, Epochs = Check.NotNull(budget).Choose(quick: 3, full: 10) };

    /// <summary>
    /// Epochs of the dense networks (level 0). Full: 40, four times the tickets' 10: the dense RNNs' validation accuracy
    /// stops rising after 20–30 epochs (measured over seeds 1–3 for both networks). Quick: 5, all the budget allows: the
    /// dense networks are then still improving.
    /// </summary>
    public static int DenseEpochs(Budget budget) => Check.NotNull(budget).Choose(quick: 5, full: 40);

    /// <summary>
    /// IMP on the tied (<paramref name="tied"/> true) or untied RNN, hidden width 128: global magnitude pruning over
    /// W_x, W_h (every step's, untied) and the read-out (at a tenth of the rate), rewind to init, the dense level trained
    /// for <see cref="DenseEpochs"/>. Quick: one level of 75 % (to ~29 % tied, ~25 % untied); full: 10 levels of 30 %
    /// (to ~7 % tied, ~3 % untied: the untied network then has fewer weights than the dense tied one).
    /// </summary>
    public static LotteryHparams Hparams(Budget budget, bool tied) => new()
    {
        Model = ModelHparams.Rnn(tied),
        Training = Training(budget),
        Pruning = new PruningHparams { Strategy = PruningStrategy.GlobalMagnitude, Fraction = budget.Choose(quick: 0.75, full: 0.3),
            OutputFraction = budget.Choose(quick: 0.075, full: 0.03) },
        DenseEpochs = DenseEpochs(budget),
    };

    /// <summary>Levels: quick 1 (one round of pruning), full 10.</summary>
    public static int Levels(Budget budget) => Check.NotNull(budget).Choose(quick: 1, full: 10);

    /// <summary>
    /// Seeds: full three for each network. Quick: three for the tied RNN, two for the untied one (whose claims are
    /// decided by differences many times their spread), within the CPU time of the earlier one-seed design.
    /// </summary>
    public static IReadOnlyList<long> Seeds(Budget budget, bool tied) => Check.NotNull(budget).Seeds(quick: tied ? 3 : 2, full: 3);

    /// <summary>Where the re-initialisation control trains: quick at the one pruned level, full at every second level.</summary>
    public static IReadOnlyList<int> ControlLevels(Budget budget) =>
        Check.NotNull(budget).Choose<IReadOnlyList<int>>(quick: [1], full: [2, 4, 6, 8, 10]);

    /// <summary>The tied or untied RNN's ticket with its random re-initialisation control.</summary>
    public static TicketExperiment Experiment(Budget budget, TrainingData data, bool tied) =>
        new(Hparams(budget, tied), data, Seeds(budget, tied))
        {
            Levels = Levels(budget), Controls = [TicketSeries.RandomReinit], ControlLevels = ControlLevels(budget),
        };

    /// <summary>
    /// The solutions' exercise 2: an untied RNN given a tied one's weights at every step (<see cref="RowRnn.CopyTiedWeights"/>,
    /// the tied network from <paramref name="seed"/>), the largest |logit difference| between the two on up to 500 test
    /// images right after the copy, then the copy trained alone with <paramref name="training"/> and how far each step's
    /// W_h[t] moved from the tied W_h (Frobenius norm, one per step).
    /// </summary>
    public static UntiedCopyDrift TrainUntiedCopy(torch.Device device, TrainingData data, TrainingHparams training, long seed)
    {
        Check.NotNull(device);
        Validation.Check(data);
        Validation.Check(training);
        using var scope = torch.NewDisposeScope();
        using var tied = (RowRnn)ModelHparams.Rnn(tied: true).Create(device, seed);
        using var untied = (RowRnn)ModelHparams.Rnn(tied: false).Create(device, unchecked(seed + 1));
        untied.CopyTiedWeights(tied);
        var x = data.Test.Inputs.narrow(0, 0, Math.Min(500, data.Test.Count));
        double gap;
        using (torch.no_grad()) gap = tied.call(x).sub(untied.call(x)).abs().max().item<float>();
        Trainer.Train(untied, null, data.Train, null, data.Test, training, seed);
        var tiedHidden = tied.PrunableTensors()["hiddens.0.weight"];
        var steps = untied.PrunableTensors();
        return new UntiedCopyDrift(gap,
            Enumerable.Range(0, untied.Steps).Select(t => (double)steps[$"hiddens.{t}.weight"].sub(tiedHidden).norm().item<float>()).ToList());
    }

    /// <summary>
    /// The section's claims against <paramref name="c"/>, each measured seed by seed: in each network the ticket at the
    /// sparsest level that keeps at least 10 % of the weights matches its dense network (<see cref="WinningTickets.MatchTolerance"/>),
    /// and at the sparsest level with a control it beats its random re-initialisation; and tying does not weaken the ticket:
    /// the tied ticket's lead over its re-initialisation is at least the untied ticket's, after the same pruning.
    /// </summary>
    public static ClaimResult[] Claims(TiedComparison c)
    {
        Check.NotNull(c);
        int tiedLevel = SparsestControl(c.Tied), untiedLevel = SparsestControl(c.Untied);
        var claims = new List<ClaimResult>();
        foreach (var (name, r) in new[] { ("tied", c.Tied), ("untied", c.Untied) })
        {
            var match = r.Ticket.Points.Where(p => p.PercentRemaining >= 10).MaxBy(p => p.Level)!;
            claims.Add(new Claim($"{name}-matches-dense",
                F("In the {0} RNN, IMP finds a ticket that matches the dense network's test accuracy.", name),
                F("{0} ticket ({1} epochs) − dense {0} RNN ({2} epochs), test accuracy at {3:0.0} % of the weights (points)",
                    name, r.Hparams.Training.Epochs, r.Hparams.TrainingAt(0).Epochs, match.PercentRemaining),
                -WinningTickets.MatchTolerance, ClaimSide.Above)
            {
                Why = "The dense recurrent network learns more slowly than its tickets, so it trains for longer here; where its budget is " +
                    "still too short for it to stop improving (the quick budget), the ticket's lead measures speed as much as accuracy, and " +
                    "the full budget, which trains it until its validation accuracy levels off, decides.",
            }.Against(Estimate.PairedDifference(r.SeedAccuracies(TicketSeries.Ticket, match.Level), r.SeedAccuracies(TicketSeries.Ticket, 0))));
        }
        foreach (var (name, r) in new[] { ("tied", c.Tied), ("untied", c.Untied) })
        {
            var level = SparsestControl(r);
            claims.Add(new Claim($"{name}-beats-reinit",
                F("In the {0} RNN the ticket's initialisation matters: the same mask from a fresh initialisation falls behind.", name),
                F("{0} ticket − random re-init, test accuracy at {1:0.0} % of the weights, {2} epochs each (points)", name,
                    r.RandomReinit.AtLevel(level)!.PercentRemaining, r.Hparams.Training.Epochs), 0, ClaimSide.Above)
            {
                Why = "Both train for the same number of epochs, and a re-initialised sparse network learns more slowly than the ticket: " +
                    "a short budget widens the gap, a longer one narrows it, so the full budget's longer training is the sterner test.",
            }.Against(Estimate.PairedDifference(r.SeedAccuracies(TicketSeries.Ticket, level), r.SeedAccuracies(TicketSeries.RandomReinit, level))));
        }
        claims.Add(new Claim("tied-as-robust",
            "Tickets exist in the tied RNN as robustly as in the untied one: tying does not shrink the ticket's lead over its re-initialisation.",
            F("(tied ticket − re-init at {0:0.0} %) − (untied ticket − re-init at {1:0.0} %), at pruning level {2} (points)",
                c.Tied.RandomReinit.AtLevel(tiedLevel)!.PercentRemaining, c.Untied.RandomReinit.AtLevel(untiedLevel)!.PercentRemaining,
                tiedLevel == untiedLevel ? F("{0}", tiedLevel) : F("{0} and {1}", tiedLevel, untiedLevel)),
            -WinningTickets.MatchTolerance, ClaimSide.Above)
        {
            Why = "The two networks start from different initialisations, so their leads are compared as independent estimates, and the " +
                "difference of two leads is noisier than either; the leads themselves depend on the training budget (see above).",
        }.Against(Estimate.Difference(Lead(c.Tied, tiedLevel), Lead(c.Untied, untiedLevel))));
        return [.. claims];
    }

    // The sparsest level at which the re-initialisation control trained (it is where the claims read the controls).
    static int SparsestControl(TicketExperimentResult r)
    {
        Check.That(r.RandomReinit.Points.Any(p => p.Level > 0), "each result needs its random re-initialisation control at a pruned level.", "c");
        return r.RandomReinit.Points.Where(p => p.Level > 0).Max(p => p.Level);
    }

    static Estimate Lead(TicketExperimentResult r, int level) =>
        Estimate.PairedDifference(r.SeedAccuracies(TicketSeries.Ticket, level), r.SeedAccuracies(TicketSeries.RandomReinit, level));

}

/// <summary>What <see cref="TiedTickets.TrainUntiedCopy"/> measured.</summary>
/// <param name="LogitGap">The largest |logit difference| between the tied network and its untied copy before training (0: exact).</param>
/// <param name="Distances">After training, |W_h[t] − W_h(tied)| for each step t.</param>
public sealed record UntiedCopyDrift(double LogitGap, IReadOnlyList<double> Distances);
