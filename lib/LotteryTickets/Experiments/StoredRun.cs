namespace LotteryTickets.Experiments;

/// <summary>One row of the run store's <c>runs</c> table.</summary>
/// <param name="Key">The run's <see cref="RunKey.Hash"/>.</param>
/// <param name="Kind">The experiment kind (e.g. <c>"ticket_experiment"</c>).</param>
/// <param name="ParametersJson">The hashed parameters (<see cref="RunKey.ToJson"/>).</param>
/// <param name="LibraryVersion">LotteryTickets version that started the run.</param>
/// <param name="Seed">The run's seed, if it has one.</param>
/// <param name="Created">When the run was first started (UTC).</param>
/// <param name="Completed">When it last completed (UTC), or null.</param>
/// <param name="Status"><c>"running"</c> (levels are being computed, or their computation was interrupted) or
/// <c>"complete"</c> (every level the last experiment to compute in it asked for is stored; opening it to load keeps it so).</param>
public sealed record StoredRun(string Key, string Kind, string ParametersJson, string LibraryVersion, long? Seed,
    DateTimeOffset Created, DateTimeOffset? Completed, string Status);
