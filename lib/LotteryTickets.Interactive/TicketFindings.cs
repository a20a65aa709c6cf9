using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>The paper's claims stated against the measured numbers of the IMP experiments and the comparisons built of
/// them, one sentence each, for a notebook to print (<c>string.Join("\n", result.Findings())</c>).</summary>
public static class TicketFindings
{
    /// <summary>Dense accuracy, how far the ticket stays near it, the controls at the sparsest level, the best ticket and the wall time.</summary>
    public static IReadOnlyList<string> Findings(this TicketExperimentResult r)
    {
        Check.NotNull(r);
        string model = r.Hparams.Model.Name == "lenet_300_100" ? "LeNet" : r.Hparams.Model.Name;
        List<string> lines = [F("Dense {0}: {1:0.00} % test accuracy at its early-stop iteration (mean of {2} seed(s)).", model, r.DenseAccuracy,
            r.Seeds.Count)];
        var within = r.SparsestWithinDense();
        lines.Add(within is null
            ? "The ticket falls more than 0.5 point below dense accuracy already at the first pruning level."
            : F("The ticket stays within 0.5 point of dense accuracy (or above it) down to {0:0.0} % of weights remaining ({1:0.00} %).",
                within.PercentRemaining, within.MeanAccuracy));
        var sparsest = r.Ticket.Points[^1];
        var controls = new List<string>();
        if (r.RandomReinit.AtLevel(sparsest.Level) is { } reinit)
            controls.Add(F("random re-init {0:0.00} % (ticket − re-init = {1:+0.00;-0.00} points)", reinit.MeanAccuracy,
                r.TicketAdvantageOverReinit(sparsest.Level)));
        if (r.RandomMask.AtLevel(sparsest.Level) is { } m)
            controls.Add(F("random mask {0:0.00} %", m.MeanAccuracy));
        lines.Add(F("At {0:0.0} % remaining: ticket {1:0.00} %{2}.", sparsest.PercentRemaining, sparsest.MeanAccuracy,
            controls.Count == 0 ? "" : ", " + string.Join(", ", controls)));
        var best = r.Ticket.Points.Skip(1).DefaultIfEmpty(r.Ticket.Points[0]).MaxBy(p => p.MeanAccuracy)!;
        lines.Add(F("Best pruned ticket: {0:0.00} % at {1:0.0} % remaining; early stop moved from iteration {2:0} (dense) to {3:0} (sparsest).",
            best.MeanAccuracy, best.PercentRemaining, r.Ticket.Points[0].MeanEarlyStopIteration, sparsest.MeanEarlyStopIteration));
        int controlCount = (r.RandomReinit.Points.Count > 0 ? 1 : 0) + (r.RandomMask.Points.Count > 0 ? 1 : 0);
        lines.Add(F("Wall time: {0:0} s for {1} seed(s) × ({2} IMP levels + {3} control(s)).", r.Seconds, r.Seeds.Count,
            r.Ticket.Points.Count, controlCount));
        return lines;
    }

    /// <summary>Structured against unstructured tickets at equal weights, each beside its re-initialisation (Liu et al.'s test).</summary>
    public static IReadOnlyList<string> Findings(this StructuredComparison r)
    {
        Check.NotNull(r);
        double dense = r.Unstructured.DenseAccuracy;
        string Within(TicketCurve curve) => StructuredComparison.SparsestWithin(curve, dense) is double p ? F("{0:0.0} %", p)
            : "not even the first level";
        var lines = new List<string>
        {
            F("Dense network: {0:0.00} % (structured run's level 0: {1:0.00} %), mean of {2} seed(s).", dense,
                r.Structured.DenseAccuracy, r.Unstructured.Seeds.Count),
            F("Within 1 point of dense down to: unstructured ticket {0}, unstructured re-init {1}, structured ticket {2}, structured re-init {3} " +
                    "of the weights.",
                Within(r.Unstructured.Ticket), Within(r.Unstructured.RandomReinit), Within(r.Structured.Ticket), Within(r.Structured.RandomReinit)),
        };
        var points = r.Points;
        if (points.Count == 0) return lines;
        var last = points[^1];
        lines.Add(F(
            "At {0:0.0} % of the weights (the sparsest structured level): unstructured ticket {1}, structured ticket {2:0.00} %, structured " +
                "re-init {3}.",
            last.PercentRemaining, Percent(last.UnstructuredTicket), last.StructuredTicket, Percent(last.StructuredReinit)));
        var gaps = points.Where(p => p.StructuredReinit is not null).Select(p => p.StructuredTicket - p.StructuredReinit!.Value).ToList();
        var unstructuredGaps = r.Unstructured.Ticket.Points.Skip(1).Select(p =>
            r.Unstructured.TicketAdvantageOverReinit(p.Level)).Where(double.IsFinite).ToList();
        if (gaps.Count > 0)
            lines.Add(F(
                "Ticket − re-init, mean over levels: structured {0:+0.00;-0.00} points (largest {1:+0.00;-0.00}), unstructured {2:+0.00;-0.00} " +
                    "points (largest {3:+0.00;-0.00}). " +
                "Liu et al. predict ≈ 0 for the structured architecture; the unstructured gap is Frankle & Carbin's.",
                gaps.Average(), gaps.MaxBy(Math.Abs), unstructuredGaps.DefaultIfEmpty(double.NaN).Average(),
                unstructuredGaps.DefaultIfEmpty(double.NaN).MaxBy(Math.Abs)));
        var matched = points.Where(p => p.UnstructuredTicket is not null).ToList();
        if (matched.Count > 0)
            lines.Add(F(
                "Unstructured − structured ticket at equal weights, mean over {0} levels: {1:+0.00;-0.00} points (at the sparsest: {2:+0.00;-0.00}).",
                matched.Count, matched.Average(p => p.UnstructuredTicket!.Value - p.StructuredTicket),
                matched[^1].UnstructuredTicket!.Value - matched[^1].StructuredTicket));
        return lines;

        string Percent(double? v) => v is double x ? F("{0:0.00} %", x) : "—";
    }
}
