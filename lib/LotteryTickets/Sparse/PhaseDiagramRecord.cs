namespace LotteryTickets.Sparse;

/// <summary>
/// The numbers of a <see cref="PhaseDiagramResult"/> as a plain, JSON-serialisable record (for the run store):
/// <see cref="PhaseDiagramResult.ToRecord"/> makes one, <see cref="PhaseDiagramResult.FromRecord"/> turns it back.
/// </summary>
/// <param name="Options">The settings of the sweep.</param>
/// <param name="Measurements">m for each δ.</param>
/// <param name="Sparsity">k per cell, [δ index][ρ index].</param>
/// <param name="Success">Success fraction per cell, [δ index][ρ index].</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the sweep.</param>
public sealed record PhaseDiagramRecord(
    PhaseDiagramOptions Options,
    IReadOnlyList<int> Measurements,
    IReadOnlyList<IReadOnlyList<int>> Sparsity,
    IReadOnlyList<IReadOnlyList<double>> Success,
    double ElapsedSeconds);
