using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>Notebook 07's claims on a hand-built race and read-out whose answers are worked out by hand.</summary>
public sealed class L1ProximalNewtonClaimsTests
{
    static readonly L1Algorithm[] Three = [L1Algorithm.SubgradientDescent, L1Algorithm.Ista, L1Algorithm.ProximalNewton];

    // Every trace starts at objective 2 and ends at 1 (= F*, relative gap 0: the target is met there) or at 1.5 (never met).
    static L1ConvergenceTrace Trace(L1Algorithm a, int problem, double seconds, bool reaches, int support) =>
        new(a, problem, [0, seconds], [2, reaches ? 1 : 1.5], reaches, support, [0, support]);

    static L1ConvergenceResult Race()
    {
        // N = 4. Subgradient descent never reaches the target (1, 10, 100 s: its whole runs) and keeps all 4 coefficients; ISTA reaches
        // it at 0.1, 1, 0.1 s; proximal Newton at 0.01 s everywhere with supports 1, 2, 1 (zero shares 0.75, 0.5, 0.75).
        var sweep = new L1ConvergenceSweep(3, 4, 1, 20, 0.1, 3, 0, Algorithms: Three);
        double[] sub = [1, 10, 100], ista = [0.1, 1, 0.1];
        int[] pn = [1, 2, 1];
        var traces = Enumerable.Range(0, 3).SelectMany(p => new[]
        {
            Trace(L1Algorithm.SubgradientDescent, p, sub[p], false, 4), Trace(L1Algorithm.Ista, p, ista[p], true, 1),
            Trace(L1Algorithm.ProximalNewton, p, 0.01, true, pn[p]),
        }).ToArray();
        return new L1ConvergenceResult(sweep, [1, 1, 1], traces, 1);
    }

    static NetworkReadoutResult Readout()
    {
        // Two networks (seeds 1, 2), two classes each. Jaccard − chance: seed 1 (0.5 − 0.1, 0.3 − 0.1) → 0.3; seed 2 (0.3 − 0.1,
        // 0.2 − 0.0) → 0.2. Race: subgradient descent never reaches the target (2 s each); proximal Newton reaches it at 0.02 and 0.2 s.
        NetworkReadoutFit Fit(long seed, int c, double jaccard, double chance) => new(seed, c, 1, [0], [0], jaccard, chance);
        var traces = new[]
        {
            Trace(L1Algorithm.SubgradientDescent, 0, 2, false, 100), Trace(L1Algorithm.Ista, 0, 1, true, 20),
            Trace(L1Algorithm.ProximalNewton, 0, 0.02, true, 20),
            Trace(L1Algorithm.SubgradientDescent, 1, 2, false, 100), Trace(L1Algorithm.Ista, 1, 1, true, 20),
            Trace(L1Algorithm.ProximalNewton, 1, 0.2, true, 20),
        };
        return new NetworkReadoutResult(1000, 100, 0.2, Three, 3000, 1e-8,
            [Fit(1, 0, 0.5, 0.1), Fit(1, 1, 0.3, 0.1), Fit(2, 0, 0.3, 0.1), Fit(2, 1, 0.2, 0.0)],
            [new NetworkReadoutAccuracy(1, 95, 85, 94.8, 94.4, 94.6), new NetworkReadoutAccuracy(2, 95, 80, 94.9, 94.5, 94.8)],
            traces, [1, 1], 5);
    }

    static L1PathSweepResult Path()
    {
        // Per problem at k: ℓ1 keeps 0.9, 1.0, 0.8 of the ticket, one-shot pruning 0.6, 0.8, 0.7; a fourth problem never reaches k.
        double[] one = [1];
        return new L1PathSweepResult(L1ProximalNewton.Path(Budget.Quick) with { Problems = 4 }, one, one, one, one, one, one, one, one, one, one,
            [1], one, 1)
        {
            L1RecallAtK = [0.9, 1.0, 0.8, double.NaN], PruningRecallAtK = [0.6, 0.8, 0.7, double.NaN], ImpRecallAtK = [1, 1, 1, 1],
        };
    }

    [Fact]
    public void TheClaimsReadTheRaceAndTheReadoutAsWorkedByHand()
    {
        var claims = L1ProximalNewton.Claims(Race(), Path(), Readout());
        Assert.Equal(["prox-zeros", "pn-beats-gd", "pn-beats-ista", "l1-keeps-ticket", "net-pn-beats-gd", "net-l1-like-magnitude", "net-l1-accuracy",
            "net-l1-choice-accuracy"], claims.Select(c => c.Id));
        var byId = claims.ToDictionary(c => c.Id);

        // Zero shares, proximal Newton − subgradient descent: 0.75, 0.5, 0.75 → mean 2/3, s.d. √(0.0208333) = 0.144338, SE 0.083333.
        Assert.Equal(2.0 / 3, byId["prox-zeros"].Measured.Mean, 12);
        Assert.Equal(0.144338 / Math.Sqrt(3), byId["prox-zeros"].Measured.StandardError, 5);
        Assert.Equal(Verdict.Holds, byId["prox-zeros"].Verdict);

        // log₁₀(1/0.01, 10/0.01, 100/0.01) = 2, 3, 4: median 3, MAD 1, SE √(π/2)·1.4826/√3.
        double madSe = Math.Sqrt(Math.PI / 2) * Estimate.MadToSigma / Math.Sqrt(3);
        Assert.Equal(3, byId["pn-beats-gd"].Measured.Mean, 12);
        Assert.Equal(madSe, byId["pn-beats-gd"].Measured.StandardError, 12);
        Assert.True(byId["pn-beats-gd"].Timed);
        Assert.Equal(Verdict.Holds, byId["pn-beats-gd"].Verdict);

        // log₁₀(0.1/0.01, 1/0.01, 0.1/0.01) = 1, 2, 1: median 1, MAD 0 → SE 0; 1 > 0 holds.
        Assert.Equal(1, byId["pn-beats-ista"].Measured.Mean, 12);
        Assert.Equal(0, byId["pn-beats-ista"].Measured.StandardError, 12);
        Assert.Equal(Verdict.Holds, byId["pn-beats-ista"].Verdict);

        // ℓ1 − one-shot over the three problems that reach k: 0.3, 0.2, 0.1 → mean 0.2, s.d. 0.1, SE 0.1/√3 → low 0.085 > 0.
        Assert.Equal(0.2, byId["l1-keeps-ticket"].Measured.Mean, 12);
        Assert.Equal(0.1 / Math.Sqrt(3), byId["l1-keeps-ticket"].Measured.StandardError, 12);
        Assert.Equal(3, byId["l1-keeps-ticket"].Measured.Count);
        Assert.Equal(Verdict.Holds, byId["l1-keeps-ticket"].Verdict);

        // Networks: log₁₀(2/0.02) = 2, log₁₀(2/0.2) = 1: median 1.5, MAD 0.5, SE √(π/2)·1.4826·0.5/√2 = 0.657 → low 0.186 > 0.
        Assert.Equal(1.5, byId["net-pn-beats-gd"].Measured.Mean, 12);
        Assert.Equal(Math.Sqrt(Math.PI / 2) * Estimate.MadToSigma * 0.5 / Math.Sqrt(2), byId["net-pn-beats-gd"].Measured.StandardError, 12);
        Assert.Equal(Verdict.Holds, byId["net-pn-beats-gd"].Verdict);
        Assert.Contains("1000 training digits × 100 fc2 units", byId["net-pn-beats-gd"].Measure);

        // Jaccard − chance per network 0.3, 0.2: mean 0.25, s.d. 0.0707, SE 0.05 → low 0.15 > 0.
        Assert.Equal(0.25, byId["net-l1-like-magnitude"].Measured.Mean, 12);
        Assert.Equal(0.05, byId["net-l1-like-magnitude"].Measured.StandardError, 12);
        Assert.Equal(Verdict.Holds, byId["net-l1-like-magnitude"].Verdict);
        Assert.Contains("20 %", byId["net-l1-like-magnitude"].Measure);

        // ℓ1 as solved − magnitude: 94.4 − 85 = 9.4, 94.5 − 80 = 14.5 → mean 11.95, SE |9.4 − 14.5|/2 = 2.55 → low 6.85 > 0.
        Assert.Equal(11.95, byId["net-l1-accuracy"].Measured.Mean, 9);
        Assert.Equal(2.55, byId["net-l1-accuracy"].Measured.StandardError, 9);
        Assert.Equal(Verdict.Holds, byId["net-l1-accuracy"].Verdict);

        // Both refitted: 94.6 − 94.8 = −0.2, 94.8 − 94.9 = −0.1 → mean −0.15, SE 0.05 → high −0.05 < 0: does not hold.
        Assert.Equal(-0.15, byId["net-l1-choice-accuracy"].Measured.Mean, 9);
        Assert.Equal(0.05, byId["net-l1-choice-accuracy"].Measured.StandardError, 9);
        Assert.Equal(Verdict.DoesNotHold, byId["net-l1-choice-accuracy"].Verdict);
    }

    [Fact]
    public void ARaceWithoutSubgradientDescentIsRefusedNamingIt()
    {
        var old = new L1ConvergenceResult(new L1ConvergenceSweep(3, 4, 1, 20, 0.1, 1, 0), [1], [], 0);
        Assert.Equal("race", Assert.ThrowsAny<ArgumentException>(() => L1ProximalNewton.Claims(old, Path(), Readout())).ParamName);
    }
}
