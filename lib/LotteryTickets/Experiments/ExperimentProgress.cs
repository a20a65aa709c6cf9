namespace LotteryTickets.Experiments;

/// <summary>
/// The one progress report of every experiment, as data: <paramref name="Completed"/> of <paramref name="Total"/>
/// units of work (cells, trials, training iterations …) and, where there is one, what is running now — the stage of a
/// composite experiment, the training of one level, the timing just measured. The notebook layer words it.
/// </summary>
/// <param name="Completed">Units finished.</param>
/// <param name="Total">Units in the whole experiment.</param>
/// <param name="Unit">What a unit is, e.g. "cells" (plural).</param>
public readonly record struct ExperimentProgress(int Completed, int Total, string Unit)
{
    /// <summary>Share of the work done, 0–1.</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Completed / Total, 0, 1);

    /// <summary>The part of a composite experiment that runs now, e.g. "teacher" or "students distilled" (null: the
    /// experiment has one part).</summary>
    public string? Stage { get; init; }

    /// <summary>The level being trained, or just loaded from the run store (null: the unit of work is no training).</summary>
    public TrainingStatus? Training { get; init; }

    /// <summary>The measurement a timing sweep just made (null: none).</summary>
    public TimingStatus? Timing { get; init; }
}
