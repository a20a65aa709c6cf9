using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// Property-based tests (CsCheck): each invariant is checked on <see cref="Cases"/> (or <see cref="TorchCases"/>)
/// freshly generated cases per run. A failure is shrunk to its smallest case and reported with the CsCheck seed that
/// replays it: set the environment variable <c>CsCheck_Seed</c> to that seed (CsCheck runs it first) and rerun.
/// Each case also names its own parameters and the library seed it drew its data with.
/// </summary>
public class PropertyTests
{
    /// <summary>Cases per property: the sparse numerics and designs (milliseconds each), the TorchSharp ones.</summary>
    public const int Cases = 200, TorchCases = 40;

    /// <summary>The property tests in this class, for the README's reliability table (a test checks the count).</summary>
    public static readonly string[] Properties =
    [
        nameof(OmpResidualNormsNeverIncrease), nameof(IstaAndProximalNewtonNeverIncreaseTheObjectiveAndFistaEndsBelowItsStart),
        nameof(ExactAOptimalIsNoWorseThanExchangeWhichIsNoWorseThanItsGreedyStartAndExactBeatsRowNorm),
        nameof(PruningNeverRevivesAWeightAndSparsityIsMonotoneAcrossLevels), nameof(AStructuredMaskRemovesWholeUnitsAndCompactionEqualsMasking),
        nameof(TheRunKeyIgnoresPropertyOrderAndExecutionOnlySettings),
    ];

    private static Gen<int> Seeds => Gen.Int[1, int.MaxValue / 2];

    private static Vector<double> Signal(int m, long seed)
    {
        var random = new Random((int)(seed % int.MaxValue));
        return Vector<double>.Build.Dense(m, _ => random.NextDouble() * 2 - 1);
    }

    [Fact]
    public void OmpResidualNormsNeverIncrease()
    {
        Gen.Select(Gen.Int[4, 40], Gen.Int[1, 3], Gen.Double[0.05, 1], Seeds).Sample(t =>
        {
            var (m, widen, share, seed) = t;
            int n = m * widen, k = Math.Max(1, (int)(share * m));
            var a = Dictionaries.Gaussian(m, n, seed);
            var fit = new OrthogonalMatchingPursuit(new OmpOptions(k)).Fit(a, Signal(m, seed + 1));
            var history = fit.ResidualNormHistory;
            for (int i = 1; i < history.Count; i++)
                Assert.True(history[i] <= history[i - 1] * (1 + 1e-12) + 1e-14,
                    $"m={m} n={n} k={k} seed={seed}: residual rose from {history[i - 1]:R} to {history[i]:R} at step {i}");
        }, iter: Cases);
    }

    [Fact]
    public void IstaAndProximalNewtonNeverIncreaseTheObjectiveAndFistaEndsBelowItsStart()
    {
        Gen.Select(Gen.Int[5, 30], Gen.Int[1, 4], Gen.Double[0.02, 0.9], Gen.Bool, Seeds).Sample(t =>
        {
            var (m, widen, share, logistic, seed) = t;
            int n = m * widen;
            var a = Dictionaries.Gaussian(m, n, seed);
            var b = Signal(m, seed + 1);
            var loss = logistic ? L1Loss.Logistic : L1Loss.Squared;
            if (logistic) b = b.Map(v => v >= 0 ? 1.0 : -1.0);
            double lambda = share * L1Path.LambdaMax(a, b, loss);
            foreach (var algorithm in new[] { L1Algorithm.Ista, L1Algorithm.ProximalNewton, L1Algorithm.Fista })
            {
                var fit = new L1Regression(new L1Options(lambda, algorithm, loss, Tolerance: 1e-10, MaxIterations: 400)).Fit(a, b);
                var objectives = fit.History.Select(h => h.Objective).ToArray();
                string where = $"{algorithm} {loss} m={m} n={n} λ={lambda:R} seed={seed}";
                if (algorithm == L1Algorithm.Fista)
                    Assert.True(objectives[^1] <= objectives[0] * (1 + 1e-12),
                        $"{where}: ended at {objectives[^1]:R} above its start {objectives[0]:R}");
                else
                    for (int i = 1; i < objectives.Length; i++)
                        Assert.True(objectives[i] <= objectives[i - 1] + 1e-12 * Math.Abs(objectives[i - 1]),
                            $"{where}: objective rose from {objectives[i - 1]:R} to {objectives[i]:R} at record {i}");
            }
        }, iter: Cases);
    }

    [Fact]
    public void ExactAOptimalIsNoWorseThanExchangeWhichIsNoWorseThanItsGreedyStartAndExactBeatsRowNorm()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, 3], Gen.Int[1, 8], Seeds).Sample(t =>
        {
            var (p, extraK, extraM, seed) = t;
            int k = p + extraK, m = k + extraM;
            var x = Dictionaries.Gaussian(m, p, seed);
            var options = new DesignOptions(k);
            var exact = new ExactAOptimalSearch(options).Select(x);
            var greedy = new GreedyAOptimalSelector(options).Select(x);
            var exchange = new ExchangeAOptimalSelector(options).Select(x, greedy.Rows);
            var rowNorm = new RowNormSelector(options).Select(x);
            string where = $"m={m} p={p} k={k} seed={seed}";
            static bool NoWorse(double a, double b) => a <= b * (1 + 1e-9) + 1e-12 || double.IsPositiveInfinity(b);
            Assert.True(NoWorse(exact.Criterion, exchange.Criterion), $"{where}: exact {exact.Criterion:R} > exchange {exchange.Criterion:R}");
            Assert.True(NoWorse(exchange.Criterion, greedy.Criterion),
                $"{where}: exchange {exchange.Criterion:R} > its greedy start {greedy.Criterion:R}");
            Assert.True(NoWorse(exact.Criterion, rowNorm.Criterion), $"{where}: exact {exact.Criterion:R} > row norm {rowNorm.Criterion:R}");
        }, iter: Cases);
    }

    private static ModelHparams TinyModel(int width) =>
        new LeNetHparams { Hidden1 = width, Hidden2 = Math.Max(2, width / 2), ImageSize = 4, Classes = 4 };

    private static PrunableModel Tiny(ModelHparams hparams)
    {
        Synthetic.EnsureInitialised();
        return hparams.Create(CPU, 7);
    }

    /// <summary>
    /// The next mask, or null when the strategy refuses because the fraction would remove a group's last unit (a
    /// documented <see cref="ArgumentException"/> on <c>Fraction</c>): the sequence ends there.
    /// </summary>
    private static Mask? PruneOrRefuse(IPruningStrategy strategy, Mask mask, WeightSnapshot weights, PruningHparams hparams)
    {
        try { return strategy.Prune(mask, weights, hparams); }
        catch (ArgumentException e) when (e.ParamName == nameof(PruningHparams.Fraction) &&
            e.Message.Contains("would remove all", StringComparison.Ordinal))
        {
            return null;
        }
    }

    [Fact]
    public void PruningNeverRevivesAWeightAndSparsityIsMonotoneAcrossLevels()
    {
        var strategies = Enum.GetValues<PruningStrategy>();
        Gen.Select(Gen.Int[0, strategies.Length - 1], Gen.Double[0.05, 0.6], Gen.Int[1, 4], Gen.Int[4, 24], Seeds).Sample(t =>
        {
            var (s, fraction, levels, width, seed) = t;
            var shape = TinyModel(width);
            using var model = Tiny(shape);
            var hparams = new PruningHparams { Strategy = strategies[s], Fraction = fraction };
            var strategy = PruningStrategies.Get(hparams.Strategy, shape);
            var mask = Mask.Dense(model);
            for (int level = 1; level <= levels; level++)
            {
                var next = PruneOrRefuse(strategy, mask, Weights.Random(model, seed + level), hparams);
                if (next is null) break;
                string where = $"{hparams.Strategy} fraction={fraction:R} width={width} seed={seed} level={level}";
                Assert.True(next.KeptCount <= mask.KeptCount, $"{where}: kept {next.KeptCount} > {mask.KeptCount}");
                foreach (var l in mask.Layers)
                {
                    var before = mask.Values(l).ToArray();
                    var after = next.Values(l).ToArray();
                    for (int i = 0; i < before.Length; i++)
                        Assert.False(after[i] && !before[i], $"{where}: {l}[{i}] came back");
                }
                mask = next;
            }
        }, iter: TorchCases, threads: 1);
    }

    [Fact]
    public void AStructuredMaskRemovesWholeUnitsAndCompactionEqualsMasking()
    {
        Gen.Select(Gen.Double[0.05, 0.7], Gen.Int[1, 3], Gen.Int[4, 24], Seeds).Sample(t =>
        {
            var (fraction, levels, width, seed) = t;
            var shape = TinyModel(width);
            using var model = Tiny(shape);
            var hparams = new PruningHparams { Strategy = PruningStrategy.StructuredMagnitude, Fraction = fraction };
            var strategy = PruningStrategies.Get(hparams.Strategy, shape);
            var mask = Mask.Dense(model);
            for (int level = 1; level <= levels; level++)
            {
                if (PruneOrRefuse(strategy, mask, Weights.Random(model, seed + level), hparams) is not { } next) break;
                mask = next;
            }
            string where = $"fraction={fraction:R} width={width} levels={levels} seed={seed}";
            // Whole units: a hidden unit is alive when any of its incoming weights is; then a weight is kept exactly
            // when the unit it feeds and the unit it reads from are both alive (inputs and classes always are).
            bool[] Alive(string layer)
            {
                var v = mask.Values(layer).ToArray();
                int rows = (int)mask.Shape(layer)[0], cols = v.Length / rows;
                return Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, cols).Any(c => v[r * cols + c])).ToArray();
            }
            var alive1 = Alive("fc1.weight");
            var alive2 = Alive("fc2.weight");
            foreach (var (layer, into, from) in new[] { ("fc1.weight", alive1, (bool[]?)null), ("fc2.weight", alive2, alive1),
                ("fc3.weight", null, alive2) })
            {
                var v = mask.Values(layer).ToArray();
                int rows = (int)mask.Shape(layer)[0], cols = v.Length / rows;
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; c++)
                        Assert.True(v[r * cols + c] == ((into?[r] ?? true) && (from?[c] ?? true)),
                            $"{where}: {layer}[{r}, {c}] is {(v[r * cols + c] ? "kept" : "pruned")} although its units are " +
                                $"{(into?[r] ?? true ? "alive" : "gone")} and {(from?[c] ?? true ? "alive" : "gone")}");
            }
            // Compaction equals masking: the smaller dense net computes the masked net's logits.
            using var scope = NewDisposeScope();
            using var compact = Compaction.Compact(model, mask);
            var x = randn([8, 1, 4, 4], generator: new TorchSharp.torch.Generator((ulong)seed));
            using (var masked = new MaskedModel(model, mask)) masked.ApplyMask();
            using var noGrad = no_grad();
            model.eval();
            compact.eval();
            var difference = (model.call(x) - compact.call(x)).abs().max().item<float>();
            Assert.True(difference <= 1e-5f, $"{where}: compacted logits differ from the masked ones by {difference}");
        }, iter: TorchCases, threads: 1);
    }

    [Fact]
    public void TheRunKeyIgnoresPropertyOrderAndExecutionOnlySettings()
    {
        Gen.Select(Gen.Double[0.01, 0.9], Gen.Int[0, 30], Seeds, Gen.Int[1, 16], Gen.Int[0, 1000]).Sample(t =>
        {
            var (fraction, levels, seed, threads, shuffle) = t;
            var hparams = new LotteryHparams { Pruning = new PruningHparams { Fraction = fraction }, RewindStep = levels };
            // The same settings given in another order (object initialisers in reverse, extras permuted).
            var reordered = new LotteryHparams { RewindStep = levels, Pruning = new PruningHparams { Fraction = fraction } };
            (string, object?)[] extras = [("budget", "quick"), ("data", "blobs"), ("seeds", "1,2"), ("note", null)];
            var permuted = extras.OrderBy(e => (e.Item1.GetHashCode(StringComparison.Ordinal) ^ shuffle) & 0xFFFF).ToArray();
            var key = RunKey.For("ticket_experiment", [hparams, new Replicate(seed)], extras);
            Assert.Equal(key, RunKey.For("ticket_experiment", [new Replicate(seed), reordered], permuted));
            // A sweep's thread count is execution-only: it changes nothing.
            var sweep = new OmpRecoverySweep(M: 20, N: 30, SharedWeights: [0], Sparsities: [1, 2], SnrsDb: [double.PositiveInfinity], Trials: 2,
                Seed: seed);
            Assert.Equal(sweep.Key(Budget.Quick), (sweep with { MaxDegreeOfParallelism = threads }).Key(Budget.Quick));
            // …while a value that changes the run does.
            Assert.NotEqual(key, RunKey.For("ticket_experiment", [hparams with { RewindStep = levels + 1 }, new Replicate(seed)], extras));
        }, iter: Cases);
    }
}
