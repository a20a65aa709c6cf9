using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Statistics;
using LotteryTickets.Training;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>
/// Notebook 01 (structure is king): structured vs unstructured tickets of LeNet-300-100, the re-initialisation control
/// for each kind of unit the chapter names (neurons of LeNet, filters of Conv-2, heads of a small Transformer), and what
/// each kind of pruning buys in speed. Notebook 02 runs the same two LeNet IMP experiments (so in one reproduce run it
/// loads them from the run store).
/// </summary>
public static class StructureIsKing
{
    /// <summary>
    /// Training of every LeNet level: Adam 1.2·10⁻³, batch 60 (Frankle &amp; Carbin's LeNet set-up), evaluation every 25
    /// iterations (the resolution of notebook 02's steps to target). Quick: 5 epochs; full: 15.
    /// </summary>
    public static TrainingHparams Training(Budget budget) => new()
    {
        Optimizer = Optimizer.Adam, LearningRate = 1.2e-3, BatchSize = 60, Epochs = Check.NotNull(budget).Choose(quick: 5, full: 15),
        EvalEvery = 25,
    };

    /// <summary>
    /// Share of what remains that one level removes: full 20 % (Frankle &amp; Carbin's rate), quick 36 % = 1 − 0.8² (one
    /// quick level prunes as much as two full ones, so the quick run reaches the full run's sparsities in half the levels).
    /// </summary>
    public static double Fraction(Budget budget) => Check.NotNull(budget).Choose(quick: 0.36, full: 0.2);

    /// <summary>Unstructured IMP: <see cref="Fraction"/> of the remaining weights per level ranked globally, the output
    /// layer at the rate of 10 % per full level (quick 19 % = 1 − 0.9²); rewind to init.</summary>
    public static LotteryHparams Unstructured(Budget budget) => new()
    {
        Model = ModelHparams.LeNet300100,
        Training = Training(budget),
        Pruning = new PruningHparams
        {
            Strategy = PruningStrategy.GlobalMagnitude, Fraction = Fraction(budget), OutputFraction = budget.Choose(quick: 0.19, full: 0.1),
        },
    };

    /// <summary>Levels of the unstructured run: quick 5, full 10 (both to ~10.7 % of the weights: a tenth of the dense FLOPs,
    /// the chapter's example in notebook 02).</summary>
    public static int UnstructuredLevels(Budget budget) => Check.NotNull(budget).Choose(quick: 5, full: 10);

    /// <summary>Levels of the structured run: quick 6, full 12 (both to ~5.7 % of the weights: 19 and 5 neurons left in
    /// the hidden layers).</summary>
    public static int StructuredLevels(Budget budget) => Check.NotNull(budget).Choose(quick: 6, full: 12);

    /// <summary>
    /// Structured IMP: <see cref="Fraction"/> of the remaining neurons of each hidden layer per level, ranked by the ℓ1 norm
    /// of their input weights (Li et al. 2017); a removed neuron also takes the next layer's inputs that read it, so fc2
    /// shrinks by the square of the neurons' rate per level (the weights fall at about the rate of <see cref="Unstructured"/>).
    /// </summary>
    public static LotteryHparams Structured(Budget budget) => Unstructured(budget) with
    {
        Pruning = new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = Fraction(budget), UnitNorm = 1 },
    };

    /// <summary>Seeds of every experiment: three for quick (the least that gives a spread to decide from), five for full.</summary>
    public static IReadOnlyList<long> Seeds(Budget budget) => Check.NotNull(budget).Seeds(quick: 3, full: 5);

    /// <summary>Where the structured run's re-initialisation control trains: quick at levels 4 and 6 (~15 % and ~5.7 % of the
    /// weights, where the claims are read), full at every level.</summary>
    public static IReadOnlyList<int>? StructuredControlLevels(Budget budget) =>
        Check.NotNull(budget).Choose<IReadOnlyList<int>?>(quick: [4, 6], full: null);

    /// <summary>The unstructured ticket (no control: notebook 00 measures the unstructured re-initialisation).</summary>
    public static TicketExperiment UnstructuredExperiment(Budget budget, TrainingData data) =>
        new(Unstructured(budget), data, Seeds(budget)) { Levels = UnstructuredLevels(budget), Controls = [] };

    /// <summary>The structured ticket with its re-initialisation control (Liu et al.'s "train the small architecture from scratch").</summary>
    public static TicketExperiment StructuredExperiment(Budget budget, TrainingData data) =>
        new(Structured(budget), data, Seeds(budget))
        {
            Levels = StructuredLevels(budget), Controls = [TicketSeries.RandomReinit], ControlLevels = StructuredControlLevels(budget),
        };

    /// <summary>
    /// Filters: structured IMP of a narrow Conv-2 (8 filters per convolution, 32 units per hidden layer, at both budgets: the
    /// paper's 64 and 256 are out of a CPU's reach), half of every group's filters and neurons per level for two levels (to
    /// ~6 % of the weights), with the same architecture re-initialised at the last level. Quick: 2 epochs per level; full: 8.
    /// Evaluated once an epoch.
    /// </summary>
    public static TicketExperiment FilterExperiment(Budget budget, TrainingData data) => Units(budget, data,
        ModelHparams.Conv2(convWidth: 8, fcWidth: 32), 1.2e-3);

    /// <summary>
    /// Heads: structured IMP of a small Transformer encoder (2 blocks of 4 heads of width 8, embedding 32, MLP 64; rows of the
    /// image as tokens), half of every block's heads and MLP neurons per level for two levels (one head per block left),
    /// with the same architecture re-initialised at the last level. Adam 3·10⁻³. Quick: 2 epochs per level; full: 8.
    /// </summary>
    public static TicketExperiment HeadExperiment(Budget budget, TrainingData data) => Units(budget, data,
        ModelHparams.TinyTransformer(width: 32, headWidth: 8, mlpWidth: 64), 3e-3);

    static TicketExperiment Units(Budget budget, TrainingData data, ModelHparams model, double learningRate) =>
        new(new LotteryHparams
        {
            Model = model,
            Training = Training(budget) with
            {
                LearningRate = learningRate, Epochs = budget.Choose(quick: 2, full: 8),
                EvalEvery = Training(budget).IterationsPerEpoch(data.Train.Count),
            },
            Pruning = new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = 0.5, UnitNorm = 1 },
        }, data, Seeds(budget)) { Levels = 2, Controls = [TicketSeries.RandomReinit], ControlLevels = [2] };

    /// <summary>
    /// The speed measurement: LeNet-300-100 at 75–99 % sparsity, batches of 16 (does not fill the machine) and 1024
    /// (does), one libtorch thread (as the notebooks train). Quick: 10 timed runs per point (after 3 untimed ones,
    /// alternating with the dense network: enough for a median's spread on a shared machine, kept short because the
    /// notebook runs alone while it times); full: 30.
    /// </summary>
    public static SpeedSweep Speed(Budget budget) => new(ModelHparams.LeNet300100, [0.75, 0.9, 0.95, 0.98, 0.99], [16, 1024],
        Threads: 1, Warmup: 3, Repeats: Check.NotNull(budget).Choose(quick: 10, full: 30));

    /// <summary>The weights remaining (%) at which the moderate-sparsity claim is read: the controlled level nearest it.</summary>
    public const double ModeratePercent = 15;

    /// <summary>The sparsity at which the speed claims are read: a tenth of the weights left.</summary>
    public const double SpeedSparsity = 0.9;

    /// <summary>"Practically faster": at least this many times as fast as dense (<see cref="SpeedResult.BreakEvenSparsity"/>'s margin).</summary>
    public const double PracticalSpeedup = 1.1;

    /// <summary>
    /// The section's claims against this run: for each kind of unit — LeNet's neurons at moderate sparsity and at the
    /// sparsest level, Conv-2's filters, the Transformer's heads — the structured ticket beats the same smaller
    /// architecture re-initialised by more than the half point within which notebook 00 calls two networks matching
    /// (paired seed by seed); and, over the timing repeats at a tenth of the weights, the compacted network is practically
    /// faster than dense while the masked one is not, at both batch sizes.
    /// </summary>
    public static ClaimResult[] Claims(StructuredComparison neurons, TicketExperimentResult filters, TicketExperimentResult heads,
        SpeedResult speed)
    {
        Check.NotNull(neurons);
        Check.NotNull(filters);
        Check.NotNull(heads);
        Check.NotNull(speed);
        var controlled = neurons.Structured.RandomReinit.Points.Where(p => p.Level > 0).ToList();
        Check.That(controlled.Count > 0, "neurons must hold a structured run with its re-initialisation control.", nameof(neurons));
        var moderate = controlled.MinBy(p => Math.Abs(Math.Log(p.PercentRemaining / ModeratePercent)))!;
        var sparsest = controlled.MaxBy(p => p.Level)!;
        var claims = new List<ClaimResult>
        {
            Reinit("neurons-moderate", "whole neurons, at moderate sparsity", neurons.Structured, moderate.Level, "LeNet-300-100"),
        };
        if (sparsest.Level != moderate.Level)
            claims.Add(Reinit("neurons-sparsest", "whole neurons, at the sparsest level", neurons.Structured, sparsest.Level, "LeNet-300-100"));
        claims.Add(Reinit("filters", "whole filters (and neurons) of a convolutional network", filters, LastControl(filters, nameof(filters)),
            "Conv-2"));
        claims.Add(Reinit("heads", "whole attention heads (and MLP neurons) of a Transformer", heads, LastControl(heads, nameof(heads)),
            "Transformer", " A small Transformer trained for a few epochs varies from seed to seed by more than a gap of a few points."));
        foreach (int batch in speed.BatchSizes.Order().Reverse())
        {
            claims.Add(Faster(speed, SpeedVariants.Compacted, batch, "compacted-faster", ClaimSide.Above,
                "Structured pruning makes training practically faster: the compacted network, physically smaller, takes less time per step."));
            claims.Add(Faster(speed, SpeedVariants.Masked, batch, "masked-not-faster", ClaimSide.Below,
                "Unstructured pruning does not: the masked network on the dense kernel takes as long per step as the dense one."));
        }
        return [.. claims];
    }

    static int LastControl(TicketExperimentResult r, string name)
    {
        var levels = r.RandomReinit.Points.Where(p => p.Level > 0).ToList();
        Check.That(levels.Count > 0, $"{name} must hold a structured run with its re-initialisation control.", name);
        return levels.Max(p => p.Level);
    }

    static ClaimResult Reinit(string id, string units, TicketExperimentResult r, int level, string model, string also = "")
    {
        var ticket = r.At(TicketSeries.Ticket, level);
        return new Claim(id, F("Winning tickets can be found by removing {0}: the ticket's initialisation matters, so the same smaller " +
                "architecture trained from a fresh initialisation falls behind it.", units),
            F("structured ticket − the same architecture re-initialised, test accuracy at {0:0.0} % of the weights, {1} (points; two " +
                "networks within half a point match)", ticket.Average(t => t.PercentRemaining), model),
            WinningTickets.MatchTolerance, ClaimSide.Above)
        {
            Why = "Liu et al. found that a structurally pruned architecture trained from scratch does as well as the pruned network: then " +
                "the smaller architecture, not its initialisation, carries the accuracy — a good architecture, not a ticket. The " +
                "ticket's initialisation helps most where the network is tiny and the training short, so the answer moves with " +
                "sparsity and budget: trained longer, the re-initialised architecture catches up." + also,
        }.Against(Estimate.PairedDifference(r.SeedAccuracies(TicketSeries.Ticket, level), r.SeedAccuracies(TicketSeries.RandomReinit, level)));
    }

    static ClaimResult Faster(SpeedResult speed, string variant, int batch, string id, ClaimSide side, string statement)
    {
        var row = speed.At(variant, batch, SpeedSparsity);
        return new Claim($"{id}-batch-{batch}", statement,
            F("training-step speed-up over dense at {0:0} % sparsity, batch {1} ({2}; median of {3} runs timed alternately with " +
                "dense; practically faster: ≥ {4:0.0}×)", 100 * row.Sparsity, batch, LabelText.Variant(variant), row.Train.Repeats,
                PracticalSpeedup),
            PracticalSpeedup, side)
        {
            Format = "0.00",
            Timed = true,
            Why = "A small batch's step is mostly fixed costs — one call per layer, the optimizer's work per tensor — that removing units " +
                "does not remove, so the compacted network gains less than its arithmetic; a mask keeps every multiplication of " +
                "the dense kernel. Times on a shared machine are noisy, which is why each row is a median over runs paired with " +
                "dense ones.",
        }.Against(Estimate.OfMedian(speed.RunSpeedups(row)));
    }
}
