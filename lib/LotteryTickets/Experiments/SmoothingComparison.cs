using LotteryTickets.Lottery;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 5's comparison: the same IMP run trained with plain cross-entropy and with label smoothing ε
/// (<see cref="Training.TrainingHparams.LabelSmoothing"/>), over the same seeds (the same initialisations and data
/// order), both measuring the gradient noise while they train: the sparsest level each keeps within
/// <see cref="Tolerance"/> points of its own dense accuracy — for the mean curves and seed by seed — and B_simple across
/// the levels side by side.
/// </summary>
/// <param name="Plain">IMP with ε = 0 and <see cref="Training.TrainingHparams.GradientNoise"/> set.</param>
/// <param name="Smoothed">The same with ε &gt; 0, over the same seeds in the same order.</param>
public sealed record SmoothingComparison(TicketExperimentResult Plain, TicketExperimentResult Smoothed)
{
    /// <summary>"Still matches dense": within this many accuracy points of dense (default 0.5), at that level and every denser one.</summary>
    public double Tolerance { get; init; } = 0.5;

    /// <summary>The sparsest weights-remaining (%) of the plain run's mean curve within <see cref="Tolerance"/> of its
    /// mean dense accuracy (null: not level 1).</summary>
    public double? PlainFrontier => StructuredComparison.SparsestWithin(Plain.Ticket, Plain.DenseAccuracy, Tolerance);

    /// <summary>The same for the smoothed run, against its own dense accuracy.</summary>
    public double? SmoothedFrontier => StructuredComparison.SparsestWithin(Smoothed.Ticket, Smoothed.DenseAccuracy, Tolerance);

    /// <summary>The seeds both runs trained, in order; refused unless the two runs pair seed by seed.</summary>
    public IReadOnlyList<long> PairedSeeds
    {
        get
        {
            Check.That(Plain.Seeds.SequenceEqual(Smoothed.Seeds),
                $"Smoothed must train the seeds of Plain in the same order ({string.Join(", ", Plain.Seeds)}); got " +
                    $"{string.Join(", ", Smoothed.Seeds)}.",
                nameof(Smoothed));
            return Plain.Seeds;
        }
    }

    /// <summary>
    /// Each seed's frontier: the sparsest weights-remaining (%) at which that seed's ticket stays within
    /// <see cref="Tolerance"/> points of that seed's own dense accuracy, at that and every denser level (null: not even
    /// level 1), plain and smoothed. A step function of noisy accuracies: it moves a whole level when one accuracy
    /// crosses the line.
    /// </summary>
    public IReadOnlyList<SeedFrontier> FrontierBySeed() =>
        PairedSeeds.Select(s => new SeedFrontier(s, SparsestWithin(Plain, s), SparsestWithin(Smoothed, s))).ToList();

    private double? SparsestWithin(TicketExperimentResult r, long seed)
    {
        var levels = r.Trainings.Where(t => t.Series == TicketSeries.Ticket && t.Seed == seed).OrderBy(t => t.Level).ToList();
        if (levels.Count == 0 || levels[0].Level != 0) return null;
        double dense = levels[0].EarlyStopAccuracy;
        return levels.Skip(1).TakeWhile(t => !(t.EarlyStopAccuracy < dense - Tolerance)).LastOrDefault()?.PercentRemaining;
    }
}

/// <summary>One seed's frontier in a <see cref="SmoothingComparison"/> (weights remaining, %; null: not even level 1).</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Plain">The plain ticket's frontier.</param>
/// <param name="Smoothed">The smoothed ticket's frontier.</param>
public sealed record SeedFrontier(long Seed, double? Plain, double? Smoothed);
