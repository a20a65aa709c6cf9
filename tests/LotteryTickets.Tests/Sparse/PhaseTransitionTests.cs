namespace LotteryTickets.Tests.Sparse;

public class PhaseTransitionTests
{
    [Fact]
    public void SignedWeakThresholdAtHalfMatchesPublishedValue()
    {
        // Computed here: ρ(0.5) = 0.385689666… (Donoho–Tanner's weak threshold, quoted as 0.3857 / ≈0.3848–0.386).
        double rho = PhaseTransition.WeakThreshold(0.5);
        Assert.Equal(0.3857, rho, 1e-3);
        Assert.Equal(0.385690, rho, 1e-6);
    }

    [Fact]
    public void NonNegativeWeakThresholdAtHalfMatchesPublishedValue()
    {
        // Computed here: ρ⁺(0.5) = 0.558228 (published ≈ 0.558).
        double rho = PhaseTransition.WeakThreshold(0.5, nonNegative: true);
        Assert.Equal(0.558, rho, 1e-3);
    }

    [Fact]
    public void CurveIsMonotoneWithTheRightBoundaryBehaviour()
    {
        var deltas = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
        var signed = deltas.Select(d => PhaseTransition.WeakThreshold(d)).ToArray();
        var nonneg = deltas.Select(d => PhaseTransition.WeakThreshold(d, true)).ToArray();
        for (int i = 1; i < deltas.Length; i++)
        {
            Assert.True(signed[i] > signed[i - 1]);
            Assert.True(nonneg[i] > signed[i]); // the sign constraint helps
        }
        Assert.Equal(1.0, PhaseTransition.WeakThreshold(1.0));
        Assert.True(PhaseTransition.WeakThreshold(1e-4) < 0.1);  // ρ → 0 as δ → 0 (like 1/(2 log(1/δ)))
        Assert.True(PhaseTransition.WeakThreshold(0.999) > 0.95);
        // ψ is the inverse map: ψ(ρδ) = δ.
        double eps = PhaseTransition.WeakThreshold(0.3) * 0.3;
        Assert.Equal(0.3, PhaseTransition.StatisticalDimension(eps), 12);
    }

    [Fact]
    public void PredictorGivesMarginAndValidates()
    {
        var below = PhaseTransition.Predict(k: 10, m: 50, n: 100);
        Assert.True(below.Recoverable);
        Assert.Equal(PhaseTransition.WeakThreshold(0.5) - 0.2, below.Margin, 12);
        Assert.False(PhaseTransition.Predict(k: 30, m: 50, n: 100).Recoverable);
        Assert.Equal("k", Assert.ThrowsAny<ArgumentException>(() => PhaseTransition.Predict(51, 50, 100)).ParamName);
        Assert.Equal("m", Assert.ThrowsAny<ArgumentException>(() => PhaseTransition.Predict(1, 101, 100)).ParamName);
        Assert.Equal("delta", Assert.ThrowsAny<ArgumentException>(() => PhaseTransition.WeakThreshold(0)).ParamName);
    }
}
