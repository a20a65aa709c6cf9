using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Statistics;

/// <summary>The one verdict rule and the estimates it reads, against hand-computed values.</summary>
public class VerdictRuleTests
{
    [Fact]
    public void AnEstimateIsTheMeanAndTheStandardErrorOfTheMean()
    {
        // 1, 2, 3, 6: mean 3, sample variance (4 + 1 + 0 + 9) / 3 = 14/3, SE = √(14/3 / 4).
        var e = Estimate.Of([1, 2, 3, 6]);
        Assert.Equal(3, e.Mean, 12);
        Assert.Equal(Math.Sqrt(14.0 / 3 / 4), e.StandardError, 12);
        Assert.Equal(4, e.Count);
        Assert.Equal(3 - 2 * Math.Sqrt(14.0 / 12), e.Low, 12);
    }

    [Fact]
    public void ARateIsTheAgrestiCoullEstimateAndFortyOfFortyIsNotCertain()
    {
        // 40 of 40: p̃ = 42/44, SE = √(p̃(1 − p̃)/44) = √(42·2/44³).
        var all = Estimate.OfProportion(40, 40);
        Assert.Equal(42.0 / 44, all.Mean, 12);
        Assert.Equal(Math.Sqrt(42.0 * 2 / (44.0 * 44 * 44)), all.StandardError, 12);
        Assert.Equal(40, all.Count);
        Assert.Equal(Verdict.WithinNoise, VerdictRule.Decide(all, 0.9, ClaimSide.Above)); // 0.955 − 2·0.031 = 0.892
        Assert.Equal(Verdict.Holds, VerdictRule.Decide(all, 0.85, ClaimSide.Above));
        // 0 of 10: p̃ = 2/14, SE = √(2·12/14³).
        var none = Estimate.OfProportion(0, 10);
        Assert.Equal(2.0 / 14, none.Mean, 12);
        Assert.Equal(Math.Sqrt(2.0 * 12 / (14.0 * 14 * 14)), none.StandardError, 12);
        Assert.Equal(Verdict.DoesNotHold, VerdictRule.Decide(none, 0.5, ClaimSide.Above));
    }

    [Fact]
    public void ARatesIntervalContainsWilsonsAndCoversTheTrueRateAsOftenAsItSays()
    {
        // Wilson's score interval with z = 2, written out independently: it lies inside the Agresti–Coull interval.
        for (int n = 1; n <= 60; n++)
            for (int k = 0; k <= n; k++)
            {
                var e = Estimate.OfProportion(k, n);
                double p = (double)k / n, centre = (k + 2.0) / (n + 4), half = 2.0 / (n + 4) * Math.Sqrt(n * p * (1 - p) + 1);
                Assert.True(e.Low <= centre - half + 1e-12 && centre + half <= e.High + 1e-12, $"{k} of {n}");
            }
        // Exact coverage by enumerating the binomial distribution: at n = 40 the interval holds the true rate at least
        // 92 % of the time for every rate on a grid (nominal 95.45 %), where the plain share ± 2 SE falls to 0 % near p = 0.
        foreach (double rate in Enumerable.Range(1, 99).Select(i => i / 100.0))
        {
            double covered = 0, plain = 0;
            for (int k = 0; k <= 40; k++)
            {
                double pk = Binomial(40, k, rate), share = k / 40.0, se = Math.Sqrt(share * (1 - share) / 40);
                var e = Estimate.OfProportion(k, 40);
                if (e.Low <= rate && rate <= e.High) covered += pk;
                if (share - 2 * se <= rate && rate <= share + 2 * se) plain += pk;
            }
            Assert.True(covered >= 0.92, $"coverage {covered:0.000} at p = {rate}");
            if (rate == 0.01) Assert.True(plain < 0.4, $"the plain share's coverage {plain:0.000} at p = 0.01");
        }
    }

    static double Binomial(int n, int k, double p)
    {
        double logChoose = 0;
        for (int i = 1; i <= k; i++) logChoose += Math.Log(n - k + i) - Math.Log(i);
        return Math.Exp(logChoose + k * Math.Log(p) + (n - k) * Math.Log(1 - p));
    }

    [Fact]
    public void OneReplicateHasNoSpreadAndDecidesNothing()
    {
        var one = Estimate.Of([5]);
        Assert.True(double.IsNaN(one.StandardError));
        Assert.False(one.HasSpread);
        Assert.Equal(Verdict.WithinNoise, VerdictRule.Decide(one, 0, ClaimSide.Above));
    }

    [Fact]
    public void APairedDifferenceLeavesOutWhatThePairsShare()
    {
        // Seeds move both arms together: the paired spread is that of (1, 1.2, 0.8), not of either arm.
        var d = Estimate.PairedDifference([91, 95, 88], [90, 93.8, 87.2]);
        Assert.Equal(1, d.Mean, 12);
        Assert.Equal(0.2 / Math.Sqrt(3), d.StandardError, 12);
        Assert.Throws<ArgumentException>(() => Estimate.PairedDifference([1, 2], [1]));
    }

    [Fact]
    public void ATimingEstimateIsTheMedianWithARobustStandardErrorThatOneSlowRunDoesNotMove()
    {
        // 1.0, 1.1, 1.2, 1.3, 9.0: median 1.2; deviations 0.2, 0.1, 0, 0.1, 7.8 → MAD 0.1;
        // SE = √(π/2) · 1.4826 · 0.1 / √5.
        var e = Estimate.OfMedian([1.3, 1.0, 9.0, 1.2, 1.1]);
        Assert.Equal(1.2, e.Mean, 12);
        Assert.Equal(Math.Sqrt(Math.PI / 2) * 1.482602218505602 * 0.1 / Math.Sqrt(5), e.StandardError, 12);
        Assert.Equal(5, e.Count);
        // Even count: the median is the mean of the middle two (2 and 3); deviations 1.5, 0.5, 0.5, 1.5 → MAD 1.
        Assert.Equal((2.5, Math.Sqrt(Math.PI / 2) * 1.482602218505602 / 2), (Estimate.OfMedian([1, 2, 3, 4]).Mean,
            Estimate.OfMedian([1, 2, 3, 4]).StandardError));
        Assert.True(double.IsNaN(Estimate.OfMedian([3]).StandardError));
        // 1 / Φ⁻¹(3/4): MAD × this estimates σ of a normal sample.
        Assert.Equal(1 / 0.6744897501960817, Estimate.MadToSigma, 12);
    }

    [Fact]
    public void IndependentEstimatesMultiplyWithTheirRelativeErrorsInQuadrature()
    {
        // 0.5 ± 0.1 times 4 ± 0.2: 2 ± √((4·0.1)² + (0.5·0.2)²) = 2 ± √0.17.
        var p = Estimate.Product(new Estimate(0.5, 0.1, 3), new Estimate(4, 0.2, 12));
        Assert.Equal(2, p.Mean, 12);
        Assert.Equal(Math.Sqrt(0.17), p.StandardError, 12);
        Assert.Equal(3, p.Count);
    }

    [Fact]
    public void IndependentEstimatesDifferWithTheirErrorsInQuadrature()
    {
        var d = Estimate.Difference(new Estimate(5, 0.3, 3), new Estimate(2, 0.4, 5));
        Assert.Equal(3, d.Mean, 12);
        Assert.Equal(0.5, d.StandardError, 12);
        Assert.Equal(3, d.Count);
    }

    [Theory]
    // mean, SE, threshold, side → verdict (interval mean ± 2 SE)
    [InlineData(1.0, 0.4, 0, ClaimSide.Above, Verdict.Holds)]          // [0.2, 1.8] above 0
    [InlineData(1.0, 0.6, 0, ClaimSide.Above, Verdict.WithinNoise)]    // [-0.2, 2.2] straddles
    [InlineData(-1.0, 0.4, 0, ClaimSide.Above, Verdict.DoesNotHold)]   // [-1.8, -0.2] below
    [InlineData(-1.0, 0.4, 0, ClaimSide.Below, Verdict.Holds)]
    [InlineData(1.0, 0.4, 0, ClaimSide.Below, Verdict.DoesNotHold)]
    [InlineData(-0.3, 0.05, -0.5, ClaimSide.Above, Verdict.Holds)]     // a deficit of 0.3 ± 0.1 is within half a point
    [InlineData(-0.8, 0.1, -0.5, ClaimSide.Above, Verdict.DoesNotHold)]
    public void TheVerdictReadsTheWholeIntervalAgainstTheThreshold(double mean, double se, double threshold, ClaimSide side, Verdict expected) =>
        Assert.Equal(expected, VerdictRule.Decide(new Estimate(mean, se, 3), threshold, side));

    [Fact]
    public void OnlyHoldsAgainstDoesNotHoldIsAContradiction()
    {
        Assert.True(VerdictRule.Contradicts(Verdict.Holds, Verdict.DoesNotHold));
        Assert.True(VerdictRule.Contradicts(Verdict.DoesNotHold, Verdict.Holds));
        Assert.False(VerdictRule.Contradicts(Verdict.Holds, Verdict.WithinNoise));
        Assert.False(VerdictRule.Contradicts(Verdict.WithinNoise, Verdict.DoesNotHold));
        Assert.False(VerdictRule.Contradicts(Verdict.Holds, Verdict.Holds));
    }

    [Fact]
    public void BadInputIsRefusedNamingTheParameter()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => Estimate.Of([])).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => Estimate.Of([1, double.NaN])).ParamName);
        Assert.Equal("threshold",
            Assert.Throws<ArgumentException>(() => VerdictRule.Decide(Estimate.Of([1, 2]), double.NaN, ClaimSide.Above)).ParamName);
    }
}
