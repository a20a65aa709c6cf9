namespace LotteryTickets.Tests.Curriculum;

public class PredictingTheLotteryTests
{
    [Fact]
    public void PresetsAreValidAndFollowTheBudget()
    {
        var quick = PredictingTheLottery.PhaseGrid(Budget.Quick);
        var full = PredictingTheLottery.PhaseGrid(Budget.Full);
        Assert.Equal((9, 9, 50), (quick.Deltas.Count, quick.Rhos.Count, quick.N));
        Assert.Equal((19, 9, 100), (full.Deltas.Count, full.Rhos.Count, full.N));
        var teacher = PredictingTheLottery.Teacher(Budget.Full);
        Assert.Equal((200, 20, 200), (teacher.N, teacher.K, teacher.Samples[^1]));
    }
}
