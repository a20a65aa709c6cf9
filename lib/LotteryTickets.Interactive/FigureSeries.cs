namespace LotteryTickets.Interactive;

/// <summary>One line of a figure: points (x, y) with an optional symmetric error on y (e.g. one standard deviation
/// over seeds). Checked, with its figure, when the figure is drawn or written.</summary>
/// <param name="Name">The series' name (legend and CSV).</param>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values, one per x.</param>
/// <param name="YError">The error on each y (null: none).</param>
public sealed record FigureSeries([property: NotEmpty] string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y,
    IReadOnlyList<double>? YError = null) : IValidated
{
    /// <inheritdoc />
    public void CheckRelations()
    {
        Check.That(X.Count == Y.Count, $"series '{Name}': X has {X.Count} points but Y has {Y.Count}.", nameof(Y));
        Check.That(YError is null || YError.Count == Y.Count, $"series '{Name}': YError has {YError?.Count} values but Y has {Y.Count}.",
            nameof(YError));
    }
}
