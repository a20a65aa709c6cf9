using LotteryTickets.Experiments;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>The measured speeds and the race to a target accuracy, one sentence each, for a notebook to print
/// (<c>string.Join("\n", speed.Findings())</c>).</summary>
public static class SpeedFindings
{
    /// <summary>The machine and its peak, then per batch size the dense step and each pruned variant's speed-ups and break-even sparsity.</summary>
    public static IReadOnlyList<string> Findings(this SpeedResult r)
    {
        Check.NotNull(r);
        List<string> lines = [F("Machine: {0}; libtorch on {1} thread(s); measured peak {2:0.0} GFLOP/s (float32 matmul){3}.", r.Machine,
            r.Threads, r.PeakFlopsPerSecond / 1e9,
            r.TheoreticalPeakFlopsPerSecond is double t ? F(", data-sheet estimate {0:0.0} GFLOP/s", t / 1e9) : "")];
        foreach (int b in r.BatchSizes)
        {
            var d = r.Dense(b);
            lines.Add(F("Batch {0}: dense training step {1:0.000} ms (η = {2:0.00}), inference {3:0.000} ms.", b, 1e3 * d.Train.Median,
                r.Efficiency(d), 1e3 * d.Inference.Median));
            foreach (var v in SpeedVariants.Pruned)
            {
                var rows = r.Of(v, b);
                if (rows.Count == 0) continue;
                var parts = rows.Select(x => F("{0:0.#} % → {1:0.00}× (theory {2:0.0}×, η {3:0.000})",
                    100 * x.Sparsity, r.Speedup(x), r.TheoreticalSpeedup(x), r.Efficiency(x)));
                var even = r.BreakEvenSparsity(v, b);
                lines.Add(F("  {0}, training-step speed-up: {1}; {2}.", LabelText.Variant(v), string.Join("; ", parts),
                    even is double e ? F("≥ 1.1× dense from {0:0.#} % sparsity on", 100 * e) : "never 1.1× dense here"));
            }
        }
        return lines;
    }

    /// <summary>The dense network's time to the target, each variant's best ticket with its factors, and the winner.</summary>
    public static IReadOnlyList<string> Findings(this RaceToTarget r)
    {
        Check.NotNull(r);
        var dense = r.Dense;
        List<string> lines = [dense.Reached
            ? F("Target {0:P1} validation accuracy. Dense: {1:0} steps × {2:0.000} ms = {3:0.00} s of training steps (η = {4:0.00}).",
                r.Target, dense.Steps, 1e3 * dense.SecondsPerStep, dense.SecondsToTarget, dense.Eta)
            : F("Target {0:P1} validation accuracy: the dense network never reached it — lower the target.", r.Target)];
        foreach (var v in SpeedVariants.Pruned)
        {
            var entries = r.Of(v);
            if (entries.Count == 0) continue;
            var reached = entries.Where(e => e.Reached).ToList();
            string best = reached.Count == 0 ? "no level reached the target"
                : string.Join("; ", reached.OrderBy(e => e.TimeRatio).Take(1).Select(e => F(
                    "best at {0:0.#} % of the weights: {1:0.00}× the dense time (steps ×{2:0.00}, FLOPs ×{3:0.000}, η {4:0.000} vs dense " +
                        "{5:0.00}); {6:0.0}× counting IMP's search",
                    e.PercentRemaining, e.TimeRatio, e.StepRatio, e.FlopFraction, e.Eta, e.DenseEta, e.TimeRatioWithSearch)));
            int missed = entries.Count - reached.Count;
            lines.Add(F("{0}: {1}{2}.", LabelText.Variant(v), best,
                missed > 0 ? F("; {0} of {1} levels never reached the target", missed, entries.Count) : ""));
        }
        var w = r.Winner;
        lines.Add(w == dense ? "Winner of the race on this machine: the dense network."
            : F("Winner of the race on this machine: {0} at {1:0.#} % of the weights, in {2:0.00}× the dense time.",
                LabelText.Variant(w.Variant), w.PercentRemaining, w.TimeRatio));
        return lines;
    }
}
