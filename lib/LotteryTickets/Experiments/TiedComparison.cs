using System.Globalization;
using LotteryTickets.Lottery;

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
    public IReadOnlyList<TiedComparisonPoint> AtEqualWeights
    {
        get
        {
            IEnumerable<TiedComparisonPoint> Of(TicketExperimentResult own, TicketExperimentResult other, string name) =>
                own.Ticket.Points.Select(p =>
                {
                    double weights = own.WeightsAt(p.PercentRemaining);
                    double otherPercent = 100 * weights / other.PrunableWeights;
                    double? otherAccuracy = otherPercent > 0 && otherPercent <= 100 ? other.Ticket.AccuracyAt(otherPercent) : null;
                    return new TiedComparisonPoint(name, p.Level, p.PercentRemaining, weights, p.MeanAccuracy, p.StdAccuracy,
                        own.RandomReinit.AtLevel(p.Level)?.MeanAccuracy, otherAccuracy);
                });
            return Of(Tied, Untied, "tied").Concat(Of(Untied, Tied, "untied")).ToList();
        }
    }

    /// <summary>The measured numbers, as sentences a notebook can print.</summary>
    public IReadOnlyList<string> Findings()
    {
        var c = CultureInfo.InvariantCulture;
        string Within(TicketExperimentResult r, TicketCurve curve) =>
            StructuredComparison.SparsestWithin(curve, r.DenseAccuracy) is double p ? string.Format(c, "{0:0.0} % ({1:N0} weights)", p, r.WeightsAt(p)) : "not even the first level";
        string Gap(TicketExperimentResult r)
        {
            var gaps = r.Ticket.Points.Skip(1).Select(p => r.TicketAdvantageOverReinit(p.Level)).Where(double.IsFinite).ToList();
            var last = r.Ticket.Points[^1];
            return gaps.Count == 0 ? "no re-init control"
                : string.Format(c, "{0:+0.00;-0.00} points at {1:0.0} % ({2:0.00} % vs {3:0.00} %), {4:+0.00;-0.00} on average over levels",
                    r.TicketAdvantageOverReinit(last.Level), last.PercentRemaining, last.MeanAccuracy, r.RandomReinit.AtLevel(last.Level)?.MeanAccuracy ?? double.NaN, gaps.Average());
        }
        int seeds = Tied.Seeds.Count;
        var lines = new List<string>
        {
            string.Format(c, "Dense: tied RNN {0:0.00} % with {1:N0} weights, untied RNN {2:0.00} % with {3:N0} weights ({4:0.0}× as many); mean of {5} seed(s).",
                Tied.DenseAccuracy, Tied.PrunableWeights, Untied.DenseAccuracy, Untied.PrunableWeights, (double)Untied.PrunableWeights / Tied.PrunableWeights, seeds),
            string.Format(c, "Within 1 point of its own dense accuracy down to: tied ticket {0}, untied ticket {1}.", Within(Tied, Tied.Ticket), Within(Untied, Untied.Ticket)),
            string.Format(c, "Ticket − random re-init: tied {0}; untied {1}.", Gap(Tied), Gap(Untied)),
        };
        var shared = AtEqualWeights.Where(p => p.Model == "untied" && p.OtherTicket is not null).ToList();
        if (shared.Count > 0)
        {
            var sparsest = shared[^1];
            lines.Add(string.Format(c, "At equal weights ({0:N0}): untied ticket {1:0.00} % ({2:0.0} % of its weights) vs tied ticket {3:0.00} %.",
                sparsest.Weights, sparsest.Ticket, sparsest.PercentRemaining, sparsest.OtherTicket));
        }
        else
            lines.Add(string.Format(c, "The untied run never gets down to the tied network's {0:N0} weights (its sparsest level keeps {1:N0}): no equal-weight reading.",
                Tied.PrunableWeights, Untied.WeightsAt(Untied.Ticket.Points[^1].PercentRemaining)));
        foreach (var (name, r) in new[] { ("tied", Tied), ("untied", Untied) })
            if (r.Ticket.AccuracyAt(5) is double at5)
                lines.Add(string.Format(c, "At 5 % of the weights (95 % sparsity) the {0} ticket reaches {1:0.00} % (interpolated): a test error of {2:0.0} % — Zhang & Stadie report ~7–10 % for basic RNNs on the full sequential MNIST.",
                    name, at5, 100 - at5));
        return lines;
    }
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
