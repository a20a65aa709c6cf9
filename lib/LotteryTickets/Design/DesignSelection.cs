namespace LotteryTickets.Design;

/// <summary>A chosen subset S of rows and its A-optimality criterion tr((X_SᵀX_S)⁻¹) (immutable).</summary>
public sealed class DesignSelection
{
    internal DesignSelection(int[] rows, double criterion, string method)
    {
        Rows = Array.AsReadOnly(rows.Order().ToArray());
        Criterion = criterion;
        Method = method;
    }

    /// <summary>Selected row indices, sorted ascending.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>tr((X_SᵀX_S)⁻¹); +∞ when X_S is rank-deficient.</summary>
    public double Criterion { get; }

    /// <summary>Whether X_SᵀX_S is singular (rank of X_S below the column count p), so the criterion is +∞.</summary>
    public bool IsSingular => double.IsPositiveInfinity(Criterion);

    /// <summary>Which selector produced this ("exact", "greedy", "exchange", "row-norm", "given").</summary>
    public string Method { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method}: rows [{string.Join(", ", Rows)}], tr(M⁻¹) = {Criterion:G6}";
}
