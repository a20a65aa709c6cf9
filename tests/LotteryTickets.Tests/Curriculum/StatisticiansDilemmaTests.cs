namespace LotteryTickets.Tests.Curriculum;

public class StatisticiansDilemmaTests
{
    [Fact]
    public void PresetsAreValid()
    {
        var r = StatisticiansDilemma.Random(Budget.Quick);
        Assert.Equal((40, 5, 10), (r.Rows, r.Columns, r.Trials));
        var data = Synthetic.Splits(train: 60, test: 30);
        var layer = StatisticiansDilemma.TrainedLayer(Budget.Quick, data);
        Assert.Equal(("fc3.weight", 2), (layer.Parameter, layer.Hparams.Training.Epochs));
        Assert.Same(data, layer.Data);
        Assert.Equal(20, StatisticiansDilemma.TrainedLayer(Budget.Full, data).Hparams.Training.Epochs);
    }
}
