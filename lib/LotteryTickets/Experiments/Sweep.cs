namespace LotteryTickets.Experiments;

/// <summary>
/// The common shape of a sweep: a positional record of settings (constraints declared on its parameters, relations in
/// <see cref="CheckRelations"/>, checked by <see cref="Validation.Check{T}"/> in Run and Key), computes one plain result
/// record, and is cached whole in the run store as JSON under <see cref="Key"/> (kind, non-default settings, budget,
/// and <see cref="KeyExtras"/>). Parallel sweeps go through <see cref="SeededParallel"/>, so a seed gives the same
/// result at any thread count.
/// </summary>
/// <typeparam name="TResult">The sweep's result: a record that round-trips through System.Text.Json.</typeparam>
public abstract record Sweep<TResult> : IExperiment<TResult>, IValidated
{
    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public TResult Run(ExperimentContext? context = null)
    {
        Validation.Check(this);
        var c = Validation.Check(context ?? new ExperimentContext(), nameof(context));
        TResult Compute() => this.Compute(c);
        return c.Store is null ? Compute() : c.Store.GetOrCompute(KeyOf(c.Budget), Compute, c.Recompute);
    }

    /// <summary>The run key of this sweep at <paramref name="budget"/> (the settings are validated first).</summary>
    public RunKey Key(Budget budget) => Validation.Check(this).KeyOf(budget);

    private RunKey KeyOf(Budget budget) => RunKey.For(Kind, this, [("budget", Check.NotNull(budget).Name), .. KeyExtras()]);

    /// <summary>Values that name the run besides the settings (e.g. a fingerprint of the data a sweep trains on).</summary>
    protected virtual IEnumerable<(string Name, object? Value)> KeyExtras() => [];

    /// <summary>Checks that relate two or more settings (e.g. K ≤ N); throws an <see cref="ArgumentException"/> naming
    /// the setting. Default: none.</summary>
    public virtual void CheckRelations() { }

    /// <summary>The sweep itself (settings already validated).</summary>
    protected abstract TResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken);

    /// <summary>The sweep with its whole context, for sweeps that run a nested experiment through the same store (e.g.
    /// <see cref="DenseNetworks"/>). Default: <see cref="Compute(IProgress{ExperimentProgress}, CancellationToken)"/>.</summary>
    protected virtual TResult Compute(ExperimentContext context) => Compute(Check.NotNull(context).Progress, context.CancellationToken);
}

/// <summary>
/// The sweeps' one parallel skeleton: units 0 … count−1 (each deriving its own seed, e.g. with
/// <see cref="SplitMix64.Derive"/>) run in parallel and their results come back in unit order, so that every reduction
/// over them happens in a fixed order and a seed gives bit-identical results at any thread count. Progress reports
/// arrive one at a time with Completed rising by one. With one thread the units run in order on the calling thread
/// (for sweeps whose seconds are measured).
/// </summary>
internal static class SeededParallel
{
    public static T[] Map<T>(int count, Func<int, T> unit, int? maxDegreeOfParallelism, IProgress<ExperimentProgress>? progress,
        string unitName, CancellationToken cancellationToken)
    {
        Check.NonNegative(count);
        var results = new T[count];
        if (maxDegreeOfParallelism == 1)
        {
            for (int i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = unit(i);
                progress?.Report(new ExperimentProgress(i + 1, count, unitName));
            }
            return results;
        }
        int done = 0;
        var gate = new object();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, count, options, i =>
        {
            results[i] = unit(i);
            if (progress is null) return;
            lock (gate) progress.Report(new ExperimentProgress(++done, count, unitName)); // in order: Completed never goes back
        });
        return results;
    }
}
