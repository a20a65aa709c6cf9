namespace LotteryTickets.Sparse;

/// <summary>Where magnitude pruning of a planted teacher stops.</summary>
public enum PruningStop
{
    /// <summary>At the teacher's true k (<see cref="LinearNetworkPruning.OneShot"/>, <see cref="LinearNetworkPruning.Iterative"/>):
    /// the pruner is told how sparse the ticket is.</summary>
    GivenK,

    /// <summary>At the sparsest level that still fits the training data (<see cref="LinearNetworkPruning.OneShotUntilFitLost"/>,
    /// <see cref="LinearNetworkPruning.IterativeUntilFitLost"/>): the pruner is not told k.</summary>
    FitLost,
}
