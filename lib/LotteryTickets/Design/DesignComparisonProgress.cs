namespace LotteryTickets.Design;

/// <summary>Progress of a design comparison: what runs (e.g. "training", "k = 20") and units done out of the total.</summary>
public readonly record struct DesignComparisonProgress(string Stage, int Completed, int Total);
