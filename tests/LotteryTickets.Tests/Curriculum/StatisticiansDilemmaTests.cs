namespace LotteryTickets.Tests.Curriculum;

public class StatisticiansDilemmaTests
{
    [Fact]
    public void PresetsAreValid()
    {
        var r = StatisticiansDilemma.Random(Budget.Quick);
        Assert.Equal((40, 5, 10, 20), (r.Rows, r.Columns, r.Trials, r.RandomDraws));
        var data = Synthetic.Splits(train: 60, test: 30);
        // The units read the shared networks of notebooks 06–09, and the claims' k is among the quick and full sizes.
        var units = StatisticiansDilemma.Units(Budget.Quick, data);
        Assert.Equal(OmpFindsTheTicket.Networks(Budget.Quick, data).KeyFor(1, Budget.Quick), units.Networks.KeyFor(1, Budget.Quick));
        Assert.Equal((LeNetLayer.Fc2, 10, 1), (units.Layer, units.Components, units.UnitNorm));
        Assert.Contains(StatisticiansDilemma.ClaimSubsetSize, units.SubsetSizes);
        Assert.Contains(StatisticiansDilemma.ClaimSubsetSize, StatisticiansDilemma.Units(Budget.Full, data).SubsetSizes);
        Assert.Contains(StatisticiansDilemma.RandomClaimSubsetSize, r.SubsetSizes);
    }
}
