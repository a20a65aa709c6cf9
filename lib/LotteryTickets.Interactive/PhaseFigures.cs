using LotteryTickets.Experiments;
using LotteryTickets.Sparse;

namespace LotteryTickets.Interactive;

/// <summary>Phase-diagram figures: empirical success probability over δ = m/n × ρ = k/m with the theoretical ℓ1
/// weak threshold ρ(δ) drawn over it.</summary>
public static class PhaseFigures
{
    /// <summary>The empirical diagram of <paramref name="result"/>, with the Donoho–Tanner curve for its signal kind.</summary>
    public static HeatmapFigure Diagram(PhaseDiagramResult result, string? name = null)
    {
        Check.NotNull(result);
        bool nonNegative = result.Options.Signal == SignalKind.NonNegative;
        var z = result.Rhos.Select((_, j) => (IReadOnlyList<double>)result.Deltas.Select((_, i) => result.SuccessFraction(i, j)).ToList()).ToList();
        var deltas = Enumerable.Range(1, 99).Select(i => i / 100.0).Where(d => d >= result.Deltas.Min() && d <= result.Deltas.Max()).ToList();
        var theory = new FigureSeries(nonNegative ? "ℓ1 weak threshold (non-negative)" : "ℓ1 weak threshold (signed)",
            deltas, deltas.Select(d => PhaseTransition.WeakThreshold(d, nonNegative)).ToList());
        string method = result.Options.Method == PhaseDiagramMethod.L1 ? "ℓ1" : "OMP";
        return new HeatmapFigure(name ??
            $"phase-diagram-{method.Replace("ℓ1", "l1").ToLowerInvariant()}-{result.Options.Signal.ToString().ToLowerInvariant()}",
            $"{method} recovery, {result.Options.Signal.ToString().ToLowerInvariant()} signals, n = {result.Options.N}, {result.Trials} trials per " +
                "cell",
            "δ = m / n (measurements per dimension)", "ρ = k / m (non-zeros per measurement)", "success probability",
            result.Deltas, result.Rhos, z) { Overlays = [theory], ZRange = (0, 1) };
    }

    /// <summary>Per δ: the ρ where the empirical success probability crosses ½ (linear interpolation between grid
    /// rows; null when it never does), beside the theoretical threshold.</summary>
    public static IReadOnlyList<(double Delta, double? EmpiricalRho, double TheoreticalRho)> Transitions(PhaseDiagramResult result)
    {
        Check.NotNull(result);
        bool nonNegative = result.Options.Signal == SignalKind.NonNegative;
        var rows = new List<(double, double?, double)>();
        for (int i = 0; i < result.Deltas.Count; i++)
        {
            double? crossing = null;
            for (int j = 0; j + 1 < result.Rhos.Count && crossing is null; j++)
            {
                double a = result.SuccessFraction(i, j), b = result.SuccessFraction(i, j + 1);
                if (a >= 0.5 && b < 0.5)
                    crossing = result.Rhos[j] + (a - 0.5) / (a - b) * (result.Rhos[j + 1] - result.Rhos[j]);
            }
            rows.Add((result.Deltas[i], crossing, PhaseTransition.WeakThreshold(result.Deltas[i], nonNegative)));
        }
        return rows;
    }
}
