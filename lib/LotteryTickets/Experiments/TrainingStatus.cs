namespace LotteryTickets.Experiments;

/// <summary>
/// The training an <see cref="ExperimentProgress"/> reports on: one level of one series (of one seed, where the
/// experiment runs several) at its latest evaluation, or the level loaded whole from the run store.
/// </summary>
/// <param name="Level">The IMP level (0 = dense).</param>
/// <param name="PercentRemaining">Weights remaining at this level (%).</param>
/// <param name="Iteration">The iteration just evaluated (a loaded level: its last).</param>
/// <param name="TotalIterations">Iterations in the level's schedule.</param>
/// <param name="TestAccuracy">Test accuracy in [0, 1] at that iteration.</param>
public sealed record TrainingStatus(int Level, double PercentRemaining, int Iteration, int TotalIterations, double TestAccuracy)
{
    /// <summary>The IMP seed of the run (null: the experiment trains one network, e.g. a teacher).</summary>
    public long? Seed { get; init; }

    /// <summary>The series (null: a single training outside a ticket experiment).</summary>
    public Lottery.TicketSeries? Series { get; init; }

    /// <summary>The level was loaded from the run store, not trained: <see cref="TestAccuracy"/> is its final one.</summary>
    public bool Loaded { get; init; }
}
