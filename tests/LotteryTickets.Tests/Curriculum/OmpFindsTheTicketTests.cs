namespace LotteryTickets.Tests.Curriculum;

public class OmpFindsTheTicketTests
{
    [Fact]
    public void FullBudgetIsLargerAndBothStartNoiseless()
    {
        var quick = OmpFindsTheTicket.Recovery(Budget.Quick);
        var full = OmpFindsTheTicket.Recovery(Budget.Full);
        Assert.True(full.Trials > quick.Trials && full.Sparsities.Count > quick.Sparsities.Count && full.SnrsDb.Count > quick.SnrsDb.Count);
        Assert.Equal(double.PositiveInfinity, quick.SnrsDb[0]);
        Assert.Equal(double.PositiveInfinity, full.SnrsDb[0]);
        // The same settings give the same run key, so a solutions notebook finds the notebook's stored run.
        Assert.Equal(RunKey.For(ExperimentKinds.OmpRecovery, quick),
            RunKey.For(ExperimentKinds.OmpRecovery, OmpFindsTheTicket.Recovery(Budget.Quick)));
        Assert.Equal(quick.Key(Budget.Quick), OmpFindsTheTicket.Recovery(Budget.Quick).Key(Budget.Quick));
        Assert.Equal("budget", Assert.Throws<ArgumentNullException>(() => OmpFindsTheTicket.Recovery(null!)).ParamName);
    }
}
