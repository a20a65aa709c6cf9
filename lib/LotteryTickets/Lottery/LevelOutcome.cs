namespace LotteryTickets.Lottery;

/// <summary>
/// What <see cref="IterativeMagnitudePruning.TrainLevel"/> returns: the level's result, its trained weights (input to
/// the next pruning step) and the rewind point (captured at level 0, otherwise the one passed in).
/// </summary>
/// <param name="Result">The level's result.</param>
/// <param name="TrainedWeights">Weights at the end of training (caller owns).</param>
/// <param name="RewindWeights">The rewind point.</param>
public sealed record LevelOutcome(LevelResult Result, WeightSnapshot TrainedWeights, WeightSnapshot RewindWeights);
