using LotteryTickets.Experiments;
using LotteryTickets.Sparse;

namespace LotteryTickets.Tests.Experiments;

public class SparsePresetsTests
{
    [Fact]
    public void FullBudgetIsLargerAndBothStartNoiseless()
    {
        var quick = SparsePresets.OmpRecovery(Budget.Quick);
        var full = SparsePresets.OmpRecovery(Budget.Full);
        Assert.True(full.Trials > quick.Trials && full.Sparsities.Count > quick.Sparsities.Count && full.SnrsDb.Count > quick.SnrsDb.Count);
        Assert.Equal(double.PositiveInfinity, quick.SnrsDb[0]);
        Assert.Equal(double.PositiveInfinity, full.SnrsDb[0]);
        Assert.True(SparsePresets.L1Convergence(Budget.Full).Problems > SparsePresets.L1Convergence(Budget.Quick).Problems);
        Assert.True(SparsePresets.L1Path(Budget.Full).Lambdas > SparsePresets.L1Path(Budget.Quick).Lambdas);
        // The same settings give the same run key, so a solutions notebook finds the notebook's stored run.
        Assert.Equal(RunKey.For("omp_recovery", quick), RunKey.For("omp_recovery", SparsePresets.OmpRecovery(Budget.Quick)));
        Assert.Equal("budget", Assert.Throws<ArgumentNullException>(() => SparsePresets.L1Path(null!)).ParamName);
    }
}
