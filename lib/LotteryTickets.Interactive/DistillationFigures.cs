using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using static LotteryTickets.Interactive.FigureText;

namespace LotteryTickets.Interactive;

/// <summary>Section 4's figure: the tickets on labels and, on the same masks, distilled (from the ticket's initialisation and from
/// a fresh one), the size-matched dense networks both ways, and the teacher.</summary>
public static class DistillationFigures
{
    /// <summary>Test accuracy (%) against weights remaining (% of the full student's), ±1 s.d. over seeds.</summary>
    public static LineFigure Accuracy(DistillationResult r)
    {
        Check.NotNull(r);
        bool bars = r.Labels.Seeds.Count > 1;
        var labels = r.Labels.Ticket.Points;
        FigureSeries Ticket(string name, IEnumerable<TicketCurvePoint> points) =>
            Series(name, points, p => p.PercentRemaining, p => p.MeanAccuracy, bars ? p => p.StdAccuracy : null);
        FigureSeries Dense(string name, Func<DenseBaselinePoint, double> y, Func<DenseBaselinePoint, double> std) =>
            Series(name, r.Baselines, b => b.PercentRemaining, y, bars ? std : null);
        var series = new List<FigureSeries> { Ticket("ticket, on labels", labels), Ticket("the same ticket, distilled", r.Distilled.Ticket.Points) };
        if (r.Distilled.RandomReinit.Points.Count > 0)
            series.Add(Ticket("the same mask re-initialised, distilled", r.Distilled.RandomReinit.Points));
        if (r.Baselines.Any(b => b.LabelsAccuracies.Count > 0))
            series.Add(Dense("size-matched dense, on labels", b => b.LabelsAccuracy, b => b.LabelsStd));
        if (r.Baselines.Count > 0)
            series.Add(Dense("size-matched dense, distilled", b => b.DistilledAccuracy, b => b.DistilledStd));
        double min = Math.Min(labels.Min(p => p.PercentRemaining), r.Baselines.Select(b => b.PercentRemaining).DefaultIfEmpty(100).Min());
        series.Add(new("teacher (dense)", [100, min], [r.TeacherAccuracy, r.TeacherAccuracy]));
        string err = bars ? $" (mean ± s.d. over {r.Labels.Seeds.Count} seeds)" : "";
        return new LineFigure("distillation-vs-weights-remaining",
            $"Sparse students on labels and distilled (T = {r.Distillation.Temperature}, α = {r.Distillation.Alpha}){err}",
            "weights remaining (% of LeNet-300-100's)", "test accuracy at early stop (%)", series) { LogX = true, ReverseX = true };
    }
}
