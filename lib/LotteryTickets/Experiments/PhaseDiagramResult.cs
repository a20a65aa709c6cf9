namespace LotteryTickets.Experiments;

/// <summary>An empirical phase diagram: success fractions over the δ × ρ grid (JSON-serialisable, kept whole in the run store).</summary>
/// <param name="Options">The settings the sweep ran with.</param>
/// <param name="Measurements">m for each δ.</param>
/// <param name="CellSparsity">k per cell, [δ index][ρ index].</param>
/// <param name="CellSuccess">Success fraction per cell, [δ index][ρ index].</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the sweep.</param>
public sealed record PhaseDiagramResult(PhaseDiagramSweep Options, IReadOnlyList<int> Measurements, int[][] CellSparsity,
    double[][] CellSuccess, double ElapsedSeconds)
{
    /// <summary>δ values (rows of the grid).</summary>
    public IReadOnlyList<double> Deltas => Options.Deltas;

    /// <summary>ρ values (columns of the grid).</summary>
    public IReadOnlyList<double> Rhos => Options.Rhos;

    /// <summary>Trials per cell.</summary>
    public int Trials => Options.Trials;

    /// <summary>Fraction of successful trials in cell (δ index, ρ index).</summary>
    public double SuccessFraction(int deltaIndex, int rhoIndex) => CellSuccess[CheckDelta(deltaIndex)][CheckRho(rhoIndex)];

    /// <summary>Sparsity k used in cell (δ index, ρ index).</summary>
    public int Sparsity(int deltaIndex, int rhoIndex) => CellSparsity[CheckDelta(deltaIndex)][CheckRho(rhoIndex)];

    private int CheckDelta(int deltaIndex) => Check.InRange(deltaIndex, 0, Deltas.Count - 1);

    private int CheckRho(int rhoIndex) => Check.InRange(rhoIndex, 0, Rhos.Count - 1);

    /// <summary>A copy of the success fractions, [δ index, ρ index].</summary>
    public double[,] SuccessFractions()
    {
        var copy = new double[Deltas.Count, Rhos.Count];
        for (int i = 0; i < Deltas.Count; i++)
            for (int j = 0; j < Rhos.Count; j++) copy[i, j] = CellSuccess[i][j];
        return copy;
    }
}
