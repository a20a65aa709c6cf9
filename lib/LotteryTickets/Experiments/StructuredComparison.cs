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

    /// <summary>The sparsest weights-remaining (%) at which <paramref name="curve"/> stays within
    /// <paramref name="tolerance"/> points of dense, at that and every denser level.</summary>
    public static double? SparsestWithin(TicketCurve curve, double dense, double tolerance = 1)
    {
        Check.NotNull(curve);
        Check.That(double.IsFinite(dense), $"dense must be an accuracy (a finite number); got {dense}.", nameof(dense));
        Check.NonNegative(tolerance);
        return curve.Points.Where(p => p.Level > 0).OrderBy(p => p.Level).TakeWhile(p => !(p.MeanAccuracy < dense - tolerance))
            .LastOrDefault()?.PercentRemaining;
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
