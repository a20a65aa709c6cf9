using System.Globalization;
using LotteryTickets.Lottery;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 5's comparison: the same IMP run trained with plain cross-entropy and with label smoothing ε
/// (<see cref="Training.TrainingHparams.LabelSmoothing"/>), both measuring the gradient noise while they train: the
/// sparsest level each keeps within <see cref="Tolerance"/> points of its own dense accuracy, and B_simple across the
/// levels side by side.
/// </summary>
/// <param name="Plain">IMP with ε = 0 and <see cref="Training.TrainingHparams.GradientNoise"/> set.</param>
/// <param name="Smoothed">The same with ε &gt; 0.</param>
public sealed record SmoothingComparison(TicketExperimentResult Plain, TicketExperimentResult Smoothed)
{
    /// <summary>"Still matches dense": within this many accuracy points of dense (default 0.5), at that level and every denser one.</summary>
    public double Tolerance { get; init; } = 0.5;

    /// <summary>The sparsest weights-remaining (%) of the plain run within <see cref="Tolerance"/> of its dense accuracy (null: not level 1).</summary>
    public double? PlainFrontier => StructuredComparison.SparsestWithin(Plain.Ticket, Plain.DenseAccuracy, Tolerance);

    /// <summary>The same for the smoothed run, against its own dense accuracy.</summary>
    public double? SmoothedFrontier => StructuredComparison.SparsestWithin(Smoothed.Ticket, Smoothed.DenseAccuracy, Tolerance);

    /// <summary>The same for the smoothed run, against the plain run's dense accuracy.</summary>
    public double? SmoothedFrontierAgainstPlainDense => StructuredComparison.SparsestWithin(Smoothed.Ticket, Plain.DenseAccuracy, Tolerance);

    /// <summary>The measured numbers, as sentences a notebook can print.</summary>
    public IReadOnlyList<string> Findings()
    {
        var c = CultureInfo.InvariantCulture;
        double eps = Smoothed.Hparams.Training.LabelSmoothing;
        static string Pct(double? p) => p is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "not even the first level";
        var lines = new List<string>
        {
            string.Format(c, "Dense: {0:0.00} % with plain cross-entropy, {1:0.00} % with label smoothing ε = {2} (mean of {3} seed(s)).",
                Plain.DenseAccuracy, Smoothed.DenseAccuracy, eps, Plain.Seeds.Count),
            string.Format(c, "Sparsest ticket within {0} point of its own dense accuracy: plain {1}, smoothed {2} (smoothed against the plain dense accuracy: {3}).",
                Tolerance, Pct(PlainFrontier), Pct(SmoothedFrontier), Pct(SmoothedFrontierAgainstPlainDense)),
        };
        var p = Plain.Ticket.Points[^1];
        var s = Smoothed.Ticket.AtLevel(p.Level);
        if (s is not null)
            lines.Add(string.Format(c, "At the sparsest level ({0:0.0} % of the weights): plain {1:0.00} %, smoothed {2:0.00} % ({3:+0.00;-0.00} points).",
                p.PercentRemaining, p.MeanAccuracy, s.MeanAccuracy, s.MeanAccuracy - p.MeanAccuracy));
        var np = Plain.GradientNoise();
        var ns = Smoothed.GradientNoise();
        if (np.Count > 1 && ns.Count > 1)
        {
            lines.Add(string.Format(c, "Gradient noise scale B_simple (tr Σ / |G|², averaged over training): dense plain {0:0} vs smoothed {1:0}; sparsest plain {2:0} vs smoothed {3:0}.",
                np[0].MeanNoiseScale, ns[0].MeanNoiseScale, np[^1].MeanNoiseScale, ns[^1].MeanNoiseScale));
            int lower = np.Zip(ns).Count(x => x.Second.MeanNoiseScale < x.First.MeanNoiseScale);
            lines.Add(string.Format(c, "Smoothing gives the lower noise scale at {0} of {1} levels; |G|² (the signal) is {2:0.00}× and tr Σ (the noise) {3:0.00}× the plain run's, averaged over levels.",
                lower, Math.Min(np.Count, ns.Count), np.Zip(ns).Average(x => x.Second.MeanGradientSquaredNorm / x.First.MeanGradientSquaredNorm),
                np.Zip(ns).Average(x => x.Second.MeanTraceCovariance / x.First.MeanTraceCovariance)));
        }
        return lines;
    }
}
