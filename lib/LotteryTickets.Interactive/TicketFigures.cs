using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>Frankle &amp; Carbin's figures for a <see cref="TicketExperimentResult"/>: accuracy and early-stop
/// iteration against the share of weights remaining (log axis, sparser to the right), with ±1 s.d. over seeds.</summary>
public static class TicketFigures
{
    /// <summary>Test accuracy (%) at the early-stop iteration against weights remaining (%).</summary>
    public static LineFigure Accuracy(TicketExperimentResult r) => Make(r, "accuracy-vs-weights-remaining",
        "Test accuracy at early stop", "test accuracy at early stop (%)", p => (p.MeanAccuracy, p.StdAccuracy));

    /// <summary>Early-stop iteration against weights remaining (%).</summary>
    public static LineFigure EarlyStop(TicketExperimentResult r) => Make(r, "early-stop-vs-weights-remaining",
        "Early-stop iteration (best validation accuracy)", "early-stop iteration", p => (p.MeanEarlyStopIteration, p.StdEarlyStopIteration));

    static LineFigure Make(TicketExperimentResult r, string name, string title, string yTitle,
        Func<TicketCurvePoint, (double Mean, double Std)> value)
    {
        Check.NotNull(r);
        var series = new[] { r.Ticket, r.RandomReinit, r.RandomMask }.Select(curve => Series(LabelText.Series(curve.Name), Plotted(curve),
            p => p.PercentRemaining, p => value(p).Mean, r.Seeds.Count > 1 ? p => value(p).Std : null)).ToList();
        string seeds = r.Seeds.Count > 1 ? $" (mean ± s.d. over {r.Seeds.Count} seeds)" : "";
        return new LineFigure(name, $"{title}{seeds} — {r.Hparams.Model.Name}", "weights remaining (%)", yTitle, series)
        { LogX = true, ReverseX = true };
    }

    // A ticket curve starts at the dense level 0; a control has no level 0 of its own (its curve may carry one).
    static IReadOnlyList<TicketCurvePoint> Plotted(TicketCurve curve) =>
        curve.Name == TicketSeries.Ticket ? curve.Points : curve.Points.Where(p => p.Level > 0).ToList();

    /// <summary>Accuracy curves of several runs on one figure (e.g. rewinding to init vs to step k).</summary>
    public static LineFigure Compare(string name, string title, params (string Label, TicketCurve Curve)[] curves)
    {
        Check.NotNull(curves);
        Check.That(curves.Length > 0, "curves must hold at least one curve.", nameof(curves));
        for (int i = 0; i < curves.Length; i++)
            Check.That(curves[i].Curve is not null, $"curves must not hold a null curve; entry {i} ('{curves[i].Label}') has none.", nameof(curves));
        var series = curves.Select(c => Series(c.Label, c.Curve.Points, p => p.PercentRemaining, p => p.MeanAccuracy,
            c.Curve.Points.Any(p => p.Seeds > 1) ? p => p.StdAccuracy : null)).ToList();
        return new LineFigure(name, title, "weights remaining (%)", "test accuracy at early stop (%)", series) { LogX = true, ReverseX = true };
    }

    /// <summary>
    /// Section 1's figure: structured and unstructured tickets, each with its random re-initialisation where it was trained,
    /// against weights remaining (the number of weights, not units, is the common axis).
    /// </summary>
    public static LineFigure Structured(StructuredComparison c)
    {
        Check.NotNull(c);
        static TicketCurve Pruned(TicketCurve curve) => curve with { Points = curve.Points.Where(p => p.Level > 0).ToList() };
        int seeds = c.Unstructured.Seeds.Count;
        var curves = new[]
        {
            ("unstructured ticket (global magnitude)", c.Unstructured.Ticket), ("unstructured, random re-init", Pruned(c.Unstructured.RandomReinit)),
            ("structured ticket (whole neurons)", c.Structured.Ticket),
            ("structured, random re-init (Liu et al.)", Pruned(c.Structured.RandomReinit)),
        };
        return Compare("structured-vs-unstructured",
            $"Structured vs unstructured tickets at equal weights{(seeds > 1 ? $" (mean ± s.d. over {seeds} seeds)" : "")} — " +
                $"{c.Unstructured.Hparams.Model.Name}",
            [.. curves.Where(x => x.Item2.Points.Count > 0)]); // a control not trained has no curve
    }

    /// <summary>
    /// Section 1's other unit kinds: each network's structured ticket beside the same architectures re-initialised (where
    /// its control was trained), against weights remaining (% of that network's).
    /// </summary>
    public static LineFigure Units(params (string Network, TicketExperimentResult Result)[] runs)
    {
        Check.NotNull(runs);
        Check.That(runs.Length > 0 && runs.All(r => r.Result is not null), "runs must hold at least one result, and no null.", nameof(runs));
        var series = runs.SelectMany(r => new[] { ($"{r.Network} ticket", r.Result.Ticket), ($"{r.Network}, random re-init", r.Result.RandomReinit) })
            .Select(x => Series(x.Item1, Plotted(x.Item2), p => p.PercentRemaining, p => p.MeanAccuracy, p => p.StdAccuracy))
            .Where(s => s.X.Count > 0).ToList();
        return new LineFigure("structured-units", "Structured tickets and the same architectures re-initialised (mean ± s.d. over seeds)",
            "weights remaining (% of the network's)", "test accuracy at early stop (%)", series) { LogX = true, ReverseX = true };
    }

    /// <summary>
    /// Section 3's figures: the tied and untied RNN tickets with their re-initialisations, against the share of each
    /// network's weights remaining (<paramref name="absolute"/> false) or against the number of weights remaining (true:
    /// the untied network starts with ~26× as many).
    /// </summary>
    public static LineFigure Tied(TiedComparison c, bool absolute)
    {
        Check.NotNull(c);
        int tiedSeeds = c.Tied.Seeds.Count, untiedSeeds = c.Untied.Seeds.Count;
        var series = new[] { ("tied ticket", c.Tied, c.Tied.Ticket), ("tied, random re-init", c.Tied, c.Tied.RandomReinit),
                             ("untied ticket", c.Untied, c.Untied.Ticket), ("untied, random re-init", c.Untied, c.Untied.RandomReinit) }
            .Select(x => Series(x.Item1, Plotted(x.Item3), p => absolute ? x.Item2.WeightsAt(p.PercentRemaining) : p.PercentRemaining,
                p => p.MeanAccuracy, x.Item2.Seeds.Count > 1 ? p => p.StdAccuracy : null)).Where(s => s.X.Count > 0).ToList();
        string err = (tiedSeeds, untiedSeeds) switch
        {
            (1, 1) => "",
            _ when tiedSeeds == untiedSeeds => $" (mean ± s.d. over {tiedSeeds} seeds)",
            _ => $" (mean ± s.d. over {tiedSeeds} tied and {untiedSeeds} untied seeds)",
        };
        return new LineFigure(absolute ? "tied-vs-untied-weights" : "tied-vs-untied-percent",
            absolute ? $"Tied vs untied RNN tickets at equal numbers of weights{err}"
                : $"Tied vs untied RNN tickets against the share of weights kept{err}",
            absolute ? "weights remaining (count)" : "weights remaining (% of the network's)", "test accuracy at early stop (%)", series)
        { LogX = true, ReverseX = true };
    }

    /// <summary>
    /// Section 3's learning curves: validation accuracy (%) after each evaluation, mean over seeds, of each network's dense
    /// level and of its ticket and random re-initialisation at the sparsest level where the control trained — how long
    /// each needs before it stops improving (the dense level may train longer: <see cref="LotteryHparams.DenseEpochs"/>).
    /// </summary>
    public static LineFigure TiedLearning(TiedComparison c)
    {
        Check.NotNull(c);
        var series = new List<FigureSeries>();
        foreach (var (name, r) in new[] { ("tied", c.Tied), ("untied", c.Untied) })
        {
            int level = r.RandomReinit.Points.Where(p => p.Level > 0).Select(p => p.Level).DefaultIfEmpty(r.Ticket.Points[^1].Level).Max();
            double percent = r.Ticket.AtLevel(level)?.PercentRemaining ?? 100;
            var lines = new[] { ($"{name} dense", TicketSeries.Ticket, 0),
                (F("{0} ticket, {1:0.#} %", name, percent), TicketSeries.Ticket, level),
                (F("{0} random re-init, {1:0.#} %", name, percent), TicketSeries.RandomReinit, level) };
            foreach (var (label, kind, at) in level == 0 ? lines.Take(1) : lines)
            {
                var runs = r.At(kind, at);
                if (runs.Count == 0) continue;
                int n = runs.Min(t => t.Evaluations.Count);
                double Mean(int i) => runs.Average(t => 100 * (t.Evaluations[i].ValidationAccuracy ?? t.Evaluations[i].TestAccuracy));
                series.Add(new FigureSeries(label, runs[0].Evaluations.Take(n).Select(e => e.Epoch).ToList(),
                    Enumerable.Range(0, n).Select(Mean).ToList()));
            }
        }
        return new LineFigure("tied-vs-untied-learning", "Validation accuracy while training, mean over seeds: dense network, ticket and re-init",
            "epoch", "validation accuracy (%)", series);
    }
}
