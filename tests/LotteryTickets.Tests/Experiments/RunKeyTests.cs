using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Training;

namespace LotteryTickets.Tests.Experiments;

public class RunKeyTests
{
    // Two versions of one parameter record: V2 adds a property whose default keeps V1's behaviour.
    public sealed record InnerV1 { public int Width { get; init; } = 8; }
    public sealed record V1 { public double Rate { get; init; } = 0.1; public string Name { get; init; } = "a"; public InnerV1 Inner { get; init; } = new(); }
    public sealed record InnerV2 { public int Width { get; init; } = 8; public bool Bias { get; init; } = true; }
    public sealed record V2 { public string Name { get; init; } = "a"; public double Rate { get; init; } = 0.1; public InnerV2 Inner { get; init; } = new(); public int Added { get; init; } = 3; }

    [Fact]
    public void AddingADefaultedPropertyKeepsOldKeys()
    {
        Assert.Equal(RunKey.For("x", new V1()).Hash, RunKey.For("x", new V2()).Hash);
        var v1 = RunKey.For("x", new V1 { Rate = 0.25, Inner = new InnerV1 { Width = 4 } });
        var v2 = RunKey.For("x", new V2 { Rate = 0.25, Inner = new InnerV2 { Width = 4 } });
        Assert.Equal(v1.Hash, v2.Hash); // V2 also declares its properties in another order
        Assert.Equal(["kind=x", "Inner.Width=4", "Rate=0.25"], v1.Lines);
    }

    [Fact]
    public void ChangingAnyValueChangesTheKey()
    {
        var keys = new[]
        {
            RunKey.For("x", new V2()), RunKey.For("y", new V2()), RunKey.For("x", new V2 { Rate = 0.1000000001 }),
            RunKey.For("x", new V2 { Name = "b" }), RunKey.For("x", new V2 { Inner = new InnerV2 { Bias = false } }),
            RunKey.For("x", new V2 { Added = 4 }), RunKey.For("x", new V2(), ("data", "mnist")), RunKey.For("x", new V2(), ("data", "fashion")),
        }.Select(k => k.Hash).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{16}$", k));
    }

    [Fact]
    public void SettingADefaultExplicitlyChangesNothing()
    {
        var h = new LotteryHparams { Training = new TrainingHparams { Epochs = 10, Optimizer = "adam" }, Levels = 5 };
        Assert.Equal(RunKey.For("imp", new LotteryHparams()).Hash, RunKey.For("imp", h).Hash);
    }

    [Fact]
    public void PinnedKeyOfOneLotteryHparams()
    {
        // This literal pins the hashing format (lines, formatting, SHA-256 prefix): if it changes, every stored run
        // loses its name. Change it only on purpose, together with a note that old stores must be recomputed.
        var h = new LotteryHparams
        {
            Model = new ModelHparams { Hidden1 = 32, Hidden2 = 16 },
            Training = new TrainingHparams { Epochs = 2, LearningRate = 1e-3, EvalEvery = 50 },
            Pruning = new PruningHparams { Fraction = 0.2, OutputFraction = 0.1 },
            Levels = 3,
            Seed = 7,
        };
        var key = RunKey.For("ticket_experiment", h, ("budget", "quick"), ("data", "mnist 1k"));
        Assert.Equal(
            "kind=ticket_experiment\nLevels=3\nModel.Hidden1=32\nModel.Hidden2=16\nPruning.OutputFraction=0.1\nSeed=7\n" +
            "Training.Epochs=2\nTraining.EvalEvery=50\nTraining.LearningRate=0.001\nextra.budget=quick\nextra.data=mnist 1k",
            key.CanonicalText);
        Assert.Equal("44f8c7658c6480a2", key.Hash);
        Assert.Contains("\"Training.LearningRate\": \"0.001\"", key.ToJson());
    }

    [Fact]
    public void RejectsBlankKindsAndDuplicateExtras()
    {
        Assert.Equal("experimentKind", Assert.Throws<ArgumentException>(() => RunKey.For(" ", new V1())).ParamName);
        Assert.Equal("extra", Assert.Throws<ArgumentException>(() => RunKey.For("x", new V1(), ("a", 1), ("a", 2))).ParamName);
    }
}
