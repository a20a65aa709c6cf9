namespace LotteryTickets.Tests.Experiments;

/// <summary>Sections 3 and 5's comparisons read against hand-made curves whose answers are known.</summary>
public class ComparisonTests
{
    private static TicketExperimentResult Result(long weights, params (int Level, double Percent, double Accuracy)[] ticket) =>
        Result(weights, ticket, []);

    private static TicketExperimentResult Result(long weights, (int Level, double Percent, double Accuracy)[] ticket,
        (int Level, double Percent, double Accuracy)[] reinit,
        TrainingHparams? training = null)
    {
        static TicketCurve Curve(TicketSeries name, (int Level, double Percent, double Accuracy)[] points) =>
            new(name, points.Select(p => new TicketCurvePoint(p.Level, p.Percent, p.Accuracy, 0, 0, 0, 1)).ToList());
        var sparsest = new SparsityReport([new SparsityRow("w", (long)(weights * ticket[^1].Percent / 100), weights)]);
        return new TicketExperimentResult(new LotteryHparams { Training = training ?? new TrainingHparams() }, [1],
            Curve(TicketSeries.Ticket, ticket),
            Curve(TicketSeries.RandomReinit, reinit), Curve(TicketSeries.RandomMask, []), [sparsest], 1);
    }

    [Fact]
    public void TiedAndUntiedAreReadAtEqualAbsoluteWeights()
    {
        // Tied: 1,000 weights. Untied: 20,000, pruned to 10 % (2,000) and 2.5 % (500). At the tied network's 1,000
        // weights (5 % of the untied one) the untied curve is read between 10 % and 2.5 % in log(percent): halfway,
        // so (80 + 60) / 2 = 70. The tied level at 25 % (250 weights) is below the untied curve's reach: null.
        var tied = Result(1000, [(0, 100, 90), (1, 25, 88)], [(1, 25, 70)]);
        var untied = Result(20_000, [(0, 100, 95), (1, 10, 80), (2, 2.5, 60)], [(1, 10, 75), (2, 2.5, 50)]);
        var points = new TiedComparison(tied, untied).AtEqualWeights;
        var tiedDense = points.Single(p => p.Model == "tied" && p.Level == 0);
        Assert.Equal(1000, tiedDense.Weights, 9);
        Assert.Equal(70, tiedDense.OtherTicket!.Value, 9);
        Assert.Null(points.Single(p => p.Model == "tied" && p.Level == 1).OtherTicket);
        Assert.Equal(70, points.Single(p => p.Model == "tied" && p.Level == 1).Reinit);
        // The untied level at 10 % (2,000 weights) is beyond the tied network's 1,000: no reading; at 2.5 % (500
        // weights = 50 % of tied) the tied curve is read between 100 % and 25 %: halfway in log, (90 + 88) / 2.
        Assert.Null(points.Single(p => p.Model == "untied" && p.Level == 1).OtherTicket);
        Assert.Equal(89, points.Single(p => p.Model == "untied" && p.Level == 2).OtherTicket!.Value, 9);
    }

    [Fact]
    public void TheSmoothingFrontierIsTheSparsestLevelWithinToleranceOfItsOwnDense()
    {
        var plain = Result(100, (0, 100, 95), (1, 50, 95.2), (2, 25, 94.4), (3, 12.5, 94.8));   // falls out at 25 %: frontier 50 % (not 12.5)
        var smoothed = Result(100, (0, 100, 96), (1, 50, 95.8), (2, 25, 95.6), (3, 12.5, 95.0)); // 95.0 < 96 − 0.5 at 12.5 %
        var c = new SmoothingComparison(plain, smoothed);
        Assert.Equal(50, c.PlainFrontier);
        Assert.Equal(25, c.SmoothedFrontier);
        Assert.Null((c with { Tolerance = 0.1 }).SmoothedFrontier);   // 95.8 < 96 − 0.1 already at the first level
    }

    [Fact]
    public void EachSeedsFrontierIsReadAgainstThatSeedsOwnDenseAccuracy()
    {
        // Seed 1: plain 95 → 95.2 (50 %) → 94.4 (25 %): out at 25 %, frontier 50 %; smoothed 96 → 95.8 → 95.6: 25 %.
        // Seed 2: plain 95 → 94.0: out at the first level (null); smoothed 96 → 95.6 → 95.4 (< 95.5): 50 %.
        static TicketExperimentResult Run(double[] seed1, double[] seed2) =>
            Result(100, (0, 100, 0), (1, 50, 0), (2, 25, 0)) with
            {
                Seeds = [1, 2],
                Trainings = [.. new[] { seed1, seed2 }.SelectMany((accuracies, s) => accuracies.Select((a, level) =>
                    new LevelTraining(TicketSeries.Ticket, s + 1, level, new[] { 100, 50, 25.0 }[level], []) { EarlyStopAccuracy = a }))],
            };
        var c = new SmoothingComparison(Run([95, 95.2, 94.4], [95, 94.0, 94.1]), Run([96, 95.8, 95.6], [96, 95.6, 95.4]));
        Assert.Equal([new SeedFrontier(1, 50, 25), new SeedFrontier(2, null, 50)], c.FrontierBySeed());
        var swapped = c with { Smoothed = c.Smoothed with { Seeds = [2, 1] } };
        Assert.Equal("Smoothed", Assert.ThrowsAny<ArgumentException>(() => swapped.FrontierBySeed()).ParamName);
    }

    [Fact]
    public void EachSeedsNoiseScalePoolsTheSamplesOfTheLevelsAsked()
    {
        // B_small = 10, B_big = 60, an infinite population: |G|² = (60·big − 10·small)/50, tr Σ = (small − big)/(1/10 − 1/60).
        // Seed 1: (3, 1) at level 0 and (5, 3) at level 1, pooled means (4, 2): |G|² = 1.6, tr Σ = 24, B = 15; level 1
        // alone: |G|² = (180 − 50)/50 = 2.6, tr Σ = 24. Seed 2: (2, 2) at level 0 only: tr Σ = 0, B = 0; nothing at level 1.
        var r = Result(100, [(0, 100, 95), (1, 50, 95)], [], new TrainingHparams { GradientNoise = new GradientNoiseHparams(10, 1) }) with
        {
            Seeds = [1, 2],
            Trainings =
            [
                new LevelTraining(TicketSeries.Ticket, 1, 0, 100, []) { GradientNoise = [new(0, 3, 1)] },
                new LevelTraining(TicketSeries.Ticket, 1, 1, 50, []) { GradientNoise = [new(0, 5, 3)] },
                new LevelTraining(TicketSeries.Ticket, 2, 0, 100, []) { GradientNoise = [new(0, 2, 2)] },
            ],
        };
        var all = r.GradientNoiseBySeed();
        Assert.Equal(15, all[0]!.NoiseScale, 9);
        Assert.Equal(0, all[1]!.NoiseScale, 9);
        var sparse = r.GradientNoiseBySeed([1]);
        Assert.Equal(2.6, sparse[0]!.GradientSquaredNorm, 9);
        Assert.Equal(24 / 2.6, sparse[0]!.NoiseScale, 9);
        Assert.Null(sparse[1]);
        Assert.Empty((r with { Hparams = new LotteryHparams() }).GradientNoiseBySeed()); // no noise measured
    }

    [Fact]
    public void NoiseScaleAcrossLevelsAveragesEachTermBeforeTheRatio()
    {
        // Two samples at one level: E|G_10|² pairs (3, 1) and (5, 3) → means 4 and 2 at B = 10, 60:
        // |G|² = (60·2 − 10·4)/50 = 1.6, tr Σ = (4 − 2)/(1/10 − 1/60) = 24, B = 15. The ratio of per-sample
        // estimates averaged would differ (sample 1: |G|² = 0.6, tr Σ = 24 → 40; sample 2: 2.6, 24 → 9.2).
        var noise = new GradientNoiseHparams(10, 1);
        var r = Result(100, [(0, 100, 95)], [], new TrainingHparams { GradientNoise = noise }) with
        {
            Trainings = [new LevelTraining(TicketSeries.Ticket, 1, 0, 100, []) { GradientNoise = [new(0, 3, 1), new(1, 5, 3)] }],
        };
        var point = Assert.Single(r.GradientNoise());
        Assert.Equal(1.6, point.MeanGradientSquaredNorm, 9);
        Assert.Equal(24, point.MeanTraceCovariance, 9);
        Assert.Equal(15, point.MeanNoiseScale, 9);

        // Trained on N = 70 examples, the batches are drawn without replacement from them: E|G_B|² = |G|² + c_B·tr Σ
        // with c_B = (N − B)/(B(N − 1)): c_10 = 60/690 = 6/69, c_60 = 10/4140 = 1/414, c_10 − c_60 = 35/414. So
        // tr Σ = (4 − 2)/(35/414) = 828/35, |G|² = (c_10·2 − c_60·4)/(35/414) = (72 − 4)/35 = 68/35, B = 828/68.
        var finite = Assert.Single((r with { TrainingExamples = 70 }).GradientNoise());
        Assert.Equal(68.0 / 35, finite.MeanGradientSquaredNorm, 9);
        Assert.Equal(828.0 / 35, finite.MeanTraceCovariance, 9);
        Assert.Equal(828.0 / 68, finite.MeanNoiseScale, 9);
        Assert.Equal(828.0 / 68, Assert.Single((r with { TrainingExamples = 70 }).NoiseScaleDuring(0, 10)).NoiseScale, 9);
    }
}
