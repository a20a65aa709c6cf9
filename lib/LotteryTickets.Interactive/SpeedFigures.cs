using LotteryTickets.Experiments;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>
/// The figures of a <see cref="SpeedResult"/>: measured speed-up over dense and η against weights remaining (log axis,
/// sparser to the right), one line per way of running the pruned network, beside the theoretical speed-up.
/// </summary>
public static class SpeedFigures
{
    private static IReadOnlyList<string> Variants => SpeedVariants.Pruned;

    /// <summary>
    /// Speed-up over the dense network (dense median ÷ median) of a training step (<paramref name="training"/>) or an
    /// inference batch, at <paramref name="batch"/>, with the theoretical speed-up dense MACs ÷ useful MACs and the
    /// break-even line at 1.
    /// </summary>
    public static LineFigure Speedup(SpeedResult r, int batch, bool training = true)
    {
        Check.NotNull(r);
        var series = PerVariant(r, batch, x => r.Speedup(x, training));
        series.Add(Series("theoretical (dense MACs ÷ useful MACs)", r.Of(SpeedVariants.Masked, batch), Remaining, r.TheoreticalSpeedup));
        var all = series.SelectMany(s => s.X).ToList();
        series.Add(new FigureSeries("break-even (= dense)", [all.Max(), all.Min()], [1.0, 1.0]));
        string what = training ? "training step" : "inference batch";
        return new LineFigure($"speedup-{(training ? "train" : "inference")}-batch-{batch}",
            $"Measured speed-up of one {what} over dense, batch {batch} — {r.Model}, {r.Threads} thread(s)",
            "weights remaining (%)", $"speed-up over dense {what} (×)", series) { LogX = true, ReverseX = true, LogY = true };
    }

    /// <summary>Hardware efficiency η = useful FLOP/s ÷ measured peak of a training step at <paramref name="batch"/>,
    /// per variant, dense as a line.</summary>
    public static LineFigure Efficiency(SpeedResult r, int batch)
    {
        Check.NotNull(r);
        var series = PerVariant(r, batch, x => r.Efficiency(x));
        var all = series.SelectMany(s => s.X).DefaultIfEmpty(100).ToList();
        double dense = r.Efficiency(r.Dense(batch));
        series.Insert(0, new FigureSeries("dense", [100.0, all.Min()], [dense, dense]));
        return new LineFigure($"eta-train-batch-{batch}",
            $"Hardware efficiency η of a training step, batch {batch} — peak {r.PeakFlopsPerSecond / 1e9:0.0} GFLOP/s measured, {r.Threads} " +
                "thread(s)",
            "weights remaining (%)", "η = useful FLOP/s ÷ peak FLOP/s", series) { LogX = true, ReverseX = true, LogY = true };
    }

    // One line per pruned variant measured at this batch size.
    private static List<FigureSeries> PerVariant(SpeedResult r, int batch, Func<SpeedRow, double> y) =>
        Variants.Select(v => Series(LabelText.Variant(v), r.Of(v, batch), Remaining, y)).Where(s => s.X.Count > 0).ToList();

    private static double Remaining(SpeedRow row) => 100 * (1 - row.Sparsity);
}
