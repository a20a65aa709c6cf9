namespace LotteryTickets.Interactive;

/// <summary>One line of a figure: points (x, y) with an optional symmetric error on y (e.g. one standard deviation
/// over seeds).</summary>
public sealed record FigureSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? YError = null)
{
    private readonly IReadOnlyList<double> _x = Check.NotNull(X);

    /// <summary>The x values.</summary>
    public IReadOnlyList<double> X { get => _x; init => _x = Check.NotNull(value, nameof(X)); }

    private readonly IReadOnlyList<double> _y = Check.NotNull(Y);

    /// <summary>The y values, one per x.</summary>
    public IReadOnlyList<double> Y { get => _y; init => _y = Check.NotNull(value, nameof(Y)); }

    /// <summary>Validates lengths and values.</summary>
    public FigureSeries Validated()
    {
        Check.That(!string.IsNullOrWhiteSpace(Name), "a series needs a name.", nameof(Name));
        Check.That(X.Count == Y.Count, $"series '{Name}': X has {X.Count} points but Y has {Y.Count}.", nameof(Y));
        Check.That(YError is null || YError.Count == Y.Count, $"series '{Name}': YError has {YError?.Count} values but Y has {Y.Count}.", nameof(YError));
        return this;
    }
}
