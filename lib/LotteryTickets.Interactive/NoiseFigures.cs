using LotteryTickets.Experiments;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>Section 5's figures: the gradient noise scale B_simple = tr(Σ)/|G|² across levels and during training.</summary>
public static class NoiseFigures
{
    /// <summary>B_simple of each level (averaged over its training), plain and label-smoothed, against weights remaining.</summary>
    public static LineFigure AcrossLevels(SmoothingComparison c)
    {
        Check.NotNull(c);
        var series = new[] { ("plain cross-entropy", c.Plain),
            ($"label smoothing ε = {c.Smoothed.Hparams.Training.LabelSmoothing}", c.Smoothed) }.Select(x => Series(x.Item1,
                x.Item2.GradientNoise(), p => p.PercentRemaining, p => p.MeanNoiseScale, x.Item2.Seeds.Count > 1 ? p => p.StdNoiseScale : null))
            .ToList();
        var noise = c.Plain.Hparams.Training.GradientNoise;
        return new LineFigure("noise-scale-vs-weights-remaining",
            $"Gradient noise scale B_simple over each level's training (B_small = {noise?.SmallBatch}, B_big = {c.Plain.Hparams.Training.BatchSize})",
            "weights remaining (%)", "B_simple = tr Σ / |G|² (examples)", series) { LogX = true, ReverseX = true, LogY = true };
    }

    /// <summary>B_simple during training (windows of <paramref name="windowSteps"/> steps) at the dense level and the
    /// sparsest, plain and smoothed.</summary>
    public static LineFigure DuringTraining(SmoothingComparison c, int windowSteps = 100)
    {
        Check.NotNull(c);
        int last = c.Plain.Ticket.Points[^1].Level;
        var series = new List<FigureSeries>();
        foreach (var (label, r) in new[] { ("plain", c.Plain), ("smoothed", c.Smoothed) })
            foreach (var level in new[] { 0, last })
            {
                var points = r.NoiseScaleDuring(level, windowSteps).Where(p => double.IsFinite(p.NoiseScale) && p.NoiseScale > 0).ToList();
                double percent = r.Ticket.AtLevel(level)?.PercentRemaining ?? double.NaN;
                series.Add(Series(FormattableString.Invariant($"{label}, {percent:0.#} % of weights"), points, p => p.Step, p => p.NoiseScale));
            }
        return new LineFigure("noise-scale-during-training", $"B_simple during training (windows of {windowSteps} steps; dense and sparsest level)",
            "training step", "B_simple (examples)", series.Where(s => s.X.Count > 0).ToList()) { LogY = true };
    }
}
