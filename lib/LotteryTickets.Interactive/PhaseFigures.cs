using LotteryTickets.Experiments;
using LotteryTickets.Sparse;
using LotteryTickets.Statistics;

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

    /// <summary>Per δ: the ρ where the empirical success probability falls below ½ (<see cref="Crossings.First"/>, falling:
    /// linear interpolation between grid rows, the smallest ρ when its cell already fails, null when no cell does), beside the
    /// theoretical threshold.</summary>
    public static IReadOnlyList<(double Delta, double? EmpiricalRho, double TheoreticalRho)> Transitions(PhaseDiagramResult result)
    {
        Check.NotNull(result);
        bool nonNegative = result.Options.Signal == SignalKind.NonNegative;
        return result.Deltas.Select((delta, i) => (delta, Crossings.First(result.Rhos,
                result.Rhos.Select((_, j) => result.SuccessFraction(i, j)).ToArray(), rising: false),
            PhaseTransition.WeakThreshold(delta, nonNegative))).ToList();
    }

    /// <summary>Per δ: <see cref="Transitions"/>' crossing with its bootstrap standard error (<see cref="Crossings.Bootstrap"/>,
    /// each cell's successes redrawn binomially, 1,000 resamples, seed 8), beside the theoretical threshold.</summary>
    public static IReadOnlyList<(double Delta, Estimate EmpiricalRho, double TheoreticalRho)> TransitionEstimates(PhaseDiagramResult result)
    {
        Check.NotNull(result);
        bool nonNegative = result.Options.Signal == SignalKind.NonNegative;
        return result.Deltas.Select((delta, i) => (delta, Crossings.Bootstrap(result.Rhos,
                result.Rhos.Select((_, j) => (int)Math.Round(result.SuccessFraction(i, j) * result.Trials)).ToArray(), result.Trials,
                rising: false),
            PhaseTransition.WeakThreshold(delta, nonNegative))).ToList();
    }
}
