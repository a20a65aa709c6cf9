using System.Globalization;
using LotteryTickets.Lottery;
using LotteryTickets.Pruning;

namespace LotteryTickets.Experiments;

/// <summary>
/// What <see cref="TicketExperiment.Run"/> measured: the three curves (accuracy in %, early-stop iteration), the
/// sparsity of each seed's sparsest ticket, and the wall time. <see cref="Findings"/> states the paper's claims
/// against these numbers.
/// </summary>
public sealed record TicketExperimentResult(LotteryHparams Hparams, IReadOnlyList<long> Seeds, TicketCurve Ticket,
    TicketCurve RandomReinit, TicketCurve RandomMask, IReadOnlyList<SparsityReport> SparsestTicket, double Seconds)
{
    /// <summary>Test accuracy (%) of the dense network at its early-stop iteration (level 0), mean over seeds.</summary>
    public double DenseAccuracy => Ticket.Points[0].MeanAccuracy;

    /// <summary>The sparsest level at which the ticket is within <paramref name="tolerance"/> points of dense
    /// accuracy (or above it) at that level and every denser one; null if even level 1 is not.</summary>
    public TicketCurvePoint? SparsestWithinDense(double tolerance = 0.5)
    {
        TicketCurvePoint? last = null;
        foreach (var p in Ticket.Points.Skip(1))
        {
            if (p.MeanAccuracy < DenseAccuracy - tolerance) break;
            last = p;
        }
        return last;
    }

    /// <summary>Ticket minus random re-initialisation (accuracy points) at a level.</summary>
    public double TicketAdvantageOverReinit(int level) =>
        (Ticket.AtLevel(level)?.MeanAccuracy ?? double.NaN) - (RandomReinit.AtLevel(level)?.MeanAccuracy ?? double.NaN);

    /// <summary>The measured numbers, as sentences a notebook can print.</summary>
    public IReadOnlyList<string> Findings()
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Format(c, "Dense LeNet: {0:0.00} % test accuracy at its early-stop iteration (mean of {1} seed(s)).", DenseAccuracy, Seeds.Count),
        };
        var within = SparsestWithinDense();
        lines.Add(within is null
            ? "The ticket falls more than 0.5 point below dense accuracy already at the first pruning level."
            : string.Format(c, "The ticket stays within 0.5 point of dense accuracy (or above it) down to {0:0.0} % of weights remaining ({1:0.00} %).",
                within.PercentRemaining, within.MeanAccuracy));
        var sparsest = Ticket.Points[^1];
        lines.Add(string.Format(c, "At {0:0.0} % remaining: ticket {1:0.00} %, random re-init {2:0.00} %, random mask {3:0.00} % (ticket − re-init = {4:+0.00;-0.00} points).",
            sparsest.PercentRemaining, sparsest.MeanAccuracy, RandomReinit.AtLevel(sparsest.Level)?.MeanAccuracy ?? double.NaN,
            RandomMask.AtLevel(sparsest.Level)?.MeanAccuracy ?? double.NaN, TicketAdvantageOverReinit(sparsest.Level)));
        var best = Ticket.Points.Skip(1).DefaultIfEmpty(Ticket.Points[0]).MaxBy(p => p.MeanAccuracy)!;
        lines.Add(string.Format(c, "Best pruned ticket: {0:0.00} % at {1:0.0} % remaining; early stop moved from iteration {2:0} (dense) to {3:0} (sparsest).",
            best.MeanAccuracy, best.PercentRemaining, Ticket.Points[0].MeanEarlyStopIteration, sparsest.MeanEarlyStopIteration));
        lines.Add(string.Format(c, "Wall time: {0:0} s for {1} seed(s) × ({2} IMP levels + 2 controls).", Seconds, Seeds.Count, Hparams.Levels + 1));
        return lines;
    }
}
