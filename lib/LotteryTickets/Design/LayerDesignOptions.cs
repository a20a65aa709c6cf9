using LotteryTickets.Lottery;

namespace LotteryTickets.Design;

/// <summary>Settings of the design comparison on a trained layer (<see cref="LayerDesign.Run"/>).</summary>
/// <param name="Hparams">The network and its training (level 0 of IMP, i.e. the dense network, is trained once).</param>
/// <param name="Parameter">The weight matrix [out, in] whose columns give the rows: input unit j of the layer is
/// described by its outgoing weight vector W[:, j] ∈ ℝ^out.</param>
/// <param name="SubsetSizes">How many units to keep, each in [out, in].</param>
public sealed record LayerDesignOptions(LotteryHparams Hparams, string Parameter, IReadOnlyList<int> SubsetSizes);
