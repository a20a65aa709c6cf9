namespace LotteryTickets.Sparse;

/// <summary>
/// Settings of <see cref="OmpRecoverySweep"/>: how often OMP finds the exact support of a k-sparse "ticket" in an m×n
/// correlated dictionary (<see cref="Dictionaries.Correlated"/>), over shared weights (coherence) × k × SNR.
/// </summary>
/// <param name="M">Measurements (rows of the dictionary).</param>
/// <param name="N">Atoms (columns).</param>
/// <param name="SharedWeights">Shared-direction weights s ∈ [0, 1): 0 is a Gaussian dictionary, larger s raises μ.</param>
/// <param name="Sparsities">Ticket sizes k to try, each in [1, M].</param>
/// <param name="SnrsDb">Signal-to-noise ratios in dB; <see cref="double.PositiveInfinity"/> means noiseless.</param>
/// <param name="Trials">Trials per cell; trial t uses the same dictionary draw (rescaled by s) and the same ticket for every cell.</param>
/// <param name="Seed">Master seed; every draw's seed is derived from it, so results do not depend on scheduling.</param>
/// <param name="Signal">How the ticket's nonzeros are drawn.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all).</param>
public sealed record OmpRecoveryOptions(
    int M,
    int N,
    IReadOnlyList<double> SharedWeights,
    IReadOnlyList<int> Sparsities,
    IReadOnlyList<double> SnrsDb,
    int Trials,
    int Seed,
    SignalKind Signal = SignalKind.Signed,
    int? MaxDegreeOfParallelism = null);
