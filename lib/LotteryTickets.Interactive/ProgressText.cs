using LotteryTickets.Experiments;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>
/// The words of a live progress line for an <see cref="ExperimentProgress"/>, e.g.
/// "students distilled · seed 1 · winning ticket (rewound) · level 3 (51.2 % left) · iteration 400/1170 · test 97.1 %",
/// "batch 60 · 50 % sparse · masked", or "12/40 cells" where the report says no more than its count.
/// </summary>
public static class ProgressText
{
    /// <summary>The line for <paramref name="progress"/>: its stage, then what it trains or times, else its count.</summary>
    public static string Of(ExperimentProgress progress)
    {
        var parts = new List<string>();
        if (progress.Stage is { } stage) parts.Add(stage);
        if (progress.Training is { } t)
        {
            if (t.Seed is long seed) parts.Add(F("seed {0}", seed));
            if (t.Series is { } series)
                parts.Add(F("{0} · level {1} ({2:0.0} % left)", LabelText.Series(series), t.Level, t.PercentRemaining));
            parts.Add(t.Loaded ? "loaded from the run store" : F("iteration {0}/{1}", t.Iteration, t.TotalIterations));
            parts.Add(F("test {0:P1}", t.TestAccuracy));
        }
        else if (progress.Timing is { } m)
            parts.Add(m.Variant switch
            {
                null => F("peak {0:0.0} GFLOP/s", m.PeakFlopsPerSecond / 1e9),
                SpeedVariants.Dense => F("batch {0} · dense", m.Batch),
                _ => F("batch {0} · {1:0.#} % sparse · {2}", m.Batch, 100 * m.Sparsity, m.Variant),
            });
        else
            parts.Add(F("{0}/{1} {2}", progress.Completed, progress.Total, progress.Unit));
        return string.Join(" · ", parts);
    }
}
