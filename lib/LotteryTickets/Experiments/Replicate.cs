namespace LotteryTickets.Experiments;

/// <summary>
/// The replicate a run of given hyper-parameters is (open_lth's replicate): its seed, which names the run beside the
/// hyper-parameters (a <c>Seed=…</c> line unless 0) but is not one of them.
/// </summary>
/// <param name="Seed">Seeds the run's initialisation and data order.</param>
public sealed record Replicate(long Seed = 0);
