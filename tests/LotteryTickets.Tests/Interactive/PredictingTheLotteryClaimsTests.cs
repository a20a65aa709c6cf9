using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>Notebook 08's claims on hand-built results whose shares are all 0 or 1, so that every crossing is a hand
/// interpolation and its bootstrap SE is 0 (a redrawn 0/n or n/n stays put).</summary>
public sealed class PredictingTheLotteryClaimsTests
{
    static PhaseDiagramResult Phase(PhaseDiagramMethod method, double[] success) =>
        new(new PhaseDiagramSweep([0.5], [0.1, 0.3, 0.5, 0.7], N: 40, Trials: 10, Seed: 1, Method: method), [20], [[2, 6, 10, 14]],
            [success], 0);

    static ClaimResult[] Claims()
    {
        // ℓ1 row 1, 1, 0, 0 over ρ = 0.1 … 0.7: crossing 0.3 + ½·0.2 = 0.4; OMP 1, 0, 0, 0: 0.1 + ½·0.2 = 0.2.
        var l1 = Phase(PhaseDiagramMethod.L1, [1, 1, 0, 0]);
        var omp = Phase(PhaseDiagramMethod.Omp, [1, 0, 0, 0]);
        // Linear teacher, m* = 40: ℓ1 0, 1, 1 at m = 20, 40, 80 → 30 (30/40 − 1 = −0.25); IMP 0, 0, 1 → 40 + ½·40 = 60 (+0.5).
        var linear = new TeacherRecoveryResult(new TeacherRecoverySweep(N: 100, K: 10, Samples: [20, 40, 80], Trials: 20, Seed: 8,
            Stop: PruningStop.FitLost), [new(20, 0.2, 0, 0, 0, 0), new(40, 0.4, 1, 0, 0, 0), new(80, 0.8, 1, 0, 1, 0)], 40, 0);
        // Network, m* = 40, 20 trials: ℓ1 0, 20, 20, 20 of 20 at m = 10 … 40 → 15 (15/40 − 1 = −0.625); IMP 0, 0, 0, 20 → 35 (−0.125).
        var network = new NetworkTeacherResult(10, 20, LeNetLayer.Fc2, [90], [40],
            [new(10, 0, 0, 0, 90, 90), new(20, 20, 0, 0, 60, 40), new(30, 20, 0, 0, 40, 20), new(40, 20, 0, 20, 30, 10)], 0);
        return PredictingTheLottery.Claims(l1, omp, linear, network);
    }

    [Fact]
    public void EachClaimReadsItsCrossingAndTheRuleDecides()
    {
        var c = Claims().ToDictionary(r => r.Id);
        double gap = 0.4 - PhaseTransition.WeakThreshold(0.5); // ρ_W(½) ≈ 0.386: +0.014
        Assert.Equal(gap, c["l1-on-curve-not-above"].Measured.Mean, 12);
        Assert.Equal(0, c["l1-on-curve-not-above"].Measured.StandardError, 12);
        Assert.Equal(Verdict.Holds, c["l1-on-curve-not-above"].Verdict);   // +0.014 < +0.05
        Assert.Equal(Verdict.Holds, c["l1-on-curve-not-below"].Verdict);   // +0.014 > −0.05
        Assert.Equal(-0.2, c["omp-below-l1"].Measured.Mean, 12);
        Assert.Equal(Verdict.Holds, c["omp-below-l1"].Verdict);
        Assert.Equal(-0.25, c["linear-teacher-predicted"].Measured.Mean, 12);
        Assert.Equal(Verdict.Holds, c["linear-teacher-predicted"].Verdict);
        Assert.Equal(0.5, c["imp-without-k-predicted"].Measured.Mean, 12);
        Assert.Equal(Verdict.DoesNotHold, c["imp-without-k-predicted"].Verdict);
        Assert.Contains("not told k", c["imp-without-k-predicted"].Measure);
        Assert.Equal(-0.625, c["network-predicted-not-later"].Measured.Mean, 12);
        Assert.Equal(Verdict.Holds, c["network-predicted-not-later"].Verdict);
        Assert.Equal(Verdict.DoesNotHold, c["network-predicted-not-earlier"].Verdict);
        Assert.Equal(-0.125, c["network-imp-predicted"].Measured.Mean, 12);
        Assert.Equal(Verdict.Holds, c["network-imp-predicted"].Verdict);
        Assert.Equal(8, c.Count);
    }

    [Fact]
    public void AMeanOverRowsAddsTheirErrorsInQuadratureAndSkipsRowsWithoutAResolvedCrossing()
    {
        // (0.1 ± 0.03, 0.3 ± 0.04, none, unresolved): mean 0.2, SE √(0.03² + 0.04²)/2 = 0.05/2 = 0.025, count the smaller (10).
        var m = Crossings.MeanOfRows([new Estimate(0.1, 0.03, 10), new Estimate(0.3, 0.04, 20), new Estimate(double.NaN, 0.1, 10),
            new Estimate(0.9, double.NaN, 5)]);
        Assert.Equal(0.2, m.Mean, 12);
        Assert.Equal(0.025, m.StandardError, 12);
        Assert.Equal(10, m.Count);
    }
}
