namespace LotteryTickets.Tests.Invariants;

// Section 07's network experiments (issue 23): its own file, so that the sections' cases are added side by side.
internal sealed partial class BadInputCases
{
    /// <summary>Bad-input cases of section 07's public members.</summary>
    private void AddSection07()
    {
        var sweep = new L1ConvergenceSweep(10, 20, 2, 20, 0.1, 1, 1, 1e-10, 5000);
        var traces = L1ConvergenceSweep.DefaultAlgorithms.Select(a =>
            new L1ConvergenceTrace(a, 0, new[] { 0.0, 0.1 }, new[] { 2.0, 1.0 }, true, 2)).ToArray();
        var race = new L1ConvergenceResult(sweep, new[] { 1.0 }, traces, 0.1);
        L1ConvergenceResult? noRace = null;
        _cases.Add("target", "NaN", "target NaN", () => race.IterationsTo(L1Algorithm.Fista, double.NaN));
        _cases.Add("target", "0", "target 0", () => race.SecondsTo(L1Algorithm.Fista, 0));
        _cases.Add("algorithm", "SubgradientDescent", "a solver the run did not race", () => race.FinalZeroShare(L1Algorithm.SubgradientDescent));
        _cases.Add("algorithm", "no nonzero counts", "a result stored before nonzeros were counted",
            () => race.MedianNonzerosByIteration(L1Algorithm.Ista));
        _cases.Add("result", "null", "null", () => L1Figures.NonzerosByIteration(noRace!));
        Budget? noBudget = null;
        TrainingData? noData = null;
        _cases.Add("budget", "null", "null", () => L1ProximalNewton.NetworkReadout(noBudget!, Experiments.RunStoreTests.Data));
        _cases.Add("data", "null", "null", () => L1ProximalNewton.NetworkReadout(Budget.Quick, noData!));
        var readout = new NetworkReadoutResult(10, 4, 0.5, new[] { L1Algorithm.Ista }, 10, 1e-8, Array.Empty<NetworkReadoutFit>(),
            Array.Empty<NetworkReadoutAccuracy>(), Array.Empty<L1ConvergenceTrace>(), Array.Empty<double>(), 0);
        NetworkReadoutResult? noReadout = null;
        _cases.Add("result", "null", "null", () => L1Figures.ReadoutOverlap(noReadout!));
        _cases.Add("result", "null", "null", () => L1Figures.ReadoutAccuracy(noReadout!));
        var pathSweep = new L1PathSweep(10, 20, 2, 20, 10, 0.1, 1, 1, 0.2, L1Algorithm.Fista, 1e-8, 5000);
        var one = new[] { 1.0 };
        var oldPath = new L1PathSweepResult(pathSweep, one, one, one, one, one, one, one, one, one, one, new[] { 1 }, one, 0);
        L1PathSweepResult? noPath = null;
        _cases.Add("race", "null", "null", () => L1ProximalNewton.Claims(noRace!, oldPath, readout));
        _cases.Add("path", "null", "null", () => L1ProximalNewton.Claims(race, noPath!, readout));
        _cases.Add("readout", "null", "null", () => L1ProximalNewton.Claims(race, oldPath, noReadout!));
        _cases.Add("path", "per-problem recalls", "a path stored before per-problem recalls", () => L1ProximalNewton.Claims(race, oldPath, readout));
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 07's settings records.</summary>
    private void AddSection07Entries()
    {
        var networks = new DenseNetworks(Experiments.RunStoreTests.Tiny(), Experiments.RunStoreTests.Data, new long[] { 3 });
        Entry(new NetworkReadoutSweep(networks, 20, 0.25, new[] { L1Algorithm.Ista }, 10), s => s.Run(null));
    }
}
