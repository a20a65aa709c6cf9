using TorchSharp;

namespace LotteryTickets.Tests.Experiments;

public class DenseNetworksTests
{
    private static DenseNetworks Networks(params long[] seeds) => new(RunStoreTests.Tiny(), RunStoreTests.Data, seeds);

    [Fact]
    public void EachNetworkIsTrainedOncePerStoreAndLoadedIdenticalAfterwards()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        var saved = new List<string>();
        store.LevelSaved += (key, _, _) => saved.Add(key);

        var first = Networks(3, 4).Run(RunStoreTests.Context(store));
        Assert.Equal(2, saved.Count); // one level-0 row per seed
        var again = Networks(3, 4).Run(RunStoreTests.Context(store));
        Assert.Equal(2, saved.Count); // nothing trained the second time
        var unstored = Networks(3, 4).Run(RunStoreTests.Context(null));

        for (int i = 0; i < 2; i++)
        {
            Assert.True(first.Networks[i].Trained.ContentEquals(again.Networks[i].Trained));
            Assert.True(first.Networks[i].Initial.ContentEquals(again.Networks[i].Initial));
            Assert.True(first.Networks[i].Trained.ContentEquals(unstored.Networks[i].Trained)); // same seed, same network
            Assert.Equal(first.Networks[i].TestAccuracy, again.Networks[i].TestAccuracy);
            Assert.False(first.Networks[i].Initial.ContentEquals(first.Networks[i].Trained));
        }
        Assert.False(first.Networks[0].Trained.ContentEquals(first.Networks[1].Trained));
        Assert.All(store.Runs(), r => Assert.Equal(ExperimentKinds.DenseNetwork, r.Kind));
    }

    [Fact]
    public void TheInitialNetworkIsTheSeedsFreshInitialisationAndActivationsComeFromTheChosenWeights()
    {
        var net = Networks(9).Run().Networks[0];
        using var fresh = RunStoreTests.Tiny().Model.Create(torch.CPU, 9);
        Assert.True(WeightSnapshot.Capture(fresh).ContentEquals(net.Initial));

        var inputs = RunStoreTests.Data.Test.Inputs[..20];
        using var trained = net.Build(NetworkState.Trained);
        var expected = NetworkFeatures.Of(trained, inputs, LeNetLayer.Fc2);
        var actual = net.Activations(NetworkState.Trained, inputs, LeNetLayer.Fc2);
        Assert.Equal(expected.ToArray(), actual.ToArray());
        Assert.NotEqual(expected.ToArray(), net.Activations(NetworkState.Initial, inputs, LeNetLayer.Fc2).ToArray());
    }

    [Fact]
    public void TheKeyNamesSettingsSeedBudgetAndDataAndNotTheSeedList()
    {
        var a = Networks(3, 4).KeyFor(3, Budget.Quick);
        Assert.Equal(a, Networks(3).KeyFor(3, Budget.Quick));
        Assert.NotEqual(a, Networks(3).KeyFor(3, Budget.Full));
        Assert.NotEqual(a, Networks(4).KeyFor(4, Budget.Quick));
        Assert.Contains(a.Lines, l => l.StartsWith("extra.data=", StringComparison.Ordinal));
    }
}
