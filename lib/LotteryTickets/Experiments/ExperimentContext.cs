namespace LotteryTickets.Experiments;

/// <summary>How an experiment runs: where results are kept, whether to ignore them, the budget that is part of their
/// name, where progress goes, and cancellation. The default runs without a store, at <see cref="Budget.Current"/>.</summary>
public sealed record ExperimentContext : IValidated
{
    /// <summary>The run store (null: compute, keep nothing).</summary>
    public RunStore? Store { get; init; }

    /// <summary>Compute afresh even where the store has the result (and replace it).</summary>
    public bool Recompute { get; init; }

    /// <summary>The budget (not null); its name is part of every run key.</summary>
    public Budget Budget { get; init; } = Budget.Current;

    /// <summary>Where progress goes (reports may come from worker threads).</summary>
    public IProgress<ExperimentProgress>? Progress { get; init; }

    /// <summary>Stops the run between units of work.</summary>
    public CancellationToken CancellationToken { get; init; }
}
