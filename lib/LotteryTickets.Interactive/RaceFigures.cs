using LotteryTickets.Experiments;
using LotteryTickets.Hardware;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>The figures of section 2's race to a target accuracy (<see cref="RaceToTarget"/>).</summary>
public static class RaceFigures
{
    private static IReadOnlyList<string> Variants => SpeedVariants.Pruned;

    /// <summary>Steps to the target against weights remaining: unstructured and structured tickets, the dense network
    /// as a line (±1 s.d. over seeds).</summary>
    public static LineFigure StepsToTarget(RaceToTarget race)
    {
        Check.NotNull(race);
        var series = new[] { (SpeedVariants.Masked, "unstructured ticket"), (SpeedVariants.Compacted, "structured ticket") }
            .Select(p => Series(p.Item2, race.Of(p.Item1).Where(x => x.Reached), x => x.PercentRemaining, x => x.Steps, x => x.StepsStd))
            .Where(s => s.X.Count > 0).ToList();
        if (race.Dense.Reached)
        {
            double min = series.SelectMany(s => s.X).DefaultIfEmpty(100).Min();
            series.Insert(0, new FigureSeries("dense", [100.0, min], [race.Dense.Steps, race.Dense.Steps]));
        }
        return new LineFigure("steps-to-target",
            $"Training steps to {race.Target:P0} validation accuracy (levels that never reach it are left out)",
            "weights remaining (%)", "steps to target", series) { LogX = true, ReverseX = true };
    }

    /// <summary>Time to the target ÷ the dense network's, measured, per way of running the tickets, without and with the
    /// IMP search that found each ticket (<see cref="RaceEntry.TimeRatioWithSearch"/>); below 1 the ticket wins.</summary>
    public static LineFigure TimeRatio(RaceToTarget race)
    {
        Check.NotNull(race);
        var series = Variants.Select(v => Series(LabelText.Variant(v), Finite(race, v), x => x.PercentRemaining, x => x.TimeRatio))
            .Concat(Variants.Select(v => Series(LabelText.Variant(v) + " + IMP's search", Finite(race, v), x => x.PercentRemaining,
                x => x.TimeRatioWithSearch)))
            .Where(s => s.X.Count > 0).ToList();
        var xs = series.SelectMany(s => s.X).DefaultIfEmpty(100).ToList();
        series.Add(new FigureSeries("break-even (= dense)", [xs.Max(), xs.Min()], [1.0, 1.0]));
        return new LineFigure("time-to-target-ratio",
            $"Time to {race.Target:P0} validation accuracy ÷ dense, batch {race.Batch} (measured steps × measured seconds per step)",
            "weights remaining (%)", "time to target ÷ dense (×)", series) { LogX = true, ReverseX = true, LogY = true };
    }

    /// <summary>
    /// The cost model's map: log₁₀ of time ratio sparse ÷ dense = (steps ratio × FLOP fraction) × η_dense ÷ η_sparse
    /// (<see cref="TimeToTrain.SparseOverDense"/>) over the work fraction (x) and the efficiency ratio
    /// η_sparse ÷ η_dense (y), both log-spaced; the break-even line y = x, above which the ratio x ÷ y is below 1 and the
    /// sparse network wins (the title says so, read off the cost model); the chapter's example η ratio 0.10 ÷ 0.60 as a
    /// horizontal line; and the runners measured here as points.
    /// </summary>
    public static HeatmapFigure TradeOff(RaceToTarget race, (double Dense, double Sparse) chapterEta)
    {
        Check.NotNull(race);
        Check.That(double.IsFinite(chapterEta.Dense) && chapterEta.Dense > 0 && double.IsFinite(chapterEta.Sparse) && chapterEta.Sparse > 0,
            $"chapterEta must hold two finite efficiencies > 0; got ({chapterEta.Dense}, {chapterEta.Sparse}).", nameof(chapterEta));
        const int cells = 41;
        var x = Enumerable.Range(0, cells).Select(i => Math.Pow(10, -3 + 3.0 * i / (cells - 1))).ToList();   // 0.001 … 1
        var y = Enumerable.Range(0, cells).Select(i => Math.Pow(10, -3 + 3.5 * i / (cells - 1))).ToList();   // 0.001 … ~3.2
        var z = y.Select(yy => (IReadOnlyList<double>)x.Select(xx => Math.Log10(CostModelRatio(xx, yy))).ToList()).ToList();
        double chapter = chapterEta.Sparse / chapterEta.Dense;
        var points = Variants.Select(v => Series(LabelText.Variant(v), Finite(race, v), e => e.StepRatio * e.FlopFraction, e => e.Eta / e.DenseEta))
            .Where(s => s.X.Count > 0).ToList();
        return new HeatmapFigure("cost-model-trade-off",
            $"Time-to-train cost model: log₁₀(sparse time ÷ dense time) — sparse wins {WinningSide()} the break-even line",
            "work fraction: steps ratio × FLOP fraction", "efficiency ratio η_sparse ÷ η_dense", "log₁₀ time ratio", x, y, z)
        {
            Overlays =
            [
                new FigureSeries("break-even: time ratio = 1", [x[0], x[^1]], [x[0], x[^1]]),
                new FigureSeries($"chapter's example η {chapterEta.Sparse:0.00} ÷ {chapterEta.Dense:0.00}", [x[0], x[^1]], [chapter, chapter]),
            ],
            Points = points,
            LogAxes = true,
            ZRange = (-2, 2),
        };
    }

    // η_dense of the map's cells: any value with η_dense × (the largest y, 10^0.5) ≤ 1 gives the same ratios (it cancels).
    private const double MapDenseEta = 0.25;

    // The cost model's time ratio at work fraction x and efficiency ratio y = η_sparse ÷ η_dense.
    private static double CostModelRatio(double workFraction, double etaRatio) =>
        TimeToTrain.SparseOverDense(workFraction, etaRatio * MapDenseEta, MapDenseEta);

    // The side of the break-even line y = x on which the cost model's ratio is below 1, read off one point on each side,
    // so that the title cannot disagree with the colours.
    private static string WinningSide() => (CostModelRatio(0.1, 0.5) < 1, CostModelRatio(0.5, 0.1) < 1) switch
    {
        (true, false) => "above",
        (false, true) => "below",
        _ => throw new InvalidOperationException("the cost model's time ratio does not change side at the diagonal y = x."),
    };

    // The entries of a variant whose time ratio was measured.
    private static IEnumerable<RaceEntry> Finite(RaceToTarget race, string variant) => race.Of(variant).Where(e => double.IsFinite(e.TimeRatio));
}
