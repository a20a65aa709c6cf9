using LotteryTickets.Experiments;
using LotteryTickets.Models;
using LotteryTickets.Statistics;
using static LotteryTickets.Interactive.FigureText;
using LotteryTickets.Training;

namespace LotteryTickets.Interactive.Curriculum;

/// <summary>Notebook 06 (OMP finds the ticket): the sweep its cells and its solutions share, per <see cref="Budget"/>;
/// copy with <c>with</c> to change one setting.</summary>
public static class OmpFindsTheTicket
{
    /// <summary>
    /// OMP on 64×128 correlated dictionaries, seed 6. Quick: 4 coherences × 10 ticket sizes × 6 SNRs, 100 trials (enough for a
    /// rate near 100 % to be told from 90 %);
    /// full: 8 coherences × k = 1…24 × 11 SNRs, 200 trials. The first SNR is +∞ (noiseless).
    /// </summary>
    public static OmpRecoverySweep Recovery(Budget budget) => new(M: 64, N: 128,
        SharedWeights: Check.NotNull(budget).Choose<double[]>(quick: [0, 0.3, 0.6, 0.8], full: [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
        Sparsities: budget.Choose<int[]>(quick: [1, 2, 3, 4, 6, 8, 10, 12, 16, 20], full: [.. Enumerable.Range(1, 24)]),
        SnrsDb: budget.Choose<double[]>(quick: [double.PositiveInfinity, 30, 20, 15, 10, 5],
            full: [double.PositiveInfinity, 40, 30, 25, 20, 15, 12, 10, 7, 5, 0]),
        Trials: budget.Choose(quick: 100, full: 200), Seed: 6);

    /// <summary>
    /// The dense LeNet-300-100s that sections 6–9 read (their hidden units as atoms, their read-out as an ℓ1 problem,
    /// their units as a design): notebook 00's network and optimiser (<see cref="WinningTickets.Hparams"/>) trained on
    /// <paramref name="data"/> for 5 epochs (quick) or its full 20 (full), one per seed, quick 3 seeds and full 5. Trained once
    /// per run store: every notebook that nests these settings loads the same networks.
    /// </summary>
    public static DenseNetworks Networks(Budget budget, TrainingData data)
    {
        var hparams = WinningTickets.Hparams(Check.NotNull(budget));
        hparams = hparams with { Training = hparams.Training with { Epochs = budget.Choose(quick: 5, full: hparams.Training.Epochs) } };
        return new DenseNetworks(hparams, data, budget.Seeds(quick: 3, full: 5));
    }

    /// <summary>
    /// OMP in a network's dictionary: the 100 units of fc2 of <see cref="Networks"/> over 64 test digits per trial (centred,
    /// normalised), at initialisation, after training, and a Gaussian dictionary of the same shape, seed 6. Quick: k ∈ {1, 2, 3, 4,
    /// 6, 8}, SNR ∞, 20, 10 dB, 100 trials; full: k = 1…12, SNR ∞, 30, 20, 10, 5 dB, 400 trials.
    /// </summary>
    public static NetworkDictionarySweep Network(Budget budget, TrainingData data) => new(Networks(budget, data), LeNetLayer.Fc2, Inputs: 64,
        Sparsities: budget.Choose<int[]>(quick: [1, 2, 3, 4, 6, 8], full: [.. Enumerable.Range(1, 12)]),
        SnrsDb: budget.Choose<double[]>(quick: [double.PositiveInfinity, 20, 10], full: [double.PositiveInfinity, 30, 20, 10, 5]),
        Trials: budget.Choose(quick: 100, full: 400), Seed: 6);

    /// <summary>The ticket size the synthetic claims on coherence and noise are read at (the largest k the Gaussian dictionary
    /// recovered in 90 % of noiseless trials at the full budget before these claims were written).</summary>
    public const int ReadAtK = 8;

    /// <summary>The SNR the synthetic noise claim is read at (in both budgets' grids).</summary>
    public const double NoisySnrDb = 5;

    /// <summary>The ticket size and SNR the network claims are read at: a read-out of 3 units at 20 dB.</summary>
    public const int NetworkK = 3;

    /// <summary>See <see cref="NetworkK"/>.</summary>
    public const double NetworkSnrDb = 20;

    /// <summary>
    /// The section's claims: Tropp's guarantee holds trial by trial (noiseless); a random ticket is far easier than the
    /// guarantee's worst case; coherence and noise each lower recovery; and in a network's dictionary — its fc2 units at
    /// initialisation and after training — OMP finds a planted read-out of <see cref="NetworkK"/> units at
    /// <see cref="NetworkSnrDb"/> dB. Rates are Agresti–Coull estimates over the trials (the network's pooled over its networks).
    /// </summary>
    public static ClaimResult[] Claims(OmpRecoveryResult synthetic, NetworkDictionaryResult network)
    {
        Check.NotNull(synthetic);
        Check.NotNull(network);
        var o = synthetic.Options;
        int noiseless = Index(o.SnrsDb, double.PositiveInfinity, nameof(synthetic)), k4 = Index(o.Sparsities, 4, nameof(synthetic));
        int k8 = Index(o.Sparsities, ReadAtK, nameof(synthetic)), noisy = Index(o.SnrsDb, NoisySnrDb, nameof(synthetic));
        int netNoiseless = Index(network.Options.SnrsDb, double.PositiveInfinity, nameof(network));
        int netSnr = Index(network.Options.SnrsDb, NetworkSnrDb, nameof(network));
        Index(network.Options.Sparsities, NetworkK, nameof(network));
        Estimate Rate(int w, int ki, int si) => OmpFindsTheTicket.Rate(synthetic, w, o.Sparsities[ki], si);
        int last = o.SharedWeights.Count - 1;
        int guaranteed = synthetic.GuaranteedTrials.Sum(t => t[noiseless]) + network.GuaranteedTrials.Sum(t => t[netNoiseless]);
        int failed = synthetic.GuaranteedFailures.Sum(t => t[noiseless]) + network.GuaranteedFailures.Sum(t => t[netNoiseless]);
        Estimate Network(AtomSource source) => OmpFindsTheTicket.Rate(network, source, NetworkK, netSnr);
        string layer = network.Options.Layer.ToString().ToLowerInvariant();
        string where = F("the units of LeNet's {0} over {1} digits, k = {2}, {3} dB, {4} trials over {5} networks", layer,
            network.Options.Inputs, NetworkK, NetworkSnrDb, network.Options.Trials, network.NetworkAccuracy.Length);
        return [
            new Claim("guarantee-noiseless", "OMP recovers every k-sparse ticket from noiseless measurements when k < (1 + 1/μ)/2 (Tropp 2004).",
                F("share of the {0} noiseless trials below their own dictionary's bound that OMP got wrong (synthetic and network)", guaranteed),
                0.05, ClaimSide.Below) { Format = "0.000" }.Against(Estimate.OfProportion(failed, guaranteed)),
            new Claim("beyond-guarantee", "A random ticket is far easier than the worst case: OMP recovers tickets larger than the guarantee covers.",
                F("exact recovery of k = 4, noiseless, Gaussian 64 × 128 dictionary (μ = {0:0.00}: the guarantee covers k = 1 only)",
                    synthetic.MeanCoherence[0]), 0.9, ClaimSide.Above) { Format = "0.00" }.Against(Rate(0, k4, noiseless)),
            new Claim("coherence-hurts", "Coherent atoms are easy to confuse: recovery falls as μ grows.",
                F("exact recovery of k = {0}, noiseless: μ = {1:0.00} − μ = {2:0.00} (share of trials)", ReadAtK, synthetic.MeanCoherence[last],
                    synthetic.MeanCoherence[0]), 0, ClaimSide.Below)
            {
                Why = "One shared direction is a mild kind of coherence: it raises μ for every pair at once but leaves the atoms' other " +
                    "directions as random as before, so a random ticket is still told apart until k is large.",
            }.Against(Estimate.Difference(Rate(last, k8, noiseless), Rate(0, k8, noiseless))),
            new Claim("noise-hurts", "Noise breaks greed: recovery falls with the SNR.",
                F("exact recovery of k = {0}, Gaussian dictionary: {1} dB − noiseless (share of trials)", ReadAtK, NoisySnrDb), 0,
                ClaimSide.Below).Against(Estimate.Difference(Rate(0, k8, noisy), Rate(0, k8, noiseless))),
            new Claim("network-dictionary-at-init", "The network's architecture defines a dictionary in which OMP finds a sparse ticket.",
                "exact recovery at initialisation: " + where, 0.9, ClaimSide.Above) { Format = "0.00" }.Against(Network(AtomSource.Initial)),
            new Claim("network-dictionary-trained", "(the same, for the trained network, whose tickets the chapter is about)",
                "exact recovery after training: " + where, 0.9, ClaimSide.Above)
            {
                Format = "0.00",
                Why = "Training makes the units of a layer respond to the same strokes of the same digits: over a few dozen digits " +
                    "their activation vectors crowd into the few directions that separate the classes (μ close to 1, some near-twins), " +
                    "so a read-out of a few units is matched almost as well by other units, and OMP's greedy picks go to those. A random " +
                    "network's units are still nearly as incoherent as Gaussian atoms.",
            }.Against(Network(AtomSource.Trained)),
        ];
    }

    /// <summary>Exact recovery of ticket size <paramref name="k"/> at shared weight index <paramref name="weightIndex"/> and SNR index
    /// <paramref name="snrIndex"/>: the Agresti–Coull estimate over the sweep's trials.</summary>
    public static Estimate Rate(OmpRecoveryResult r, int weightIndex, int k, int snrIndex)
    {
        Check.NotNull(r);
        Check.InRange(weightIndex, 0, r.Options.SharedWeights.Count - 1);
        int ki = Index(r.Options.Sparsities, k, nameof(k));
        Check.InRange(snrIndex, 0, r.Options.SnrsDb.Count - 1);
        int trials = r.Options.Trials;
        return Estimate.OfProportion((int)Math.Round(r.ExactRecovery[weightIndex][ki][snrIndex] * trials), trials);
    }

    /// <summary>Exact recovery in the dictionaries of <paramref name="source"/> (trials pooled over the networks): the Agresti–Coull
    /// estimate.</summary>
    public static Estimate Rate(NetworkDictionaryResult r, AtomSource source, int k, int snrIndex)
    {
        var (successes, trials) = Check.NotNull(r).Count(source, k, snrIndex);
        return Estimate.OfProportion(successes, trials);
    }

    static int Index<T>(IReadOnlyList<T> values, T value, string name)
    {
        int i = values.ToList().IndexOf(value);
        Check.That(i >= 0, $"{name} must include {value} in its grid ({string.Join(", ", values)}).", name);
        return i;
    }
}
