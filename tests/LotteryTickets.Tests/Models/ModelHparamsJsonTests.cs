using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets.Tests.Models;

/// <summary>
/// Results cached in the run store are JSON (System.Text.Json, as <c>RunStore</c> writes them): settings stored while a
/// model was one flat record of every architecture's widths, and the optimizer and pruning strategy were strings, must
/// load as the typed settings, and the typed settings must be written in the same shape.
/// </summary>
public class ModelHparamsJsonTests
{
    private static readonly JsonSerializerOptions StoreJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static string Flat(string name, int hidden1 = 300, int convWidth = 64, int fcWidth = 256, int heads = 4, int recurrentWidth = 128) =>
        $$"""{"Name":"{{name}}","Hidden1":{{hidden1}},"Hidden2":100,"ConvWidth":{{convWidth}},"FcWidth":{{fcWidth}}""" +
        $$""","InputChannels":1,"ImageSize":28,"Blocks":2,"Heads":{{heads}},"Width":64""" +
        $$""","HeadWidth":16,"MlpWidth":128,"RecurrentWidth":{{recurrentWidth}},"Classes":10}""";

    [Fact]
    public void SettingsStoredInTheOldFlatShapeLoadAsTheirArchitecture()
    {
        Assert.Equal(new LeNetHparams { Hidden1 = 32 }, JsonSerializer.Deserialize<ModelHparams>(Flat("lenet_300_100", hidden1: 32), StoreJson));
        Assert.Equal(ModelHparams.Conv2(16, 128), JsonSerializer.Deserialize<ModelHparams>(Flat("conv2", convWidth: 16, fcWidth: 128), StoreJson));
        Assert.Equal(ModelHparams.TinyTransformer(heads: 2), JsonSerializer.Deserialize<ModelHparams>(Flat("tiny_transformer", heads: 2), StoreJson));
        Assert.Equal(ModelHparams.Rnn(tied: true, width: 64), JsonSerializer.Deserialize<ModelHparams>(Flat("rnn", recurrentWidth: 64), StoreJson));
        Assert.Equal(ModelHparams.Rnn(tied: false), JsonSerializer.Deserialize<ModelHparams>(Flat("rnn_untied"), StoreJson));
        Assert.Equal(ModelHparams.Conv2(16, 128), JsonSerializer.Deserialize<Conv2Hparams>(Flat("conv2", convWidth: 16, fcWidth: 128), StoreJson));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ModelHparams>(Flat("resnet"), StoreJson));
    }

    [Fact]
    public void OldLotteryHparamsWithStringNamesLoad()
    {
        string old = $$$"""
            {"Model":{{{Flat("conv2", convWidth: 16, fcWidth: 128)}}},
             "Training":{"Optimizer":"sgd","LearningRate":0.1,"Momentum":0.9,"WeightDecay":0,"LabelSmoothing":0,"Distillation":null,
                         "GradientNoise":null,"BatchSize":60,"Epochs":2,"EvalEvery":0,"EvalBatchSize":1000},
             "Pruning":{"Strategy":"structured_magnitude","Fraction":0.2,"OutputFraction":null,"UnitNorm":1}}
            """;
        var h = JsonSerializer.Deserialize<LotteryHparams>(old, StoreJson)!;
        Assert.Equal(ModelHparams.Conv2(16, 128), h.Model);
        Assert.Equal(Optimizer.Sgd, h.Training.Optimizer);
        Assert.Equal(0.9, h.Training.Momentum);
        Assert.Equal(PruningStrategy.StructuredMagnitude, h.Pruning.Strategy);
    }

    [Fact]
    public void TypedSettingsAreWrittenInTheSameShapeAndReadBack()
    {
        var h = new LotteryHparams
        {
            Model = ModelHparams.Rnn(tied: false, width: 32),
            Training = new TrainingHparams { Optimizer = Optimizer.Sgd },
            Pruning = new PruningHparams { Strategy = PruningStrategy.LayerwiseMagnitude },
        };
        string json = JsonSerializer.Serialize(h, StoreJson);
        Assert.Contains("\"Model\":{\"Name\":\"rnn_untied\",", json, StringComparison.Ordinal);
        Assert.Contains("\"RecurrentWidth\":32", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Tied", json, StringComparison.Ordinal);
        Assert.Contains("\"Optimizer\":\"sgd\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Strategy\":\"layerwise_magnitude\"", json, StringComparison.Ordinal);
        Assert.Equal(h, JsonSerializer.Deserialize<LotteryHparams>(json, StoreJson));
        Assert.Equal("\"random_reinit\"", JsonSerializer.Serialize(TicketSeries.RandomReinit));
        Assert.Equal(TicketSeries.RandomMask, JsonSerializer.Deserialize<TicketSeries>("\"random_mask\""));
    }
}
