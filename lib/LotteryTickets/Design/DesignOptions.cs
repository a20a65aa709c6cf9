namespace LotteryTickets.Design;

/// <summary>Settings shared by the A-optimal row selectors.</summary>
/// <param name="SubsetSize">k, the number of rows to keep (1 ≤ k ≤ m).</param>
/// <param name="Regularization">Relative ridge ε used while the information matrix is singular: the greedy start uses
/// (ε·tr(XᵀX)/p)·I + X_SᵀX_S (and so does the exchange while its start is singular).</param>
/// <param name="MaxSubsets">Exact search refuses when C(m, k) exceeds this.</param>
/// <param name="MaxPasses">Exchange passes at most (each makes the single best improving swap).</param>
public sealed record DesignOptions(
    [property: Positive] int SubsetSize,
    [property: Positive] double Regularization = 1e-8,
    [property: Positive] long MaxSubsets = 5_000_000,
    [property: Positive] int MaxPasses = 1000) : IValidated;
