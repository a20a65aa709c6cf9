using LotteryTickets.Experiments;
using LotteryTickets.Models;
using LotteryTickets.Sparse;
using LotteryTickets.Statistics;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>Notebook 08 (predicting the lottery): the sweeps its cells and its solutions share, per
/// <see cref="Budget"/>.</summary>
public static class PredictingTheLottery
{
    /// <summary>
    /// The ℓ1 phase-diagram grid, seed 8, 10 trials per cell: quick n = 50 on δ, ρ ∈ {0.1, …, 0.9} (9 × 9 cells); full
    /// n = 100 with δ twice as fine, {0.05, …, 0.95} (19 × 9 cells).
    /// </summary>
    public static PhaseDiagramSweep PhaseGrid(Budget budget) =>
        new(Steps(Check.NotNull(budget).Choose(0.1, 0.05)), Steps(0.1), N: budget.Choose(50, 100), Trials: 10, Seed: 8);

    /// <summary>
    /// The planted teacher, seed 8: n inputs, k = n/10 non-zeros, m = n/10, 2n/10, …, n; quick n = 100 with 20 trials
    /// per m, full n = 200 with 40. The pruners are not told k: they stop at the sparsest level still fitting the training
    /// data (<see cref="PruningStop.FitLost"/>).
    /// </summary>
    public static TeacherRecoverySweep Teacher(Budget budget)
    {
        int n = Check.NotNull(budget).Choose(100, 200);
        return new TeacherRecoverySweep(N: n, K: n / 10, Samples: Enumerable.Range(1, 10).Select(i => i * n / 10).ToArray(),
            Trials: budget.Choose(20, 40), Seed: 8, Stop: PruningStop.FitLost);
    }

    /// <summary>
    /// The planted read-out over a trained LeNet's fc2 features (<see cref="NetworkTeacherSweep"/>), seed 8, on the networks of
    /// <see cref="OmpFindsTheTicket.Networks"/>: k = 10 non-zeros, digits drawn from the first 1,000 test digits; quick: the
    /// first network, m = 10, 20, …, 100 with 20 trials; full: three networks, m = 5, 10, …, 100 with 40 trials each.
    /// </summary>
    public static NetworkTeacherSweep NetworkTeacher(Budget budget, TrainingData data) =>
        new(OmpFindsTheTicket.Networks(Check.NotNull(budget), Check.NotNull(data)), LeNetLayer.Fc2, K: 10,
            Samples: budget.Choose(Enumerable.Range(1, 10).Select(i => 10 * i), Enumerable.Range(1, 20).Select(i => 5 * i)).ToArray(),
            Trials: budget.Choose(20, 40), Seed: 8, NetworkCount: budget.Choose(1, 3));

    /// <summary>
    /// What δ = m/n and ρ = k/m are when the unknown is a network's weights and the measurements are training examples, for
    /// the whole LeNet of <paramref name="sweep"/> (n its weights, m its training examples × classes, k a ticket of 10 % of
    /// the weights) and for the read-out of <paramref name="network"/> (n its live units, k its planted non-zeros, m its
    /// predicted m*), each with <see cref="PhaseTransition.Predict"/> where δ ≤ 1.
    /// </summary>
    public static IReadOnlyList<NetworkScale> Scales(NetworkTeacherSweep sweep, NetworkTeacherResult network)
    {
        Check.NotNull(sweep);
        Check.NotNull(network);
        var lenet = (LeNetHparams)sweep.Networks.Hparams.Model;
        int inputs = lenet.InputChannels * lenet.ImageSize * lenet.ImageSize;
        int weights = inputs * lenet.Hidden1 + lenet.Hidden1 * lenet.Hidden2 + lenet.Hidden2 * lenet.Classes;
        int examples = sweep.Networks.Data.Train.Count * lenet.Classes;
        int units = network.LiveUnits[0], predicted = network.PredictedSamples[0];
        return [Scale($"whole LeNet-{lenet.Hidden1}-{lenet.Hidden2}: every weight the unknown, every logit of every training digit a " +
                    "measurement", weights / 10, examples, weights),
                Scale($"read-out of {network.Layer.ToString().ToLowerInvariant()} (this experiment): the live units the unknown, one " +
                    "target per digit, at m = m*",
                    network.K, predicted, units)];
    }

    /// <summary>
    /// The chapter's claims of section 8 against this run: ℓ1's empirical 50 % crossing on the curve (within ±0.05 in ρ, mean
    /// over δ), OMP's below ℓ1's (δ ≥ 0.3), and the predicted m* against the 50 % crossing in m (within 25 % of m*) of ℓ1 and of
    /// iterative pruning, for the planted linear teacher and for the planted read-out of a network's layer. Crossings carry
    /// bootstrap standard errors (<see cref="Crossings.Bootstrap"/>); a mean over δ adds the rows' in quadrature (independent
    /// rows) and leaves out rows whose crossing is not resolved (<see cref="Crossings.MeanOfRows"/>).
    /// </summary>
    public static ClaimResult[] Claims(PhaseDiagramResult l1, PhaseDiagramResult omp, TeacherRecoveryResult linear, NetworkTeacherResult network)
    {
        Check.NotNull(l1);
        Check.NotNull(omp);
        Check.NotNull(linear);
        Check.NotNull(network);
        Check.That(omp.Deltas.SequenceEqual(l1.Deltas), "omp must share l1's δ grid.", nameof(omp));
        var l1Rows = PhaseFigures.TransitionEstimates(l1);
        var ompRows = PhaseFigures.TransitionEstimates(omp);
        var gap = Crossings.MeanOfRows(l1Rows.Select(r => Shift(r.EmpiricalRho, -r.TheoreticalRho)));
        var ompGap = Crossings.MeanOfRows(l1Rows.Zip(ompRows).Where(r => r.First.Delta >= 0.3 - 1e-9)
            .Select(r => Estimate.Difference(r.Second.EmpiricalRho, r.First.EmpiricalRho)));
        const string curveWhy = "At n = 50–100 the transition is blurred over a band of width about 1/√n, and with 10 trials per cell " +
            "each row's crossing moves by a few hundredths of ρ from draw to draw; the curve is the large-n limit.";
        string told = linear.Options.Stop == PruningStop.FitLost ? "not told k, stopping at the sparsest level still fitting" : "told k";
        string teacher = $"linear teacher, n = {linear.Options.N}, k = {linear.Options.K}, {linear.Options.Trials} trials per m";
        string readout = $"planted read-out, k = {network.K}, over the live units of trained LeNet {network.Layer.ToString().ToLowerInvariant()} " +
            $"features of digits, {network.Trials} trials per m";
        const string networkWhy = "The curve is derived for Gaussian measurements. A layer's features over digits are correlated and, " +
            "before centring, non-negative, so each example measures the read-out less independently than a Gaussian row would, and " +
            "more examples can be needed than the curve says; universality results cover i.i.d.-like designs, not these.";
        return
        [
            new Claim("l1-on-curve-not-above", "ℓ1's empirical 50 % crossing follows the Donoho–Tanner curve ρ_W(δ) — not above it …",
                $"ℓ1's empirical − theoretical ρ at 50 %, mean over the δ where it is resolved (n = {l1.Options.N})", 0.05, ClaimSide.Below)
                { Why = curveWhy, Format = "+0.000;-0.000;0.000" }.Against(gap),
            new Claim("l1-on-curve-not-below", "… nor below it.",
                $"ℓ1's empirical − theoretical ρ at 50 %, mean over the δ where it is resolved (n = {l1.Options.N})", -0.05, ClaimSide.Above)
                { Why = curveWhy, Format = "+0.000;-0.000;0.000" }.Against(gap),
            new Claim("omp-below-l1", "The curve is ℓ1's: greedy OMP, told k, recovers less at the same (δ, ρ).",
                "OMP − ℓ1 crossing ρ at 50 %, mean over the δ ≥ 0.3 where both are resolved", 0, ClaimSide.Below)
                { Why = "At the smallest δ both recover the few non-zeros a handful of measurements allows, so the gap opens with δ.",
                  Format = "+0.000;-0.000;0.000" }.Against(ompGap),
            new Claim("linear-teacher-predicted", "The prediction says how many samples a planted sparse layer needs: ℓ1 finds it by m*.",
                $"ℓ1's 50 % crossing ÷ predicted m* ({linear.PredictedSamples}) − 1, {teacher}", 0.25, ClaimSide.Below)
                { Why = "m* is the large-n limit's 50 % point; at n = 100 a few samples either way is within the blur." }
                .Against(Relative(linear.SamplesEstimate(p => p.L1), linear.PredictedSamples)),
            new Claim("imp-without-k-predicted", "… and iterative magnitude pruning finds the ticket from about as many samples.",
                $"IMP ({told}) 50 % crossing ÷ m* − 1, {teacher}", 0.25, ClaimSide.Below)
                { Why = "Pruning ranks the dense minimum-norm weights, which spread the teacher over all n inputs while m < n; a wrong " +
                    "ranking cut is never undone, so pruning can need more samples than the convex relaxation the curve describes." }
                .Against(Relative(linear.SamplesEstimate(p => p.Iterative), linear.PredictedSamples)),
            new Claim("network-predicted-not-later", "Phase transitions predict whether a ticket is findable for a given architecture: " +
                    "ℓ1 finds a planted read-out of a network's layer by m* …",
                $"ℓ1's 50 % crossing ÷ m* − 1, {readout}", 0.25, ClaimSide.Below) { Why = networkWhy }
                .Against(network.RelativeCrossing(p => p.L1Successes)),
            new Claim("network-predicted-not-earlier", "… and not much before it.",
                $"ℓ1's 50 % crossing ÷ m* − 1, {readout}", -0.25, ClaimSide.Above) { Why = networkWhy }
                .Against(network.RelativeCrossing(p => p.L1Successes)),
            new Claim("network-imp-predicted", "… and so does iterative magnitude pruning, not told k.",
                $"IMP (not told k) 50 % crossing ÷ m* − 1, {readout}", 0.25, ClaimSide.Below) { Why = networkWhy }
                .Against(network.RelativeCrossing(p => p.IterativeSuccesses)),
        ];
    }

    private static Estimate Shift(Estimate e, double by) => e with { Mean = e.Mean + by };

    private static Estimate Relative(Estimate crossing, double predicted) =>
        new(crossing.Mean / predicted - 1, crossing.StandardError / predicted, crossing.Count);

    private static NetworkScale Scale(string what, int k, int m, int n)
    {
        double delta = (double)m / n;
        var prediction = delta <= 1 ? PhaseTransition.Predict(k, m, n) : null;
        return new NetworkScale(what, n, m, k, Math.Round(delta, 3), Math.Round((double)k / m, 3),
            prediction is null ? null : Math.Round(prediction.RhoThreshold, 3),
            prediction is null ? "δ > 1: more measurements than unknowns, no compressed-sensing regime"
                : prediction.Recoverable ? "below the curve: ℓ1 would recover it, were the measurements Gaussian"
                : "above the curve: ℓ1 would fail, were the measurements Gaussian");
    }

    private static double[] Steps(double step) =>
        Enumerable.Range(1, (int)Math.Round(1 / step) - 1).Select(i => Math.Round(i * step, 3)).ToArray();
}

/// <summary>One row of <see cref="PredictingTheLottery.Scales"/>: a case, its n, m, k, δ = m/n, ρ = k/m, the curve's ρ_W(δ) (null when
/// δ &gt; 1) and what the prediction says.</summary>
public sealed record NetworkScale(string Case, int N, int M, int K, double Delta, double Rho, double? RhoThreshold, string Reading);
