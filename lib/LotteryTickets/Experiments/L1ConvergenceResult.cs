using LotteryTickets.Sparse;
using static LotteryTickets.Hardware.TimingResult;

namespace LotteryTickets.Experiments;

/// <summary>One solver's history on one problem of <see cref="L1ConvergenceSweep"/>.</summary>
/// <param name="Algorithm">The solver.</param>
/// <param name="Problem">The problem's index.</param>
/// <param name="Seconds">Wall-clock seconds since the fit started, per outer iteration (entry i is iteration i).</param>
/// <param name="Objective">Primal objective per outer iteration.</param>
/// <param name="Converged">Whether the duality-gap tolerance was met.</param>
/// <param name="SupportSize">Nonzeros of the final iterate.</param>
/// <param name="Nonzeros">Coefficients not exactly 0, per outer iteration (null in results stored before it was recorded).</param>
public sealed record L1ConvergenceTrace(L1Algorithm Algorithm, int Problem, double[] Seconds, double[] Objective, bool Converged, int SupportSize,
    int[]? Nonzeros = null)
{
    /// <summary>Outer iterations run.</summary>
    public int Iterations => Objective.Length - 1;
}

/// <summary>
/// What <see cref="L1ConvergenceSweep"/> measured. The relative objective gap of an iterate is (F − F*)/F*, with F* the
/// best objective any solver reached on that problem; gaps below <see cref="GapFloor"/> (rounding) are shown at it.
/// </summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="BestObjective">F* per problem.</param>
/// <param name="Traces">Every (problem, solver) history.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the whole run.</param>
public sealed record L1ConvergenceResult(L1ConvergenceSweep Options, double[] BestObjective, L1ConvergenceTrace[] Traces, double ElapsedSeconds)
{
    /// <summary>Relative gaps are floored here (about machine precision) so that they can be drawn on a log scale.</summary>
    public const double GapFloor = 1e-16;

    /// <summary>(F − F*)/F* per iteration of <paramref name="trace"/>, floored at <see cref="GapFloor"/>.</summary>
    public double[] RelativeGaps(L1ConvergenceTrace trace)
    {
        Check.NotNull(trace);
        Check.That(trace.Problem >= 0 && trace.Problem < BestObjective.Length,
            $"trace must be of one of this result's {BestObjective.Length} problems; got problem {trace.Problem}.", nameof(trace));
        double best = BestObjective[trace.Problem];
        return trace.Objective.Select(f => Math.Max(GapFloor, (f - best) / Math.Abs(best))).ToArray();
    }

    /// <summary>The traces of one solver, by problem.</summary>
    public IReadOnlyList<L1ConvergenceTrace> TracesOf(L1Algorithm algorithm)
    {
        Check.That(Options.Solvers.Contains(algorithm),
            $"algorithm must be one of {string.Join(", ", Options.Solvers)}; got {algorithm}.", nameof(algorithm));
        return Traces.Where(t => t.Algorithm == algorithm).OrderBy(t => t.Problem).ToList();
    }

    /// <summary>Median over problems of the relative gap after each iteration 0, 1, …, up to the longest run (a finished
    /// run keeps its final gap).</summary>
    public (double[] Iterations, double[] Gaps) MedianGapByIteration(L1Algorithm algorithm)
    {
        var gaps = TracesOf(algorithm).Select(RelativeGaps).ToList();
        int longest = gaps.Max(g => g.Length);
        var its = Enumerable.Range(0, longest).Select(i => (double)i).ToArray();
        return (its, its.Select(i => Median(gaps.Select(g => g[Math.Min((int)i, g.Length - 1)]))).ToArray());
    }

    /// <summary>Median over problems of the relative gap of the last iterate finished by each time on a log-spaced grid
    /// of <paramref name="points"/> times, shared by all solvers (before a solver's first iterate: its starting gap).</summary>
    public (double[] Seconds, double[] Gaps) MedianGapBySeconds(L1Algorithm algorithm, int points = 60)
    {
        Check.InRange(points, 2, 10_000);
        var grid = TimeGrid(points);
        var traces = TracesOf(algorithm);
        var gaps = traces.Select(RelativeGaps).ToList();
        var values = grid.Select(t => Median(traces.Select((tr, i) =>
        {
            int last = Array.FindLastIndex(tr.Seconds, s => s <= t);
            return gaps[i][Math.Max(last, 0)];
        }))).ToArray();
        return (grid, values);
    }

    /// <summary>Median over problems of the iterations a solver needed to bring the relative gap to
    /// <paramref name="target"/> or below (null when it did not on at least half of the problems).</summary>
    public double? MedianIterationsTo(L1Algorithm algorithm, double target) =>
        MedianFirst(algorithm, Check.Positive(target), (trace, i) => i);

    /// <summary>Per problem, the outer iterations a solver needed to bring the relative gap to <paramref name="target"/> or
    /// below; where it never did, the iterations it ran (a lower bound).</summary>
    public double[] IterationsTo(L1Algorithm algorithm, double target) => FirstOrCap(algorithm, Check.Positive(target), (trace, i) => i);

    /// <summary>As <see cref="IterationsTo"/>, in wall-clock seconds (where the target was never reached, the seconds of the
    /// whole run: a lower bound).</summary>
    public double[] SecondsTo(L1Algorithm algorithm, double target) =>
        FirstOrCap(algorithm, Check.Positive(target), (trace, i) => trace.Seconds[i]);

    /// <summary>Per problem, the share of the final iterate's n coefficients that are exactly 0.</summary>
    public double[] FinalZeroShare(L1Algorithm algorithm) =>
        TracesOf(algorithm).Select(t => 1 - (double)t.SupportSize / Options.N).ToArray();

    /// <summary>Median over problems of the coefficients not exactly 0 after each iteration 0, 1, …, up to the longest run (a
    /// finished run keeps its final count). Throws for a result stored before the counts were recorded.</summary>
    public (double[] Iterations, double[] Nonzeros) MedianNonzerosByIteration(L1Algorithm algorithm)
    {
        var traces = TracesOf(algorithm);
        Check.That(traces.All(t => t.Nonzeros is not null),
            "algorithm's traces carry no nonzero counts (a result stored before they were recorded); recompute the run.", nameof(algorithm));
        int longest = traces.Max(t => t.Nonzeros!.Length);
        var its = Enumerable.Range(0, longest).Select(i => (double)i).ToArray();
        return (its, its.Select(i => Median(traces.Select(t => (double)t.Nonzeros![Math.Min((int)i, t.Nonzeros.Length - 1)]))).ToArray());
    }

    private double[] FirstOrCap(L1Algorithm algorithm, double target, Func<L1ConvergenceTrace, int, double> measure) =>
        TracesOf(algorithm).Select(t =>
        {
            int i = Array.FindIndex(RelativeGaps(t), g => g <= target);
            return measure(t, i < 0 ? t.Objective.Length - 1 : i);
        }).ToArray();

    /// <summary>As <see cref="MedianIterationsTo"/>, in seconds.</summary>
    public double? MedianSecondsTo(L1Algorithm algorithm, double target) =>
        MedianFirst(algorithm, Check.Positive(target), (trace, i) => trace.Seconds[i]);

    private double? MedianFirst(L1Algorithm algorithm, double target, Func<L1ConvergenceTrace, int, double> measure)
    {
        var values = TracesOf(algorithm).Select(t =>
        {
            int i = Array.FindIndex(RelativeGaps(t), g => g <= target);
            return i < 0 ? double.PositiveInfinity : measure(t, i);
        }).ToList();
        double median = Median(values);
        return double.IsPositiveInfinity(median) ? null : median;
    }

    private double[] TimeGrid(int points)
    {
        double first = Traces.SelectMany(t => t.Seconds.Skip(1)).Where(s => s > 0).DefaultIfEmpty(1e-6).Min();
        double last = Math.Max(first * 10, Traces.Max(t => t.Seconds[^1]));
        return Enumerable.Range(0, points).Select(i => first * Math.Pow(last / first, (double)i / (points - 1))).ToArray();
    }
}
