using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Statistics;

public class CrossingsTests
{
    [Fact]
    public void FirstInterpolatesByHand()
    {
        // Rising: 0.25 at 20, 0.75 at 30 → ½ a quarter of the way… (0.5 − 0.25)/(0.75 − 0.25) = ½ of 10 → 25
        // (TeacherRecoveryTests.EmpiricalSamplesInterpolatesTheHalfCrossing's data).
        Assert.Equal(25, Crossings.First([10, 20, 30], [0, 0.25, 0.75])!.Value, 12);
        // Falling: 0.6 at 0.3, 0.2 at 0.5 → 0.3 + (0.6 − 0.5)/(0.6 − 0.2)·0.2 = 0.35.
        Assert.Equal(0.35, Crossings.First([0.1, 0.3, 0.5], [1, 0.6, 0.2], rising: false)!.Value, 12);
        // Already on the target side at the first point: that point (a bound); never: null.
        Assert.Equal(10, Crossings.First([10, 20], [0.5, 1])!.Value);
        Assert.Equal(0.1, Crossings.First([0.1, 0.3], [0.4, 0.9], rising: false)!.Value);
        Assert.Null(Crossings.First([10, 20, 30], [0, 0.25, 0.45]));
        Assert.Null(Crossings.First([0.1, 0.3], [1, 0.5], rising: false));
        // The first crossing counts, not a later one; a level of ¾: 0.5 at 1, 1 at 2 → 1.5.
        Assert.Equal(1.5, Crossings.First([1, 2, 3, 4], [0.5, 1, 0, 1], level: 0.75)!.Value, 12);
    }

    [Fact]
    public void BootstrapMatchesTheExactStandardDeviationByBruteForce()
    {
        // 3 points × 4 trials: every outcome (c0, c1, c2) ∈ {0…4}³ with weight Π Binomial(4, kᵢ/4)(cᵢ); the exact SD of the
        // crossing over the outcomes that have one (their total weight 1 − 0.738·0.3125·0.0508 ≈ 0.988, above 97.5 %).
        double[] x = [1, 2, 3];
        int[] k = [1, 2, 3];
        double Binomial(int c, double p) => Choose(4, c) * Math.Pow(p, c) * Math.Pow(1 - p, 4 - c);
        double w = 0, sum = 0, sum2 = 0;
        for (int a = 0; a <= 4; a++)
            for (int b = 0; b <= 4; b++)
                for (int c = 0; c <= 4; c++)
                {
                    double weight = Binomial(a, k[0] / 4.0) * Binomial(b, k[1] / 4.0) * Binomial(c, k[2] / 4.0);
                    if (Crossings.First(x, [a / 4.0, b / 4.0, c / 4.0]) is not { } cross) continue;
                    w += weight; sum += weight * cross; sum2 += weight * cross * cross;
                }
        Assert.InRange(w, 0.975, 1);
        double exact = Math.Sqrt(sum2 / w - (sum / w) * (sum / w));
        var e = Crossings.Bootstrap(x, k, 4, resamples: 20_000, seed: 3);
        Assert.Equal(2, e.Mean, 12); // observed shares ¼, ½, ¾: ½ is reached at x = 2
        Assert.Equal(4, e.Count);
        Assert.InRange(e.StandardError / exact, 0.97, 1.03);
    }

    [Fact]
    public void BootstrapSaysWithinNoiseWhenCrossingsGoMissing()
    {
        // No observed crossing: Mean NaN.
        Assert.True(double.IsNaN(Crossings.Bootstrap([1, 2], [0, 1], 4).Mean));
        // Observed at x = 2, but P(point 2 < ½) = P(Bin(4, ½) ≤ 1) = 5/16 of the resamples have none: SE NaN.
        var e = Crossings.Bootstrap([1, 2], [0, 2], 4);
        Assert.Equal(2, e.Mean);
        Assert.True(double.IsNaN(e.StandardError));
        Assert.Equal(Verdict.WithinNoise, VerdictRule.Decide(e, 0, ClaimSide.Above));
        // Certain points (0/n and n/n) leave no spread: SE 0.
        Assert.Equal(0, Crossings.Bootstrap([1, 2], [0, 4], 4).StandardError);
    }

    [Fact]
    public void BadPointsNameTheParameter()
    {
        Assert.Equal("x", Assert.ThrowsAny<ArgumentException>(() => Crossings.First([2, 1], [0, 1])).ParamName);
        Assert.Equal("share", Assert.ThrowsAny<ArgumentException>(() => Crossings.First([1, 2], [0])).ParamName);
        Assert.Equal("successes", Assert.ThrowsAny<ArgumentException>(() => Crossings.Bootstrap([1, 2], [0, 5], 4)).ParamName);
    }

    private static double Choose(int n, int k) => Enumerable.Range(1, k).Aggregate(1.0, (acc, i) => acc * (n - k + i) / i);
}
