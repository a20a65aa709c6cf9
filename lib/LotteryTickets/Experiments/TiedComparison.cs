namespace LotteryTickets.Experiments;

/// <summary>
/// Section 3's comparison: IMP tickets of a recurrent network whose weights are tied across its time steps (one
/// W_x, W_h, b for all T steps; a pruned entry is gone at every step) against the untied network (one set per step,
/// about T times the weights), each beside its random re-initialisation. The two are compared at equal shares of
/// their weights and at equal absolute numbers of weights (<see cref="AtEqualWeights"/>, read by interpolation in
/// log(weights) on the other curve, never extrapolated).
/// </summary>
/// <param name="Tied">IMP on the tied RNN with (at least) its re-initialisation control.</param>
/// <param name="Untied">IMP on the untied RNN with (at least) its re-initialisation control.</param>
public sealed record TiedComparison(TicketExperimentResult Tied, TicketExperimentResult Untied)
{
    /// <summary>
    /// Every pruned level of both networks, with the other network's ticket read at the same absolute number of
    /// weights where its curve reaches that count (null where it does not).
    /// </summary>
    public IReadOnlyList<TiedComparisonPoint> AtEqualWeights => Of(Tied, Untied, "tied").Concat(Of(Untied, Tied, "untied")).ToList();

    private static IEnumerable<TiedComparisonPoint> Of(TicketExperimentResult own, TicketExperimentResult other, string name) =>
        own.Ticket.Points.Select(p =>
        {
            double weights = own.WeightsAt(p.PercentRemaining);
            double otherPercent = 100 * weights / other.PrunableWeights;
            double? otherAccuracy = otherPercent > 0 && otherPercent <= 100 ? other.Ticket.AccuracyAt(otherPercent) : null;
            return new TiedComparisonPoint(name, p.Level, p.PercentRemaining, weights, p.MeanAccuracy, p.StdAccuracy,
                own.RandomReinit.AtLevel(p.Level)?.MeanAccuracy, otherAccuracy);
        });
}

/// <summary>One pruned level of a <see cref="TiedComparison"/>.</summary>
/// <param name="Model"><c>"tied"</c> or <c>"untied"</c>.</param>
/// <param name="Level">0 = dense.</param>
/// <param name="PercentRemaining">Weights remaining (% of this network's).</param>
/// <param name="Weights">Weights remaining (count).</param>
/// <param name="Ticket">The ticket's test accuracy (%), mean over seeds.</param>
/// <param name="TicketStd">Its s.d. over seeds.</param>
/// <param name="Reinit">The random re-initialisation's accuracy (%), or null without the control (and at level 0).</param>
/// <param name="OtherTicket">The other network's ticket read at the same number of weights, or null where its curve does not reach it.</param>
public sealed record TiedComparisonPoint(string Model, int Level, double PercentRemaining, double Weights, double Ticket, double TicketStd,
    double? Reinit, double? OtherTicket);
