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
