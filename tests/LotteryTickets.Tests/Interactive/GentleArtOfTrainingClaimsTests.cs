using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>Notebook 05's claims on a hand-built pair of runs whose answers are worked out by hand.</summary>
public sealed class GentleArtOfTrainingClaimsTests
{
    static readonly double[] Percent = [100, 40, 16, 6.4];

    // Three seeds, levels 0–3; each seed's noise samples (small, big) at level 0 and level 3 (pooled per seed).
    static TicketExperimentResult Run(double epsilon, double[][] accuracyBySeed, (double Small, double Big)[][] noiseBySeed)
    {
        var trainings = new List<LevelTraining>();
        for (int s = 0; s < 3; s++)
            for (int level = 0; level < 4; level++)
                trainings.Add(new LevelTraining(TicketSeries.Ticket, s + 1, level, Percent[level], [])
                {
                    EarlyStopAccuracy = accuracyBySeed[s][level],
                    GradientNoise = level is 0 or 3
                        ? [new GradientNoiseSample(0, noiseBySeed[s][level == 0 ? 0 : 1].Small, noiseBySeed[s][level == 0 ? 0 : 1].Big)] : [],
                });
        var curve = new TicketCurve(TicketSeries.Ticket, [.. Percent.Select((p, l) =>
            new TicketCurvePoint(l, p, accuracyBySeed.Average(a => a[l]), 0, 0, 0, 3))]);
        return new TicketExperimentResult(GentleArtOfTraining.Hparams(Budget.Quick, epsilon), [1, 2, 3], curve,
            new TicketCurve(TicketSeries.RandomReinit, []), new TicketCurve(TicketSeries.RandomMask, []),
            [new SparsityReport([new SparsityRow("fc1.weight", 64, 1000)])], 1) { Trainings = trainings };
    }

    [Fact]
    public void TheClaimsPairTheSeedsAndReadEachRunAgainstItsOwnDenseNetwork()
    {
        // Noise: B_small = 10, B_big = 60, an infinite population (no training-set size on a hand-made result), so
        // E|G_B|² = |G|² + tr Σ / B. Plain, every seed: (3, 1.5) and (2, 1) → means (2.5, 1.25) → |G|² = 1, tr Σ = 15,
        // B = 15. Smoothed: |G|² = 1 and tr Σ = 12, 13.5, 10.5 → means (2.2, 1.2), (2.35, 1.225), (2.05, 1.175):
        // B = 12, 13.5, 10.5, i.e. −20 %, −10 %, −30 %: mean −20, s.d. 10, SE 10/√3.
        (double, double)[] plainNoise = [(3, 1.5), (2, 1)];
        var plain = Run(0,
            [[95, 94.0, 95.2, 94.6], [94, 93.0, 94.1, 93.5], [96, 95.0, 96.0, 95.4]],
            [plainNoise, plainNoise, plainNoise]);
        var smoothed = Run(GentleArtOfTraining.Epsilon,
            [[96, 95.0, 96.0, 95.2], [95.5, 94.0, 95.3, 94.9], [96.5, 95.5, 96.6, 95.7]],
            [[(2.2, 1.2), (2.2, 1.2)], [(2.35, 1.225), (2.35, 1.225)], [(2.05, 1.175), (2.05, 1.175)]]);
        var claims = GentleArtOfTraining.Claims(new SmoothingComparison(plain, smoothed));
        Assert.Equal(["lower-noise", "sparser-tickets-train", "sparse-accuracy"], claims.Select(c => c.Id));
        var byId = claims.ToDictionary(c => c.Id);

        Assert.Equal(-20, byId["lower-noise"].Measured.Mean, 9);
        Assert.Equal(10 / Math.Sqrt(3), byId["lower-noise"].Measured.StandardError, 9);
        Assert.Equal(Verdict.Holds, byId["lower-noise"].Verdict);

        // The two sparsest levels, 16 % and 6.4 %. Plain: mean there 94.9, 93.8, 95.7 → drops 0.1, 0.2, 0.3 below
        // dense 95, 94, 96. Smoothed: 95.6, 95.1, 96.15 → drops 0.4, 0.4, 0.35 below 96, 95.5, 96.5. Smoothed − plain
        // drop: 0.3, 0.2, 0.05: mean 0.55/3, s.d. √(0.031667/2) — its interval lies above 0, the claim puts it below.
        var drop = byId["sparser-tickets-train"];
        Assert.Contains("16.0 % and 6.4 %", drop.Measure);
        Assert.Equal(0.55 / 3, drop.Measured.Mean, 9);
        Assert.Equal(Math.Sqrt((0.35 / 3 * 0.35 / 3 + 0.05 / 3 * 0.05 / 3 + 0.4 / 3 * 0.4 / 3) / 2 / 3), drop.Measured.StandardError, 9);
        Assert.Equal(Verdict.DoesNotHold, drop.Verdict);

        // Absolute: smoothed − plain at the sparse levels 0.7, 1.3, 0.45 → mean 2.45/3, every seed above 0.
        var accuracy = byId["sparse-accuracy"];
        Assert.Equal(2.45 / 3, accuracy.Measured.Mean, 9);
        Assert.Equal(3, accuracy.Measured.Count);
        Assert.Equal(Verdict.Holds, accuracy.Verdict);
    }

    [Fact]
    public void WithoutNoiseSamplesTheNoiseClaimIsLeftOutAndUnpairedSeedsAreRefused()
    {
        double[][] accuracies = [[95, 95, 95, 95], [95, 95, 95, 95], [95, 95, 95, 95]];
        (double, double)[][] noise = [[(2, 1), (2, 1)], [(2, 1), (2, 1)], [(2, 1), (2, 1)]];
        var silent = GentleArtOfTraining.Hparams(Budget.Quick) with { Training = new TrainingHparams() }; // no noise samples
        var quiet = Run(0, accuracies, noise) with { Hparams = silent };
        Assert.Equal(["sparser-tickets-train", "sparse-accuracy"],
            GentleArtOfTraining.Claims(new SmoothingComparison(quiet, quiet)).Select(c => c.Id));
        var other = Run(0.1, accuracies, noise) with { Seeds = [3, 2, 1] };
        Assert.Equal("Smoothed",
            Assert.ThrowsAny<ArgumentException>(() => GentleArtOfTraining.Claims(new SmoothingComparison(quiet, other))).ParamName);
    }
}
