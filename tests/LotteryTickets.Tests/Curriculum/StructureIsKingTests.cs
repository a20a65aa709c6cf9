using LotteryTickets.Tests.Experiments;

namespace LotteryTickets.Tests.Curriculum;

public class StructureIsKingTests
{
    [Theory]
    [InlineData("quick")]
    [InlineData("full")]
    public void NotebookTwoRunsNotebookOnesTicketsUnderTheSameRunKeys(string budgetName)
    {
        var budget = Budget.Parse(budgetName);
        var data = RunStoreTests.Data;
        // Controls are not part of a run's key: notebook 02 loads the ticket levels notebook 01 stored.
        Assert.Equal(StructureIsKing.UnstructuredExperiment(budget, data).KeyFor(1, budget),
            TimeToTrainParadox.UnstructuredExperiment(budget, data).KeyFor(1, budget));
        Assert.Equal(StructureIsKing.StructuredExperiment(budget, data).KeyFor(1, budget),
            TimeToTrainParadox.StructuredExperiment(budget, data).KeyFor(1, budget));
        Assert.Empty(TimeToTrainParadox.UnstructuredExperiment(budget, data).Controls);
        Assert.Equal([TicketSeries.RandomReinit], StructureIsKing.StructuredExperiment(budget, data).Controls);

        // The two IMP runs differ only in how they prune.
        var u = StructureIsKing.Unstructured(budget);
        var s = StructureIsKing.Structured(budget);
        Assert.Equal(u with { Pruning = s.Pruning }, s);
        Assert.Equal(LotteryTickets.Pruning.PruningStrategy.StructuredMagnitude, s.Pruning.Strategy);

        // The speed presets are valid and time notebook 02's steps at the training batch size.
        _ = StructureIsKing.Speed(budget).Key(budget);
        var speed = TimeToTrainParadox.Speed(budget, [0.2, 0.5]);
        Assert.Equal([u.Training.BatchSize], speed.BatchSizes);
        _ = speed.Key(budget);
        Assert.InRange(TimeToTrainParadox.Target, 0.9, 0.99);
    }
}
