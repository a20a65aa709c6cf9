using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Experiments;

public class NetworkDictionarySweepTests
{
    private static NetworkDictionarySweep Sweep(int? threads = null) =>
        new(new DenseNetworks(RunStoreTests.Tiny(), RunStoreTests.Data, [3, 4]), LeNetLayer.Fc2, Inputs: 20, Sparsities: [1, 2, 3],
            SnrsDb: [double.PositiveInfinity, 10], Trials: 6, Seed: 5, MaxDegreeOfParallelism: threads);

    [Fact]
    public void AtomsDropSilentUnitsCentreAndNormaliseAndKeepTwinsAsTwins()
    {
        // Four units over three digits: unit 1 is silent (dropped); unit 3 = 2 × unit 0 (a twin: cosine 1 after centring);
        // unit 2 is constant 5 (nothing left after centring: dropped). By hand, unit 0 = (1, 2, 6): mean 3, centred (−2, −1, 3),
        // norm √14.
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 5, 2 }, { 2, 0, 5, 4 }, { 6, 0, 5, 12 } });
        var a = Sweep().Atoms(h, new[] { 0, 1, 2 });
        Assert.Equal(2, a.ColumnCount);
        double r = Math.Sqrt(14);
        Close(new[] { -2 / r, -1 / r, 3 / r }, a.Column(0).ToArray());
        Close(a.Column(0).ToArray(), a.Column(1).ToArray());
        Assert.Equal(1, Dictionaries.MutualCoherence(a), 12);

        // Uncentred, the constant unit stays (as a unit vector 1/√3) and unit 0 is (1, 2, 6)/√41.
        var raw = (Sweep() with { Centre = false }).Atoms(h, new[] { 0, 1, 2 });
        Assert.Equal(3, raw.ColumnCount);
        Close(new[] { 1 / Math.Sqrt(41), 2 / Math.Sqrt(41), 6 / Math.Sqrt(41) }, raw.Column(0).ToArray());
        Close(Enumerable.Repeat(1 / Math.Sqrt(3), 3), raw.Column(1).ToArray());
        // Rows are taken in the order drawn.
        Close(new[] { 3 / r, -2 / r, -1 / r }, Sweep().Atoms(h, new[] { 2, 0, 1 }).Column(0).ToArray());
    }

    private static void Close(IEnumerable<double> expected, double[] actual)
    {
        var e = expected.ToArray();
        Assert.Equal(e.Length, actual.Length);
        for (int i = 0; i < e.Length; i++) Assert.Equal(e[i], actual[i], 12);
    }

    [Fact]
    public void TheSweepCountsEveryTrialOnceAndAgreesWithTheTheoremOnGuaranteedTrials()
    {
        var r = Sweep().Run();
        for (int s = 0; s < 3; s++)
        {
            for (int ki = 0; ki < 3; ki++)
                for (int si = 0; si < 2; si++)
                {
                    Assert.Equal(6, r.Attempts[s][ki][si]); // 16 units, at most a few silent: every k fits
                    Assert.InRange(r.Successes[s][ki][si], 0, 6);
                }
            Assert.Equal(0, r.GuaranteedFailures[s][0]); // Tropp: no noiseless trial below its own bound fails
            Assert.All(r.Coherence[s], mu => Assert.InRange(mu, 0, 1));
            Assert.All(r.Atoms[s], n => Assert.InRange(n, 2, 16));
        }
        Assert.Equal(r.Atoms[(int)AtomSource.Trained], r.Atoms[(int)AtomSource.Gaussian]); // the baseline has the trained layer's shape
        Assert.Equal(2, r.NetworkAccuracy.Length);
        Assert.Equal(r.Count(AtomSource.Initial, 2, 1), (r.Successes[1][1][1], r.Attempts[1][1][1]));
        // k = 1 in noiseless measurements is always found when no two atoms are parallel (the atom is b itself).
        for (int s = 0; s < 3; s++)
            if (r.Coherence[s].All(mu => mu < 1 - 1e-9)) Assert.Equal(6, r.Successes[s][0][0]);
    }

    [Fact]
    public void AStoredResultComesBackWithoutTheDataItNeverStored()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder["runs.db"]);
        var first = Sweep().Run(RunStoreTests.Context(store));
        var again = Sweep().Run(RunStoreTests.Context(store)); // read back: the networks' data is not part of a stored result
        Assert.Null(again.Options.Networks.Data);
        Assert.Equal(first.Successes, again.Successes);
        Assert.Equal(first.Coherence, again.Coherence);
        Assert.Contains(store.Runs(), r => r.Kind == ExperimentKinds.DenseNetwork);
    }
}
