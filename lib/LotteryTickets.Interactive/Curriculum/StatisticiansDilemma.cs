using LotteryTickets.Design;
using LotteryTickets.Experiments;
using LotteryTickets.Models;
using LotteryTickets.Statistics;
using LotteryTickets.Training;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>Notebook 09 (the statistician's dilemma): the row-selection sweeps its cells and its solutions share, per
/// <see cref="Budget"/>.</summary>
public static class StatisticiansDilemma
{
    /// <summary>
    /// Random 40 × 5 matrices with log-normal row scales of spread <paramref name="rowScaleSpread"/>, k from p = 5 to
    /// m = 40, seed 9; quick 10 matrices per k, full 50; 20 random k-row selections per matrix as the baseline of no rule.
    /// </summary>
    public static DesignComparisonSweep Random(Budget budget, double rowScaleSpread = 1.0) =>
        new(Rows: 40, Columns: 5, SubsetSizes: [5, 6, 8, 10, 15, 20, 25, 30, 35, 40], Trials: Check.NotNull(budget).Choose(10, 50), Seed: 9,
            RowScaleSpread: rowScaleSpread, RandomDraws: 20);

    /// <summary>The k (of fc2's 100 units) at which the claims are read, fixed in advance: twice p = 10.</summary>
    public const int ClaimSubsetSize = 20;

    /// <summary>
    /// fc2's 100 units of the shared trained networks (<see cref="OmpFindsTheTicket.Networks"/>), kept by A-optimality on the
    /// activation design with p = 10 (the read-out's outputs), by notebook 01's magnitude rule (ℓ1 norm of the incoming
    /// weights) and at random; quick k ∈ {10, 15, 20, 30, 50} with 100 random draws (the first 20 refitted for accuracy),
    /// full k ∈ {10, 12, 15, 20, 30, 40, 50, 70} with 400 (100 refitted).
    /// </summary>
    public static UnitSelectionSweep Units(Budget budget, TrainingData data) =>
        new(OmpFindsTheTicket.Networks(budget, data), LeNetLayer.Fc2,
            Check.NotNull(budget).Choose<IReadOnlyList<int>>(quick: [10, 15, ClaimSubsetSize, 30, 50],
                full: [10, 12, 15, ClaimSubsetSize, 30, 40, 50, 70]),
            Components: 10, RandomDraws: budget.Choose(quick: 100, full: 400), Seed: 9, UnitNorm: 1,
            RefitDraws: budget.Choose(quick: 20, full: 100));

    /// <summary>The k (of 40 rows in p = 5) at which the random-matrix claim is read: twice p.</summary>
    public const int RandomClaimSubsetSize = 10;

    /// <summary>
    /// The section's claims against this run, read at k = <see cref="ClaimSubsetSize"/> of the layer's units (and
    /// k = <see cref="RandomClaimSubsetSize"/> of the random 40 × 5 matrices), fixed in advance: that notebook 01's magnitude
    /// rule is nearly A-efficient on the units' activation design and keeps more of the same units than chance, that it
    /// beats random units on the design, that the A-optimal units are the better ones to keep once the read-out is refitted
    /// (against random units) and that magnitude costs little accuracy against them; and that on random matrices with very
    /// unequal row norms (<paramref name="wild"/>) magnitude is nearly A-efficient. Network claims are estimated over the
    /// networks (paired where two rules meet on the same network); the random-matrix claim over its matrices.
    /// </summary>
    public static ClaimResult[] Claims(DesignComparisonResult wild, UnitSelectionResult units)
    {
        Check.NotNull(wild);
        Check.NotNull(units);
        Check.That(units.SubsetSizes.Contains(ClaimSubsetSize), $"units must hold k = {ClaimSubsetSize}, where the claims are read.",
            nameof(units));
        var matrices = wild.At(RandomClaimSubsetSize);
        Check.That(matrices is not null, $"wild must hold k = {RandomClaimSubsetSize}, where the claim is read.", nameof(wild));
        var at = units.At(ClaimSubsetSize);
        string where = F("k = {0} of {1} {2} units, over {3} trained networks", ClaimSubsetSize, units.Units, SerialNames.Of(units.Layer),
            at.Count);
        string design = F("on the units' activation design (p = {0})", units.Components);
        string random = F("{0} random draws", units.RandomDraws), refitted = F("{0} random draws", units.RefitDraws);
        string exchange = at.Any(p => p.OptimalMethod != "exact") ? " (A-optimal found by exchange, a local optimum: an upper bound)" : "";
        const string Aligned = "The magnitude heuristic and the A-optimal choice of a layer's units often align very closely.";
        var e = at.Select(p => p.MagnitudeEfficiency).ToList();
        return
        [
            new Claim("align-closely", Aligned,
                F("A-efficiency of notebook 01's magnitude rule (ℓ1 norm of incoming weights) {0}, {1}{2} (1 = A-optimal)", design, where,
                    exchange), 0.8, ClaimSide.Above)
            {
                Why = "Magnitude judges each unit alone, by its size. The A-criterion asks how well the kept units together span the " +
                    "directions the read-out uses. The largest units of a trained layer respond to the same strokes, so keeping the " +
                    "largest keeps redundant units and leaves some directions uncovered; and a unit's incoming norm is not even " +
                    "invariant to ReLU's rescaling of its incoming and outgoing weights, which leaves the function unchanged.",
            }.Against(Estimate.Of(e)),
            new Claim("overlap-beyond-chance", Aligned + " (They keep the same units.)",
                F("Jaccard overlap of the magnitude and A-optimal units − that of two random selections (closed form), {0}", where), 0,
                ClaimSide.Above)
            {
                Why = "If magnitude ranked units the way their joint coverage does, the two rules would share more units than two " +
                    "random choices; a size ranking that ignores redundancy need not.",
            }.Against(Estimate.Of(at.Select(p => p.MagnitudeJaccard - p.ChanceJaccard))),
            new Claim("magnitude-beats-random-design", "Keeping units by magnitude is better than keeping them by no rule at all.",
                F("A-efficiency of magnitude − mean of {0} {1}, {2}", random, design, where), 0, ClaimSide.Above)
            {
                Why = "Random units are spread over the layer's directions by chance; the largest units crowd into the directions the " +
                    "strongest features share, which can leave the design worse covered than a random choice.",
            }.Against(Estimate.PairedDifference(e, at.Select(p => p.RandomEfficiency).ToList())),
            new Claim("design-predicts-accuracy",
                "The A-optimal units are the better units to keep: after refitting the read-out they classify better than random units.",
                F("test accuracy of the least-squares read-out refitted on the A-optimal units − mean over {0}, {1} (points)", refitted,
                    where),
                0, ClaimSide.Above)
            {
                Why = "The A-criterion bounds how much of the layer's top directions the kept units lose, not the classification " +
                    "error itself; where the classes are read from directions beyond the top p, the bound says little.",
            }.Against(Estimate.PairedDifference(at.Select(p => p.OptimalAccuracy).ToList(), at.Select(p => p.RandomAccuracy).ToList())),
            new Claim("magnitude-accuracy-close", "Keeping units by magnitude costs little accuracy against keeping the A-optimal ones.",
                F("test accuracy after refitting, A-optimal − magnitude units, {0} (points; within half a point: close)", where), 0.5,
                ClaimSide.Below)
            {
                Why = "Redundant large units repeat what the others already carry, so the read-out refitted on them has fewer " +
                    "independent features to separate the digits with than the A-optimal units give it.",
            }.Against(Estimate.PairedDifference(at.Select(p => p.OptimalAccuracy).ToList(), at.Select(p => p.MagnitudeAccuracy).ToList())),
            new Claim("random-matrices-align",
                "Where row norms are very unequal, magnitude is nearly A-efficient once it keeps a few times p rows.",
                F("A-efficiency of the row-norm rule at k = {0} of {1} rows in p = {2} ({3}), over {4} matrices (1 = A-optimal)",
                    RandomClaimSubsetSize, wild.Rows, wild.Columns, wild.Source, matrices!.Trials), 0.8, ClaimSide.Above)
            {
                Why = "With few rows per direction the largest rows may still share a direction and leave another uncovered.",
            }.Against(new Estimate(matrices.Efficiency, matrices.EfficiencyStandardError, matrices.Trials)),
        ];
    }
}
