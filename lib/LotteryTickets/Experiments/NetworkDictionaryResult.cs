namespace LotteryTickets.Experiments;

/// <summary>
/// What <see cref="NetworkDictionarySweep"/> measured, as counts (so that a rate's interval can be computed from them).
/// Arrays are indexed by <see cref="AtomSource"/> (Gaussian, Initial, Trained) first, then [trial] or [k index][SNR index].
/// </summary>
/// <param name="Options">The settings of the sweep.</param>
/// <param name="NetworkAccuracy">Each trained network's test accuracy (%), in the order of the seeds.</param>
/// <param name="Atoms">[source][trial]: live atoms of the trial's dictionary (units not silent on all its digits).</param>
/// <param name="Coherence">[source][trial]: mutual coherence μ of the trial's dictionary.</param>
/// <param name="TwinShare">[source][trial]: share of atoms whose nearest other atom has |cosine| ≥
/// <see cref="NetworkDictionarySweep.TwinCosine"/>.</param>
/// <param name="Successes">[source][k][SNR]: trials whose OMP support was exactly the ticket.</param>
/// <param name="Attempts">[source][k][SNR]: trials run (those whose dictionary had at least k atoms).</param>
/// <param name="GuaranteedTrials">[source][SNR]: trials (over all k) below their own dictionary's bound (1 + 1/μ)/2.</param>
/// <param name="GuaranteedFailures">[source][SNR]: of those, the ones OMP got wrong.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the sweep (training included when the networks were not stored).</param>
public sealed record NetworkDictionaryResult(
    NetworkDictionarySweep Options,
    double[] NetworkAccuracy,
    int[][] Atoms,
    double[][] Coherence,
    double[][] TwinShare,
    int[][][] Successes,
    int[][][] Attempts,
    int[][] GuaranteedTrials,
    int[][] GuaranteedFailures,
    double ElapsedSeconds)
{
    /// <summary>(successes, trials) of <paramref name="source"/> at ticket size <paramref name="k"/> and SNR index
    /// <paramref name="snrIndex"/>.</summary>
    public (int Successes, int Trials) Count(AtomSource source, int k, int snrIndex)
    {
        int s = (int)Check.Defined(source);
        int ki = Options.Sparsities.ToList().IndexOf(k);
        Check.That(ki >= 0, $"k must be one of the sweep's sparsities ({string.Join(", ", Options.Sparsities)}); got {k}.", nameof(k));
        Check.InRange(snrIndex, 0, Options.SnrsDb.Count - 1);
        return (Successes[s][ki][snrIndex], Attempts[s][ki][snrIndex]);
    }

    /// <summary>Per source, its dictionaries on average: live atoms, μ (mean and largest over the trials) and the share of atoms
    /// with a near-twin.</summary>
    public IReadOnlyList<AtomStatistics> Summary() => Enum.GetValues<AtomSource>().Select(s => new AtomStatistics(s, Atoms[(int)s].Average(),
        Coherence[(int)s].Average(), Coherence[(int)s].Max(), TwinShare[(int)s].Average())).ToList();
}

/// <summary>One row of <see cref="NetworkDictionaryResult.Summary"/>: a source's dictionaries on average over the trials.</summary>
public sealed record AtomStatistics(AtomSource Source, double Atoms, double MeanCoherence, double MaxCoherence, double TwinShare);
