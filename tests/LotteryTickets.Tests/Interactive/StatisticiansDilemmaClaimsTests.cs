using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>Notebook 09's claims and figures on hand-built results whose every number is worked out by hand.</summary>
public sealed class StatisticiansDilemmaClaimsTests
{
    // One network's point: only the fields a claim or figure reads are set; units are placeholders.
    static UnitSelectionPoint P(int k, double magEff, double magJac, double randEff, double optAcc, double magAcc, double randAcc) =>
        new(k, "exchange", [0], [1], magEff, magJac, 0.11, randEff, 0.05, 0.12, optAcc, magAcc, randAcc, 1.0);

    /// <summary>Three networks; at k = 20 the numbers below, at k = 10 a second point so that the figures have two.</summary>
    internal static UnitSelectionResult Units() => new(LeNetLayer.Fc2, 100, 10, 20, 20,
    [
        new(1, 97, 95, [P(10, 0.05, 0.2, 0.2, 80, 70, 60), P(20, 0.1, 0.30, 0.4, 90, 88.0, 85)]),
        new(2, 97.5, 96, [P(10, 0.05, 0.2, 0.2, 80, 70, 60), P(20, 0.2, 0.35, 0.3, 91, 89.0, 87)]),
        new(3, 98, 94, [P(10, 0.05, 0.2, 0.2, 80, 70, 60), P(20, 0.3, 0.40, 0.5, 92, 89.5, 86)]),
    ], 1);

    internal static DesignComparisonResult Wild() => new("Gaussian 40 × 5, log-normal row scales σ = 2", 40, 5,
        [new DesignComparisonPoint(10, 10, 0.7, 0.92, 0.5, 0, 1, "exchange") { EfficiencyStandardError = 0.02 }], 1);

    [Fact]
    public void TheClaimsReadTheNetworksAtKTwentyPairedNetworkByNetwork()
    {
        var claims = StatisticiansDilemma.Claims(Wild(), Units());
        var byId = claims.ToDictionary(c => c.Id);
        Assert.Equal(["align-closely", "overlap-beyond-chance", "magnitude-beats-random-design", "design-predicts-accuracy",
            "magnitude-accuracy-close", "random-matrices-align"], claims.Select(c => c.Id));
        // Magnitude efficiency 0.1, 0.2, 0.3: 0.2 ± 0.1/√3; 0.2 + 2·0.058 < 0.8, so it does not hold.
        Assert.Equal(0.2, byId["align-closely"].Measured.Mean, 12);
        Assert.Equal(0.1 / Math.Sqrt(3), byId["align-closely"].Measured.StandardError, 12);
        Assert.Equal(Verdict.DoesNotHold, byId["align-closely"].Verdict);
        Assert.Contains("k = 20 of 100 fc2 units, over 3 trained networks", byId["align-closely"].Measure);
        // Jaccard − chance: 0.19, 0.24, 0.29 → 0.24 ± 0.05/√3: holds.
        Assert.Equal(0.24, byId["overlap-beyond-chance"].Measured.Mean, 12);
        Assert.Equal(0.05 / Math.Sqrt(3), byId["overlap-beyond-chance"].Measured.StandardError, 12);
        Assert.Equal(Verdict.Holds, byId["overlap-beyond-chance"].Verdict);
        // Magnitude − random efficiency: −0.3, −0.1, −0.2 → −0.2 ± 0.1/√3: below zero, does not hold.
        Assert.Equal(-0.2, byId["magnitude-beats-random-design"].Measured.Mean, 12);
        Assert.Equal(0.1 / Math.Sqrt(3), byId["magnitude-beats-random-design"].Measured.StandardError, 12);
        Assert.Equal(Verdict.DoesNotHold, byId["magnitude-beats-random-design"].Verdict);
        // A-optimal − random accuracy: 5, 4, 6 → 5 ± 1/√3: holds.
        Assert.Equal(5, byId["design-predicts-accuracy"].Measured.Mean, 12);
        Assert.Equal(1 / Math.Sqrt(3), byId["design-predicts-accuracy"].Measured.StandardError, 12);
        Assert.Equal(Verdict.Holds, byId["design-predicts-accuracy"].Verdict);
        // A-optimal − magnitude accuracy: 2, 2, 2.5 → 13/6 ± √(1/12)/√3 = 1/6: above half a point by far, so "close" does not hold.
        Assert.Equal(13.0 / 6, byId["magnitude-accuracy-close"].Measured.Mean, 12);
        Assert.Equal(1.0 / 6, byId["magnitude-accuracy-close"].Measured.StandardError, 12);
        Assert.Equal(Verdict.DoesNotHold, byId["magnitude-accuracy-close"].Verdict);
        // Random matrices: 0.92 ± 0.02 over 10 matrices: holds.
        Assert.Equal(new Estimate(0.92, 0.02, 10), byId["random-matrices-align"].Measured);
        Assert.Equal(Verdict.Holds, byId["random-matrices-align"].Verdict);
    }

    [Fact]
    public void TheClaimsNeedTheirSubsetSizes()
    {
        var noK20 = Units() with { Networks = Units().Networks.Select(n => n with { Points = n.Points.Take(1).ToList() }).ToList() };
        Assert.Equal("units", Assert.ThrowsAny<ArgumentException>(() => StatisticiansDilemma.Claims(Wild(), noK20)).ParamName);
        var noK10 = Wild() with { Points = [] };
        Assert.Equal("wild", Assert.ThrowsAny<ArgumentException>(() => StatisticiansDilemma.Claims(noK10, Units())).ParamName);
    }

    [Fact]
    public void TheFiguresShowTheRandomBaselineAndTheRefitAccuracy()
    {
        var wild = Wild() with
        {
            Points =
            [
                Wild().Points[0] with { RandomEfficiency = 0.4, RandomEfficiencySpread = 0.1, RandomJaccard = 0.15, RandomJaccardSpread = 0.05 },
            ],
        };
        var efficiency = DesignFigures.Efficiency("e", Units(), wild);
        // Units first: magnitude means 0.05 (k = 10) and 0.2 (k = 20) at k/m = 0.1, 0.2, SD over networks 0 and 0.1;
        // random 0.2 and 0.4 ± the draws' SD 0.05; then the matrices' row norm and their random rows.
        Assert.Equal(4, efficiency.Series.Count);
        Assert.Equal([0.1, 0.2], efficiency.Series[0].X);
        Assert.Equal(0.2, efficiency.Series[0].Y[1], 12);
        Assert.Equal(0.1, efficiency.Series[0].YError![1], 12);
        Assert.Equal(0.4, efficiency.Series[1].Y[1], 12);
        Assert.Equal(0.05, efficiency.Series[1].YError![1], 12);
        Assert.Equal([0.4], efficiency.Series[3].Y);
        Assert.Equal([0.1], efficiency.Series[3].YError!);
        Assert.Equal([0.15], DesignFigures.Overlap("o", wild).Series[1].Y);
        // Refit accuracy at k = 20: A-optimal 91, magnitude 88.8333, random 86 (± 1, the draws' SD), all units 95, trained 97.5.
        var refit = DesignFigures.RefitAccuracy("r", Units());
        Assert.Equal(5, refit.Series.Count);
        Assert.Equal([10.0, 20.0], refit.Series[0].X);
        Assert.Equal(91, refit.Series[0].Y[1], 12);
        Assert.Equal(266.5 / 3, refit.Series[1].Y[1], 12);
        Assert.Equal((86.0, 1.0), (refit.Series[2].Y[1], refit.Series[2].YError![1]));
        Assert.Equal((95.0, 97.5), (refit.Series[3].Y[0], refit.Series[4].Y[1]));
    }
}
