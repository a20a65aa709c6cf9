namespace LotteryTickets.Experiments;

/// <summary>
/// How much compute a notebook spends: <see cref="Quick"/> (the default: each notebook in minutes on two CPU cores,
/// for a classroom) or <see cref="Full"/> (paper-scale: more levels, epochs and seeds). Chosen by the reproduce
/// command's <c>--budget</c> option or the <c>LOTTERY_BUDGET</c> environment variable; each notebook says what its
/// budget means.
/// </summary>
public sealed class Budget
{
    private Budget(string name) => Name = name;

    /// <summary><c>quick</c> or <c>full</c>: there are no other budgets (<see cref="Parse"/> refuses any other name).</summary>
    public string Name { get; }

    /// <summary>Environment variable that selects the budget (<c>quick</c> or <c>full</c>).</summary>
    public const string EnvironmentVariable = "LOTTERY_BUDGET";

    /// <summary>Minutes per notebook on two CPU cores.</summary>
    public static Budget Quick { get; } = new("quick");

    /// <summary>Paper-scale runs.</summary>
    public static Budget Full { get; } = new("full");

    /// <summary>True for <see cref="Full"/>.</summary>
    public bool IsFull => Name == Full.Name;

    /// <summary>Picks a value by budget: <c>budget.Choose(quick: 5, full: 20)</c>.</summary>
    public T Choose<T>(T quick, T full) => IsFull ? full : quick;

    /// <summary>The seeds 1 … n of an experiment: n = <paramref name="quick"/> (default 1) or <paramref name="full"/>
    /// (default 3, for error bars).</summary>
    public IReadOnlyList<long> Seeds(int quick = 1, int full = 3) =>
        Enumerable.Range(1,
            Check.InRange(Choose(quick, full), 1, 1000, IsFull ? nameof(full) : nameof(quick))).Select(i => (long)i).ToList().AsReadOnly();

    /// <summary>Parses <c>quick</c> or <c>full</c> (case-insensitive); any other name is refused.</summary>
    public static Budget Parse(string name) => Check.NotNull(name).Trim().ToLowerInvariant() switch
    {
        "quick" => Quick,
        "full" => Full,
        _ => throw new ArgumentException($"budget must be 'quick' or 'full'; got '{name}'.", nameof(name)),
    };

    /// <summary>The budget named by <c>LOTTERY_BUDGET</c>, else <see cref="Quick"/>.</summary>
    public static Budget Current =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } v && !string.IsNullOrWhiteSpace(v) ? Parse(v) : Quick;

    /// <inheritdoc />
    public override string ToString() => Name;
}
