namespace LotteryTickets.Sparse;

/// <summary>Progress of a sparse-recovery sweep: units of work finished out of the total (may come from worker threads).</summary>
public readonly record struct SweepProgress(int Completed, int Total)
{
    /// <summary>Share of the work done, 0–1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
