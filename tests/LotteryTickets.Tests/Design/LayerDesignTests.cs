using static TorchSharp.torch;

namespace LotteryTickets.Tests.Design;

public class LayerDesignTests
{
    [Fact]
    public void UnitRowsAreTheColumnsOfTheWeight()
    {
        using var layer = nn.Linear(3, 2);
        using (no_grad()) layer.weight!.copy_(tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3));
        var snapshot = WeightSnapshot.Capture(layer);
        var rows = LayerDesignSweep.UnitRows(snapshot, "weight");
        Assert.Equal((3, 2), (rows.RowCount, rows.ColumnCount));
        Assert.Equal(new double[] { 1, 4 }, rows.Row(0).ToArray());
        Assert.Equal(new double[] { 3, 6 }, rows.Row(2).ToArray());
        Assert.Equal("parameter", Assert.ThrowsAny<ArgumentException>(() => LayerDesignSweep.UnitRows(snapshot, "fc9.weight")).ParamName);
        Assert.Equal("parameter", Assert.ThrowsAny<ArgumentException>(() => LayerDesignSweep.UnitRows(snapshot, "bias")).ParamName);
    }

    [Fact]
    public void RunTrainsOnceAndIsDeterministic()
    {
        var hparams = new LotteryHparams
        {
            Model = new LeNetHparams { Hidden1 = 16, Hidden2 = 12 },
            Training = new TrainingHparams { Epochs = 1 },
        };
        var data = Synthetic.Splits(train: 300, test: 100);
        var options = new LayerDesignSweep(hparams, "fc3.weight", [10, 12], data) { Seed = 1 };
        var progress = new SyncProgress<ExperimentProgress>();
        var a = options.Run(new ExperimentContext { Progress = progress });
        var b = options.Run();
        Assert.Equal(a.Points, b.Points);
        Assert.Equal((12, 10), (a.Rows, a.Columns));
        Assert.Equal((1.0, 1.0), (a.At(12)!.Jaccard, a.At(12)!.Efficiency));
        Assert.Contains(progress.Reports, p => p.Training is { Iteration: > 0 } && p.Stage == "training lenet_300_100");
        Assert.Equal(progress.Reports[^1].Total, progress.Reports[^1].Completed);
        Assert.Equal("SubsetSizes", Assert.ThrowsAny<ArgumentException>(() => (options with { SubsetSizes = [9] }).Run()).ParamName);
    }
}
