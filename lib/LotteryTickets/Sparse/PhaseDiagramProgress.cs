namespace LotteryTickets.Sparse;

/// <summary>Progress of a phase-diagram sweep: cells finished out of the total (reported from worker threads).</summary>
public readonly record struct PhaseDiagramProgress(int CompletedCells, int TotalCells);
