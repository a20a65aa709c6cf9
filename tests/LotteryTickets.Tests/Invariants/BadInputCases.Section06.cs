namespace LotteryTickets.Tests.Invariants;

// Section 06's network experiments (issue 23): its own file, so that the sections' cases are added side by side.
internal sealed partial class BadInputCases
{
    private NetworkDictionarySweep TinyNetworkDictionary(TrainingData data) =>
        new(new DenseNetworks(TinyImp(), data, new long[] { 1 }), LeNetLayer.Fc2, 6, new[] { 1, 2 }, new[] { double.PositiveInfinity }, 2, 1);

    /// <summary>Bad-input cases of section 06's public members.</summary>
    private void AddSection06()
    {
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));
        var sweep = TinyNetworkDictionary(data);
        var tooManyInputs = sweep with { Inputs = 13 };
        _cases.Add("Inputs", "[2, 12]", "more digits than the test split holds", () => tooManyInputs.Run(null));
        var bigK = sweep with { Sparsities = new[] { 7 } };
        _cases.Add("Sparsities", "[1, 6]", "k above the digits", () => bigK.Run(null));
        var network = sweep.Run(null);
        _cases.Add("source", "Gaussian, Initial, Trained", "an undefined source", () => network.Count((AtomSource)9, 1, 0));
        _cases.Add("k", "one of the sweep's sparsities", "k = 3 (not swept)", () => network.Count(AtomSource.Trained, 3, 0));
        _cases.Add("snrIndex", "[0, 0]", "past the SNRs", () => network.Count(AtomSource.Trained, 1, 1));

        var synthetic = OmpFindsTheTicket.Recovery(Budget.Quick) with
            { SharedWeights = new[] { 0.0, 0.5 }, Sparsities = new[] { 3, 4, 8 }, Trials = 2, SnrsDb = new[] { double.PositiveInfinity, 5 } };
        var syntheticResult = synthetic.Run(null);
        var twentyDb = (sweep with { Sparsities = new[] { 3 }, SnrsDb = new[] { double.PositiveInfinity, 20 } }).Run(null);
        OmpRecoveryResult? noSynthetic = null;
        NetworkDictionaryResult? noNetwork = null;
        _cases.Add("synthetic", "null", "null", () => OmpFindsTheTicket.Claims(noSynthetic!, twentyDb));
        _cases.Add("network", "null", "null", () => OmpFindsTheTicket.Claims(syntheticResult, noNetwork!));
        _cases.Add("network", "include 20", "a network sweep without 20 dB", () => OmpFindsTheTicket.Claims(syntheticResult, network));
        var noK3 = (sweep with { SnrsDb = new[] { double.PositiveInfinity, 20 } }).Run(null);
        _cases.Add("network", "include 3", "a network sweep without k = 3", () => OmpFindsTheTicket.Claims(syntheticResult, noK3));
        var noK4 = (synthetic with { Sparsities = new[] { 8 } }).Run(null);
        _cases.Add("synthetic", "include 4", "a synthetic sweep without k = 4", () => OmpFindsTheTicket.Claims(noK4, twentyDb));
        Budget? none = null;
        _cases.Add("budget", "null", "null", () => OmpFindsTheTicket.Network(none!, data));
        _cases.Add("r", "null", "null", () => OmpFindsTheTicket.Rate(noSynthetic!, 0, 4, 0));
        _cases.Add("weightIndex", "[0, 1]", "past the shared weights", () => OmpFindsTheTicket.Rate(syntheticResult, 2, 4, 0));
        _cases.Add("k", "include 5", "k = 5 (not swept)", () => OmpFindsTheTicket.Rate(syntheticResult, 0, 5, 0));
        _cases.Add("snrIndex", "[0, 1]", "past the SNRs", () => OmpFindsTheTicket.Rate(syntheticResult, 0, 4, 2));
        _cases.Add("r", "null", "null", () => OmpFindsTheTicket.Rate(noNetwork!, AtomSource.Trained, 1, 0));
        _cases.Add("source", "Gaussian, Initial, Trained", "an undefined source", () => OmpFindsTheTicket.Rate(network, (AtomSource)9, 1, 0));
        _cases.Add("result", "null", "null", () => OmpFigures.NetworkRecovery(noNetwork!, 0, null));
        _cases.Add("r", "null", "null", () => HtmlFormatters.ToHtml(noNetwork!));
        _cases.Add("snrIndex", "[0, 0]", "past the SNRs", () => OmpFigures.NetworkRecovery(network, 1, null));
        _cases.Add("source", "Gaussian, Initial, Trained", "an undefined source", () => OmpFigures.SourceLabel((AtomSource)9));
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 06's settings records.</summary>
    private void AddSection06Entries()
    {
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));
        Entry(TinyNetworkDictionary(data), s => s.Run(null));
    }
}
