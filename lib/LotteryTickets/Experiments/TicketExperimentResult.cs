using LotteryTickets.Lottery;
using LotteryTickets.Pruning;

namespace LotteryTickets.Experiments;

/// <summary>
/// What <see cref="TicketExperiment.Run"/> measured: the three curves (accuracy in %, early-stop iteration), the
/// sparsity of each seed's sparsest ticket, and the wall time: the numbers the notebook layer's <c>Findings()</c>
/// states the paper's claims against.
/// </summary>
/// <param name="Hparams">The settings of every run.</param>
/// <param name="Seeds">The seeds run.</param>
/// <param name="Ticket">The ticket's curve (with at least the dense level 0: <see cref="DenseAccuracy"/> reads it).</param>
/// <param name="RandomReinit">The random re-initialisation control (no points when it was not trained).</param>
/// <param name="RandomMask">The random-mask control (no points when it was not trained).</param>
/// <param name="SparsestTicket">Each seed's sparsest ticket (<see cref="PrunableWeights"/> reads the first).</param>
/// <param name="Seconds">Wall time of the experiment.</param>
public sealed record TicketExperimentResult(LotteryHparams Hparams, IReadOnlyList<long> Seeds, TicketCurve Ticket,
    TicketCurve RandomReinit, TicketCurve RandomMask, IReadOnlyList<SparsityReport> SparsestTicket, double Seconds)
{
    /// <summary>Every level's training curve (ticket and controls, every seed), for readings such as steps to a target.</summary>
    public IReadOnlyList<LevelTraining> Trainings { get; init; } = [];

    /// <summary>
    /// N, the training examples every level trained on (<see cref="TicketExperiment.Run"/> sets it): the population the
    /// trainer's mini-batches, and so the gradient-noise samples, are drawn from without replacement. Null (a result made
    /// by hand): the noise readings assume an infinite population.
    /// </summary>
    public int? TrainingExamples { get; init; }

    /// <summary>
    /// For each level of <paramref name="series"/>: the first evaluated iteration at which validation accuracy reached
    /// <paramref name="target"/> (in [0, 1]), over the seeds that reached it (<see cref="Training.StepsToTarget"/>: the
    /// test set only reports).
    /// </summary>
    public IReadOnlyList<StepsToTargetPoint> StepsToTarget(double target, TicketSeries series = TicketSeries.Ticket)
    {
        Check.UnitInterval(target);
        Check.Defined(series);
        return Trainings.Where(t => t.Series == series).GroupBy(t => t.Level).OrderBy(g => g.Key).Select(g =>
        {
            var steps = g.Select(t => Training.StepsToTarget.Of(t.Evaluations, target)).ToList();
            var reached = steps.Where(s => s is not null).Select(s => (double)s!.Value).ToList();
            var (mean, sd) = MeanSd(reached);
            return new StepsToTargetPoint(g.Key, g.Average(t => t.PercentRemaining), target, mean, sd, reached.Count, steps.Count);
        }).ToList();
    }

    /// <summary>
    /// For each seed (in the order of <see cref="Seeds"/>): the weights remaining (%) of the sparsest level of
    /// <paramref name="series"/> whose validation accuracy reached <paramref name="target"/> (in [0, 1],
    /// <see cref="Training.StepsToTarget"/>); 100 where no pruned level did.
    /// </summary>
    public IReadOnlyList<double> SparsestReaching(double target, TicketSeries series = TicketSeries.Ticket)
    {
        Check.UnitInterval(target);
        Check.Defined(series);
        return Seeds.Select(s => Trainings.Where(t => t.Series == series && t.Seed == s && t.Level > 0 &&
                Training.StepsToTarget.Of(t.Evaluations, target) is not null)
            .Select(t => t.PercentRemaining).DefaultIfEmpty(100).Min()).ToList();
    }

    /// <summary>
    /// Each seed's training at <paramref name="level"/> of <paramref name="series"/>, in the order of <see cref="Seeds"/>
    /// (empty when the series was not trained there): the replicates a verdict pairs seed by seed.
    /// </summary>
    public IReadOnlyList<LevelTraining> At(TicketSeries series, int level)
    {
        Check.Defined(series);
        Check.NonNegative(level);
        return Seeds.SelectMany(s => Trainings.Where(t => t.Series == series && t.Level == level && t.Seed == s)).ToList();
    }

    /// <summary>Each seed's test accuracy (%) at the early-stop iteration at <paramref name="level"/> of <paramref name="series"/>,
    /// in the order of <see cref="Seeds"/> (<see cref="At"/>'s trainings): what a verdict pairs seed by seed.</summary>
    public IReadOnlyList<double> SeedAccuracies(TicketSeries series, int level) => At(series, level).Select(t => t.EarlyStopAccuracy).ToList();

    /// <summary>Each seed's test accuracy (%) at the early-stop iteration of <paramref name="series"/>, averaged over
    /// <paramref name="levels"/>, in the order of <see cref="Seeds"/>; every seed must have one training at each level.</summary>
    public IReadOnlyList<double> SeedAccuracies(TicketSeries series, IReadOnlyList<int> levels)
    {
        Check.Defined(series);
        Check.That(Check.NotNull(levels).Count > 0, "levels must name at least one level.", nameof(levels));
        return Seeds.Select(seed => levels.Average(level =>
        {
            var run = Trainings.Where(t => t.Series == series && t.Level == level && t.Seed == seed).ToList();
            Check.That(run.Count == 1, $"levels must be levels every seed trained; seed {seed} has {run.Count} trainings at level {level}.",
                nameof(levels));
            return run[0].EarlyStopAccuracy;
        })).ToList();
    }

    /// <summary>The network's prunable weights (dense count): the axis of absolute weights remaining.</summary>
    public long PrunableWeights => SparsestTicket[0].Total.Total;

    /// <summary>Weights remaining (count) at <paramref name="percentRemaining"/> % of <see cref="PrunableWeights"/>.</summary>
    public double WeightsAt(double percentRemaining)
    {
        Check.That(double.IsFinite(percentRemaining) && percentRemaining >= 0 && percentRemaining <= 100,
            $"percentRemaining must be in [0, 100]; got {percentRemaining}.", nameof(percentRemaining));
        return PrunableWeights * percentRemaining / 100;
    }

    /// <summary>
    /// The gradient noise scale B_simple of each level of <paramref name="series"/> (<see cref="Training.GradientNoiseScale"/>):
    /// per seed, both terms averaged over the level's training samples, then the ratio; mean and s.d. over seeds. The
    /// samples' batches are drawn without replacement from the <see cref="TrainingExamples"/>. Empty unless the runs
    /// measured it (<see cref="Training.TrainingHparams.GradientNoise"/>).
    /// </summary>
    public IReadOnlyList<GradientNoisePoint> GradientNoise(TicketSeries series = TicketSeries.Ticket)
    {
        Check.Defined(series);
        if (Hparams.Training.GradientNoise is not { } noise) return [];
        return Trainings.Where(t => t.Series == series && t.GradientNoise.Count > 0).GroupBy(t => t.Level).OrderBy(g => g.Key).Select(g =>
        {
            var estimates = g.Select(t =>
                Training.GradientNoiseScale.FromSamples(t.GradientNoise, noise, Hparams.Training.BatchSize, TrainingExamples)!).ToList();
            var (b, bSd) = MeanSd(estimates.Select(e => e.NoiseScale).ToList());
            return new GradientNoisePoint(g.Key, g.Average(t => t.PercentRemaining), b, bSd,
                estimates.Average(e => e.TraceCovariance), estimates.Average(e => e.GradientSquaredNorm), estimates.Count);
        }).ToList();
    }

    /// <summary>
    /// B_simple during the training of one level: the samples of each window of <paramref name="windowSteps"/> steps
    /// averaged (per seed), the ratio taken, then the mean over seeds (as <see cref="GradientNoise"/>, over the
    /// <see cref="TrainingExamples"/>). X is the window's middle step.
    /// </summary>
    public IReadOnlyList<(double Step, double NoiseScale)> NoiseScaleDuring(int level, int windowSteps, TicketSeries series = TicketSeries.Ticket)
    {
        Check.NonNegative(level);
        Check.Positive(windowSteps);
        Check.Defined(series);
        if (Hparams.Training.GradientNoise is not { } noise) return [];
        var runs = Trainings.Where(t => t.Series == series && t.Level == level && t.GradientNoise.Count > 0).ToList();
        return runs.SelectMany(t => t.GradientNoise.GroupBy(s => s.Iteration / windowSteps)
                .Select(w => (Window: w.Key,
                    B: Training.GradientNoiseScale.FromSamples(w.ToList(), noise, Hparams.Training.BatchSize, TrainingExamples)!.NoiseScale)))
            .GroupBy(x => x.Window).OrderBy(g => g.Key)
            .Select(g => ((g.Key + 0.5) * windowSteps, g.Select(x => x.B).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()))
            .ToList();
    }

    /// <summary>
    /// B_simple of each seed (in the order of <see cref="Seeds"/>) over the training of <paramref name="levels"/> of
    /// <paramref name="series"/> (null: every level): each term averaged over every sample of those levels, the ratio
    /// taken last (<see cref="Training.GradientNoiseScale.FromSamples"/>, over the <see cref="TrainingExamples"/>). One
    /// number per seed, for comparisons paired seed by seed; null for a seed with no samples there. Empty unless the runs
    /// measured the noise (<see cref="Training.TrainingHparams.GradientNoise"/>).
    /// </summary>
    public IReadOnlyList<Training.GradientNoiseEstimate?> GradientNoiseBySeed(IReadOnlyCollection<int>? levels = null,
        TicketSeries series = TicketSeries.Ticket)
    {
        if (levels is not null) foreach (int level in levels) Check.NonNegative(level, nameof(levels));
        Check.Defined(series);
        if (Hparams.Training.GradientNoise is not { } noise) return [];
        return Seeds.Select(seed => Training.GradientNoiseScale.FromSamples(
                Trainings.Where(t => t.Series == series && t.Seed == seed && (levels is null || levels.Contains(t.Level)))
                    .OrderBy(t => t.Level).SelectMany(t => t.GradientNoise).ToList(),
                noise, Hparams.Training.BatchSize, TrainingExamples))
            .ToList();
    }

    private static (double Mean, double Sd) MeanSd(IReadOnlyList<double> xs)
    {
        var finite = xs.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return (double.NaN, 0);
        return (finite.Average(), TicketCurve.StandardDeviation(finite));
    }

    /// <summary>Test accuracy (%) of the dense network at its early-stop iteration (level 0), mean over seeds.</summary>
    public double DenseAccuracy => Ticket.Points[0].MeanAccuracy;
}

/// <summary>One trained level's evaluation curve, as <see cref="TicketExperiment"/> measured it.</summary>
/// <param name="Series">The series trained.</param>
/// <param name="Seed">The IMP seed of the run it belongs to.</param>
/// <param name="Level">0 = dense.</param>
/// <param name="PercentRemaining">Weights remaining (%).</param>
/// <param name="Evaluations">Its evaluations, in order.</param>
public sealed record LevelTraining(TicketSeries Series, long Seed, int Level, double PercentRemaining,
    IReadOnlyList<Training.EvaluationPoint> Evaluations)
{
    /// <summary>The gradient-noise samples of this training (empty unless <see cref="Training.TrainingHparams.GradientNoise"/> was set).</summary>
    public IReadOnlyList<Training.GradientNoiseSample> GradientNoise { get; init; } = [];

    /// <summary>Test accuracy (%) at the early-stop iteration (best validation accuracy).</summary>
    public double EarlyStopAccuracy { get; init; } = double.NaN;

    /// <summary>The early-stop iteration.</summary>
    public int EarlyStopIteration { get; init; }
}

/// <summary>Steps to a target accuracy at one level, over seeds (see <see cref="TicketExperimentResult.StepsToTarget"/>).</summary>
/// <param name="Level">0 = dense.</param>
/// <param name="PercentRemaining">Weights remaining (%), mean over seeds.</param>
/// <param name="Target">The target validation accuracy in [0, 1].</param>
/// <param name="MeanSteps">Mean first iteration at or above the target, over the seeds that reached it (NaN if none did).</param>
/// <param name="StdSteps">Its sample standard deviation (0 for fewer than two).</param>
/// <param name="Reached">Seeds that reached the target.</param>
/// <param name="Seeds">Seeds trained.</param>
public sealed record StepsToTargetPoint(int Level, double PercentRemaining, double Target, double MeanSteps, double StdSteps, int Reached, int Seeds)
{
    /// <summary>Whether every seed reached the target.</summary>
    public bool AllReached => Reached == Seeds;
}

/// <summary>The gradient noise of one level over seeds (see <see cref="TicketExperimentResult.GradientNoise"/>).</summary>
/// <param name="Level">0 = dense.</param>
/// <param name="PercentRemaining">Weights remaining (%).</param>
/// <param name="MeanNoiseScale">B_simple = tr(Σ)/|G|², mean over the seeds with a finite estimate.</param>
/// <param name="StdNoiseScale">Its sample s.d. (0 for one seed).</param>
/// <param name="MeanTraceCovariance">tr(Σ), mean over seeds.</param>
/// <param name="MeanGradientSquaredNorm">|G|², mean over seeds.</param>
/// <param name="Seeds">Seeds measured.</param>
public sealed record GradientNoisePoint(int Level, double PercentRemaining, double MeanNoiseScale, double StdNoiseScale,
    double MeanTraceCovariance, double MeanGradientSquaredNorm, int Seeds);
