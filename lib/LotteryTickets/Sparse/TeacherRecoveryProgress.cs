namespace LotteryTickets.Sparse;

/// <summary>Progress of a planted-teacher sweep: (m, trial) pairs finished out of the total.</summary>
public readonly record struct TeacherRecoveryProgress(int CompletedTrials, int TotalTrials);
