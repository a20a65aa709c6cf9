using System.Globalization;
using LotteryTickets.Lottery;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 1's comparison at equal numbers of weights: a structured ticket (whole neurons, filters or heads removed,
/// <c>structured_magnitude</c>) against the unstructured global-magnitude ticket, each beside its random
/// re-initialisation. The structured run's levels set the weight counts; the unstructured curves are read there by
/// interpolation in log(weights remaining) (<see cref="TicketCurve.AccuracyAt"/>). Liu et al. (2019) found that a
/// structurally pruned architecture trained from a fresh initialisation often does as well as the ticket: the
/// re-initialised structured control tests that here.
/// </summary>
/// <param name="Unstructured">IMP with global magnitude pruning and (at least) its re-initialisation control.</param>
/// <param name="Structured">IMP with structured magnitude pruning and (at least) its re-initialisation control.</param>
public sealed record StructuredComparison(TicketExperimentResult Unstructured, TicketExperimentResult Structured)
{
    /// <summary>One row per pruned structured level, at that level's weights remaining.</summary>
    public IReadOnlyList<StructuredComparisonPoint> Points =>
        Structured.Ticket.Points.Skip(1).Select(p => new StructuredComparisonPoint(p.Level, p.PercentRemaining,
            p.MeanAccuracy, Structured.RandomReinit.AtLevel(p.Level)?.MeanAccuracy,
            Unstructured.Ticket.AccuracyAt(p.PercentRemaining), Unstructured.RandomReinit.AccuracyAt(p.PercentRemaining))).ToList();

    /// <summary>The sparsest weights-remaining (%) at which <paramref name="curve"/> stays within <paramref name="tolerance"/> points of dense, at that and every denser level.</summary>
    public static double? SparsestWithin(TicketCurve curve, double dense, double tolerance = 1)
    {
        Check.NotNull(curve);
        Check.That(double.IsFinite(dense), $"dense must be an accuracy (a finite number); got {dense}.", nameof(dense));
        Check.NonNegative(tolerance);
        double? last = null;
        foreach (var p in curve.Points.Where(p => p.Level > 0).OrderBy(p => p.Level))
        {
            if (p.MeanAccuracy < dense - tolerance) break;
            last = p.PercentRemaining;
        }
        return last;
    }

    /// <summary>The measured numbers, as sentences a notebook can print.</summary>
    public IReadOnlyList<string> Findings()
    {
        var c = CultureInfo.InvariantCulture;
        double dense = Unstructured.DenseAccuracy;
        string Within(TicketCurve curve) => SparsestWithin(curve, dense) is double p ? string.Format(c, "{0:0.0} %", p) : "not even the first level";
        var lines = new List<string>
        {
            string.Format(c, "Dense network: {0:0.00} % (structured run's level 0: {1:0.00} %), mean of {2} seed(s).", dense, Structured.DenseAccuracy, Unstructured.Seeds.Count),
            string.Format(c, "Within 1 point of dense down to: unstructured ticket {0}, unstructured re-init {1}, structured ticket {2}, structured re-init {3} of the weights.",
                Within(Unstructured.Ticket), Within(Unstructured.RandomReinit), Within(Structured.Ticket), Within(Structured.RandomReinit)),
        };
        var points = Points;
        if (points.Count == 0) return lines;
        var last = points[^1];
        lines.Add(string.Format(c, "At {0:0.0} % of the weights (the sparsest structured level): unstructured ticket {1}, structured ticket {2:0.00} %, structured re-init {3}.",
            last.PercentRemaining, Percent(last.UnstructuredTicket), last.StructuredTicket, Percent(last.StructuredReinit)));
        var gaps = points.Where(p => p.StructuredReinit is not null).Select(p => p.StructuredTicket - p.StructuredReinit!.Value).ToList();
        var unstructuredGaps = Unstructured.Ticket.Points.Skip(1).Select(p => Unstructured.TicketAdvantageOverReinit(p.Level)).Where(double.IsFinite).ToList();
        if (gaps.Count > 0)
            lines.Add(string.Format(c,
                "Ticket − re-init, mean over levels: structured {0:+0.00;-0.00} points (largest {1:+0.00;-0.00}), unstructured {2:+0.00;-0.00} points (largest {3:+0.00;-0.00}). " +
                "Liu et al. predict ≈ 0 for the structured architecture; the unstructured gap is Frankle & Carbin's.",
                gaps.Average(), gaps.MaxBy(Math.Abs), unstructuredGaps.DefaultIfEmpty(double.NaN).Average(), unstructuredGaps.DefaultIfEmpty(double.NaN).MaxBy(Math.Abs)));
        var matched = points.Where(p => p.UnstructuredTicket is not null).ToList();
        if (matched.Count > 0)
            lines.Add(string.Format(c, "Unstructured − structured ticket at equal weights, mean over {0} levels: {1:+0.00;-0.00} points (at the sparsest: {2:+0.00;-0.00}).",
                matched.Count, matched.Average(p => p.UnstructuredTicket!.Value - p.StructuredTicket),
                matched[^1].UnstructuredTicket!.Value - matched[^1].StructuredTicket));
        return lines;

        string Percent(double? v) => v is double x ? string.Format(c, "{0:0.00} %", x) : "—";
    }
}

/// <summary>One structured level of a <see cref="StructuredComparison"/>: test accuracies (%) at its weights remaining.</summary>
/// <param name="Level">The structured run's level.</param>
/// <param name="PercentRemaining">Its weights remaining (%).</param>
/// <param name="StructuredTicket">The structured ticket.</param>
/// <param name="StructuredReinit">Its re-initialisation control (null if not trained).</param>
/// <param name="UnstructuredTicket">The unstructured ticket interpolated to this weight count (null outside its range).</param>
/// <param name="UnstructuredReinit">Its re-initialisation control, interpolated (null outside its range).</param>
public sealed record StructuredComparisonPoint(int Level, double PercentRemaining, double StructuredTicket, double? StructuredReinit,
    double? UnstructuredTicket, double? UnstructuredReinit);
