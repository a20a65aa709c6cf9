using static TorchSharp.torch;

namespace LotteryTickets.Tests.Models;

public class RowRnnTests
{
    private static RowRnn Make(bool tied, int hidden = 16) => (RowRnn)ModelHparams.Rnn(tied, hidden).Create(CPU, seed: 4);

    [Fact]
    public void AnUntiedModelWithEveryStepsWeightsEqualComputesExactlyTheTiedModel()
    {
        using var tied = Make(tied: true);
        using var untied = Make(tied: false);
        untied.CopyTiedWeights(tied);
        using var data = Synthetic.Blobs(32, seed: 1);
        using var _ = no_grad();
        using var a = tied.call(data.Inputs);
        using var b = untied.call(data.Inputs);
        Assert.Equal(0f, a.sub(b).abs().max().item<float>());
        // Untied has one input and one recurrent matrix per step: 28 × the recurrent weights, the read-out once.
        long recurrent = 16L * 28 + 16L * 16, readout = 16L * 10;
        Assert.Equal((recurrent + readout, 28 * recurrent + readout), (tied.PrunableCount, untied.PrunableCount));
        // …and the same multiply-adds per example: a tied weight is used at each of the 28 steps.
        Assert.Equal(Flops.Of(tied).DenseMacs, Flops.Of(untied).DenseMacs);
    }

    [Fact]
    public void ATiedWeightsMaskIsSharedByEveryStepAndItsPrunedEntriesStayZero()
    {
        using var tied = Make(tied: true);
        var mask = new GlobalMagnitudePruning().Prune(Mask.Dense(tied), WeightSnapshot.FromTensors(tied.PrunableTensors()),
            new PruningHparams { Fraction = 0.5 });
        var data = Synthetic.Splits(train: 120, test: 60);
        Trainer.Train(tied, mask, data.Train, null, data.Test, new TrainingHparams { Epochs = 1, BatchSize = 30 }, seed: 1);
        foreach (var (name, w) in tied.PrunableTensors())
        {
            var values = Weights.Host(w);
            var kept = mask.Values(name).ToArray();
            for (int i = 0; i < values.Length; i++)
                if (!kept[i]) Assert.Equal(0f, values[i]);
        }
        // The same weights spelled out per step: every step of the untied copy carries the same zeros, and computes the same.
        using var untied = Make(tied: false);
        untied.CopyTiedWeights(tied);
        var perStep = untied.PrunableTensors();
        var hiddenKept = mask.Values("hiddens.0.weight").ToArray();
        for (int t = 0; t < 28; t++)
        {
            var values = Weights.Host(perStep[$"hiddens.{t}.weight"]);
            Assert.All(Enumerable.Range(0, values.Length).Where(i => !hiddenKept[i]), i => Assert.Equal(0f, values[i]));
        }
        using var _ = no_grad();
        Assert.Equal(0f, tied.call(data.Test.Inputs).sub(untied.call(data.Test.Inputs)).abs().max().item<float>());
    }

    [Fact]
    public void SequencesOfTheWrongShapeAreRefusedByName()
    {
        using var tied = Make(tied: true);
        Assert.Equal("input", Assert.ThrowsAny<ArgumentException>(() => tied.call(zeros(2, 27, 28))).ParamName);
        using var other = (RowRnn)ModelHparams.Rnn(true, 8).Create(CPU, 1);
        using var untied = Make(tied: false);
        Assert.Equal("tied", Assert.ThrowsAny<ArgumentException>(() => untied.CopyTiedWeights(other)).ParamName);
    }
}
