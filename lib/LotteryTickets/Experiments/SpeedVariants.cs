namespace LotteryTickets.Experiments;

/// <summary>The ways <see cref="SpeedSweep"/> runs a network.</summary>
public static class SpeedVariants
{
    /// <summary>The unpruned network.</summary>
    public const string Dense = "dense";

    /// <summary>Unstructured mask on the dense kernel: the zeros are multiplied like any weight.</summary>
    public const string Masked = "masked";

    /// <summary>Unstructured mask on the sparse (COO) kernel: only the kept weights are multiplied.</summary>
    public const string SparseKernel = "sparse_kernel";

    /// <summary>The physically smaller dense network with as many weights (structured pruning, compacted).</summary>
    public const string Compacted = "compacted";

    /// <summary>Every variant, dense first.</summary>
    public static IReadOnlyList<string> All { get; } = [Dense, Masked, SparseKernel, Compacted];

    /// <summary>The ways of running a pruned network (every variant but dense).</summary>
    public static IReadOnlyList<string> Pruned { get; } = [Masked, SparseKernel, Compacted];
}
