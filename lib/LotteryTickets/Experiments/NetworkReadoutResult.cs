using LotteryTickets.Sparse;

namespace LotteryTickets.Experiments;

/// <summary>
/// What <see cref="NetworkReadoutSweep"/> measured: per (network, class) the supports of the ℓ1 read-out and of magnitude
/// pruning and their overlap; per network the test accuracies of the read-outs; and the race on class 0 of each network.
/// </summary>
/// <param name="Examples">Training digits that formed H.</param>
/// <param name="Units">fc2's units (the columns of H, the weights of one class's read-out).</param>
/// <param name="KeepShare">The share of a class's weights kept.</param>
/// <param name="RaceAlgorithms">The solvers raced, in order.</param>
/// <param name="RaceMaxIterations">Outer iterations at most per solver in the race.</param>
/// <param name="Tolerance">The fits' duality-gap tolerance (÷ P(0)).</param>
/// <param name="Fits">One entry per (network, class), by network then class.</param>
/// <param name="Accuracies">One entry per network.</param>
/// <param name="RaceTraces">Each solver's history on class 0 of each network (problem index = network index).</param>
/// <param name="RaceBest">The best objective any solver reached, per network's race problem.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the whole run.</param>
public sealed record NetworkReadoutResult(int Examples, int Units, double KeepShare, IReadOnlyList<L1Algorithm> RaceAlgorithms,
    int RaceMaxIterations, double Tolerance, NetworkReadoutFit[] Fits, NetworkReadoutAccuracy[] Accuracies,
    L1ConvergenceTrace[] RaceTraces, double[] RaceBest, double ElapsedSeconds)
{
    /// <summary>Per network, the mean over classes of Jaccard(ℓ1, magnitude) minus its chance value.</summary>
    public double[] JaccardAboveChance() =>
        Accuracies.Select(a => Fits.Where(f => f.Seed == a.Seed).Average(f => f.Jaccard - f.Chance)).ToArray();

    /// <summary>
    /// The race as an <see cref="L1ConvergenceResult"/>, for its gap and time measures and figures: one problem per network
    /// (M = Examples, N = fc2's units). Its K, SnrDb and LambdaRatio are placeholders (1, 0 and 1): the problems are not
    /// planted, and λ is chosen per network.
    /// </summary>
    public L1ConvergenceResult Race
    {
        get
        {
            var sweep = new L1ConvergenceSweep(Examples, Units, 1, 0, 1, Math.Max(1, RaceBest.Length), 0, Tolerance, RaceMaxIterations,
                RaceAlgorithms);
            return new L1ConvergenceResult(sweep, RaceBest, RaceTraces, ElapsedSeconds);
        }
    }
}

/// <summary>The ℓ1 and magnitude read-outs of one class of one network.</summary>
/// <param name="Seed">The network's seed.</param>
/// <param name="Class">The logit (class) read out.</param>
/// <param name="Lambda">The λ chosen (the first on the path whose support reached the kept count).</param>
/// <param name="L1Support">The fc2 units with a nonzero ℓ1 coefficient, sorted.</param>
/// <param name="MagnitudeSupport">As many units, those with the largest |fc3.weight[class, j]|, sorted.</param>
/// <param name="Jaccard">|ℓ1 ∩ magnitude| / |ℓ1 ∪ magnitude|.</param>
/// <param name="Chance">The expected Jaccard of two random subsets of that size (<see cref="Design.DesignComparison.RandomJaccard"/>).</param>
public sealed record NetworkReadoutFit(long Seed, int Class, double Lambda, int[] L1Support, int[] MagnitudeSupport, double Jaccard, double Chance);

/// <summary>Test accuracies (%) of one network's read-outs at the kept count.</summary>
/// <param name="Seed">The network's seed.</param>
/// <param name="Dense">fc3 as trained.</param>
/// <param name="Magnitude">fc3 with all but the largest |weights| of each class set to 0, not retrained.</param>
/// <param name="MagnitudeRefit">The magnitude support, its weights refitted by least squares to the network's logits.</param>
/// <param name="L1">The ℓ1 coefficients as solved (shrunk), with the intercept of the centred fit.</param>
/// <param name="L1Refit">The ℓ1 support, its weights refitted by least squares (debiased).</param>
public sealed record NetworkReadoutAccuracy(long Seed, double Dense, double Magnitude, double MagnitudeRefit, double L1, double L1Refit);
