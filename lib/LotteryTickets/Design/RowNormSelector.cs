using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>The magnitude heuristic: keep the k rows of largest ℓ2 norm (ties: lower index first).</summary>
public sealed class RowNormSelector
{
    /// <summary>Creates the selector; the options are validated here.</summary>
    public RowNormSelector(DesignOptions options) => Options = Validation.Check(options);

    /// <summary>The settings this selector runs with.</summary>
    public DesignOptions Options { get; }

    /// <summary>Selects k rows of X (m×p).</summary>
    public DesignSelection Select(Matrix<double> x)
    {
        DesignChecks.Matrix(x, Options.SubsetSize);
        var rows = Enumerable.Range(0, x.RowCount).OrderByDescending(i => x.Row(i).L2Norm()).ThenBy(i => i)
            .Take(Options.SubsetSize).ToArray();
        return new DesignSelection(rows, AOptimality.CriterionUnchecked(x, rows), "row-norm");
    }
}
