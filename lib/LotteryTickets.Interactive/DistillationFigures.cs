using LotteryTickets.Experiments;

namespace LotteryTickets.Interactive;

/// <summary>Section 4's figure: students on labels and distilled, the size-matched dense networks both ways, and the teacher.</summary>
public static class DistillationFigures
{
    /// <summary>Test accuracy (%) against weights remaining (% of the full student's), ±1 s.d. over seeds.</summary>
    public static LineFigure Accuracy(DistillationResult r)
    {
        Check.NotNull(r);
        bool bars = r.Labels.Seeds.Count > 1;
        var labels = r.Labels.Ticket.Points;
        var distilled = r.Distilled.Ticket.Points;
        var series = new List<FigureSeries>
        {
            new("ticket, on labels", labels.Select(p => p.PercentRemaining).ToList(), labels.Select(p => p.MeanAccuracy).ToList(),
                bars ? labels.Select(p => p.StdAccuracy).ToList() : null),
            new("ticket, distilled", distilled.Select(p => p.PercentRemaining).ToList(), distilled.Select(p => p.MeanAccuracy).ToList(),
                bars ? distilled.Select(p => p.StdAccuracy).ToList() : null),
        };
        if (r.Baselines.Count > 0)
        {
            series.Add(new("size-matched dense, on labels", r.Baselines.Select(b => b.PercentRemaining).ToList(),
                r.Baselines.Select(b => b.LabelsAccuracy).ToList(),
                bars ? r.Baselines.Select(b => b.LabelsStd).ToList() : null));
            series.Add(new("size-matched dense, distilled", r.Baselines.Select(b => b.PercentRemaining).ToList(),
                r.Baselines.Select(b => b.DistilledAccuracy).ToList(),
                bars ? r.Baselines.Select(b => b.DistilledStd).ToList() : null));
        }
        double min = Math.Min(labels.Min(p => p.PercentRemaining), r.Baselines.Select(b => b.PercentRemaining).DefaultIfEmpty(100).Min());
        series.Add(new("teacher (dense)", [100, min], [r.TeacherAccuracy, r.TeacherAccuracy]));
        string err = bars ? $" (mean ± s.d. over {r.Labels.Seeds.Count} seeds)" : "";
        return new LineFigure("distillation-vs-weights-remaining",
            $"Sparse students on labels and distilled (T = {r.Distillation.Temperature}, α = {r.Distillation.Alpha}){err}",
            "weights remaining (% of LeNet-300-100's)", "test accuracy at early stop (%)", series) { LogX = true, ReverseX = true };
    }
}
