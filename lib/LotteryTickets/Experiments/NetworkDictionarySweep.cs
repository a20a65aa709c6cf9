using LotteryTickets.Design;
using LotteryTickets.Models;
using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Experiments;

/// <summary>
/// Section 6 on a network: "the network's architecture defines a dictionary". The atoms are the units of one hidden layer
/// of the shared LeNets, each described by its activations over <see cref="Inputs"/> digits drawn from the test split:
/// units silent on all of them are dropped, each column is centred (what the read-out's bias absorbs) and scaled to unit
/// norm. A planted k-sparse read-out over the live units is measured at each SNR and OMP runs k steps, exactly as in
/// <see cref="OmpRecoverySweep"/>; the same ticket and noise are tried on the layer at initialisation, after training,
/// and on a Gaussian dictionary of the trained one's shape. Trial t uses network t mod (networks) and its own draw of
/// digits; seeds derive from (Seed, trial), so the result does not depend on scheduling.
/// </summary>
/// <param name="Networks">The dense networks (trained once per run store).</param>
/// <param name="Layer">The hidden layer whose units are the atoms.</param>
/// <param name="Inputs">Digits per dictionary (its rows, the measurements m), at most the test split's size.</param>
/// <param name="Sparsities">Ticket sizes k, each at most <see cref="Inputs"/>.</param>
/// <param name="SnrsDb">SNR 20·log₁₀(‖Ax‖/‖e‖) in dB; <see cref="double.PositiveInfinity"/> is noiseless.</param>
/// <param name="Trials">Dictionaries per source (each with its tickets for every k).</param>
/// <param name="Seed">Master seed of the digits, tickets and noise.</param>
/// <param name="Centre">Subtract each unit's mean over the digits before normalising (default true).</param>
/// <param name="Signal">How the ticket's nonzeros are drawn.</param>
/// <param name="MaxDegreeOfParallelism">Cores used (null: all); not part of the run key.</param>
public sealed record NetworkDictionarySweep(
    DenseNetworks Networks,
    LeNetLayer Layer,
    [property: Range(2, int.MaxValue)] int Inputs,
    [property: NotEmpty, Positive, Distinct] IReadOnlyList<int> Sparsities,
    [property: NotEmpty, Range(double.NegativeInfinity, double.PositiveInfinity, MinExclusive = true)] IReadOnlyList<double> SnrsDb,
    [property: Positive] int Trials,
    int Seed,
    bool Centre = true,
    SignalKind Signal = SignalKind.Signed,
    [property: NotInRunKey, Positive] int? MaxDegreeOfParallelism = null) : Sweep<NetworkDictionaryResult>
{
    /// <summary>An atom whose nearest other atom has |cosine| at least this is counted as having a near-twin.</summary>
    public const double TwinCosine = 0.9;

    /// <inheritdoc />
    public override string Kind => ExperimentKinds.NetworkDictionary;

    /// <inheritdoc />
    protected override IEnumerable<(string Name, object? Value)> KeyExtras() => [("data", DataFingerprint.Describe(Networks.Data, null))];

    /// <inheritdoc />
    public override void CheckRelations()
    {
        int pool = Networks.Data.Test.Count;
        Check.That(Inputs <= pool, $"Inputs must be in [2, {pool}] (the test split's digits); got {Inputs}.", nameof(Inputs));
        Check.That(Sparsities.All(k => k <= Inputs),
            $"Sparsities must hold values in [1, {Inputs}] (k ≤ Inputs); got {string.Join(", ", Sparsities)}.", nameof(Sparsities));
    }

    /// <inheritdoc />
    protected override NetworkDictionaryResult Compute(IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken) =>
        Compute(new ExperimentContext { Progress = progress, CancellationToken = cancellationToken });

    /// <inheritdoc />
    protected override NetworkDictionaryResult Compute(ExperimentContext context)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var networks = Networks.Run(context with { Progress = Relay<ExperimentProgress>.To(context.Progress, p => p with { Stage = "networks" }) })
            .Networks;
        var pool = Networks.Data.Test.Inputs;
        var activations = networks
            .Select(n => new[] { n.Activations(NetworkState.Initial, pool, Layer), n.Activations(NetworkState.Trained, pool, Layer) }).ToArray();
        var units = SeededParallel.Map(Trials, t => Unit(activations[t % networks.Count], t), MaxDegreeOfParallelism, context.Progress, "trials",
            context.CancellationToken);
        int sources = Enum.GetValues<AtomSource>().Length, nk = Sparsities.Count, ns = SnrsDb.Count;
        var successes = new int[sources][][];
        var attempts = new int[sources][][];
        var covered = new int[sources][];
        var failed = new int[sources][];
        for (int s = 0; s < sources; s++)
        {
            successes[s] = Enumerable.Range(0, nk).Select(_ => new int[ns]).ToArray();
            attempts[s] = Enumerable.Range(0, nk).Select(_ => new int[ns]).ToArray();
            (covered[s], failed[s]) = (new int[ns], new int[ns]);
            foreach (var u in units)
            {
                var o = u.Outcomes[s];
                for (int ki = 0; ki < nk; ki++)
                    for (int si = 0; si < ns && Sparsities[ki] <= u.Atoms[s]; si++)
                    {
                        successes[s][ki][si] += o.Exact[ki, si];
                        attempts[s][ki][si]++;
                    }
                for (int si = 0; si < ns; si++) (covered[s][si], failed[s][si]) = (covered[s][si] + o.Covered[si], failed[s][si] + o.Failed[si]);
            }
        }
        int[][] PerTrial(Func<TrialResult, int, int> f) => Enumerable.Range(0, sources).Select(s => units.Select(u => f(u, s)).ToArray()).ToArray();
        double[][] PerTrialD(Func<TrialResult, int, double> f) =>
            Enumerable.Range(0, sources).Select(s => units.Select(u => f(u, s)).ToArray()).ToArray();
        return new NetworkDictionaryResult(this, networks.Select(n => n.TestAccuracy).ToArray(), PerTrial((u, s) => u.Atoms[s]),
            PerTrialD((u, s) => u.Outcomes[s].Coherence), PerTrialD((u, s) => u.TwinShare[s]), successes, attempts, covered, failed,
            clock.Elapsed.TotalSeconds);
    }

    private sealed record TrialResult(int[] Atoms, double[] TwinShare, OmpTrials.Outcome[] Outcomes);

    // One trial: draw the digits, build the three dictionaries, and run every k and SNR on each with the same tickets and noise.
    private TrialResult Unit(Matrix<double>[] activations, int t)
    {
        var rows = Enumerable.Range(0, activations[0].RowCount).ToArray();
        new SeededRandom(SplitMix64.Derive(Seed, t, -1, 3)).Shuffle(rows);
        var initial = Atoms(activations[0], rows.AsSpan(0, Inputs));
        var trained = Atoms(activations[1], rows.AsSpan(0, Inputs));
        var gaussian = Dictionaries.Gaussian(Inputs, trained.ColumnCount, SplitMix64.Derive(Seed, t, -1, 4));
        var dictionaries = new[] { gaussian, initial, trained }; // in AtomSource order
        var outcomes = new OmpTrials.Outcome[dictionaries.Length];
        var twins = new double[dictionaries.Length];
        for (int s = 0; s < dictionaries.Length; s++)
        {
            var a = dictionaries[s];
            var ks = Sparsities.Select(k => Math.Min(k, a.ColumnCount)).ToArray(); // k above the live atoms: not counted (see Attempts)
            var (mu, twin) = a.ColumnCount >= 2 ? Coherence(a) : (0.0, 0.0);
            outcomes[s] = OmpTrials.Run(a, mu, ks, SnrsDb, Signal, Seed, t);
            twins[s] = twin;
        }
        return new TrialResult(dictionaries.Select(d => d.ColumnCount).ToArray(), twins, outcomes);
    }

    /// <summary>The dictionary of one draw: the rows of <paramref name="activations"/> in <paramref name="rows"/>, without units
    /// silent on all of them, each column centred (when <see cref="Centre"/>) and of unit norm.</summary>
    internal Matrix<double> Atoms(Matrix<double> activations, ReadOnlySpan<int> rows)
    {
        var picked = rows.ToArray();
        var drawn = Matrix<double>.Build.Dense(picked.Length, activations.ColumnCount, (i, j) => activations[picked[i], j]);
        // Centred: section 9's H̃ (a constant column, silent units included, becomes zero); else unit columns as they are.
        var scaled = Centre ? UnitDesign.Normalised(drawn) : Dictionaries.NormalizeColumns(drawn);
        var live = scaled.EnumerateColumns().Where(c => c.AbsoluteMaximum() > 0).ToList(); // a dead unit measures nothing
        Check.That(live.Count > 0, $"the {Layer} layer is silent on every one of the {picked.Length} digits drawn.", nameof(Layer));
        return Matrix<double>.Build.DenseOfColumnVectors(live);
    }

    // μ and the share of atoms with a near-twin (|cosine| ≥ TwinCosine to another atom), from the Gram matrix of unit columns.
    private static (double Mu, double TwinShare) Coherence(Matrix<double> a)
    {
        var g = a.TransposeThisAndMultiply(a);
        double mu = 0;
        int twins = 0;
        for (int i = 0; i < g.RowCount; i++)
        {
            double nearest = 0;
            for (int j = 0; j < g.ColumnCount; j++)
                if (j != i) nearest = Math.Max(nearest, Math.Abs(g[i, j]));
            mu = Math.Max(mu, nearest);
            if (nearest >= TwinCosine) twins++;
        }
        return (Math.Min(mu, 1), (double)twins / g.RowCount); // rounding can put the cosine of exact twins a hair above 1
    }
}
