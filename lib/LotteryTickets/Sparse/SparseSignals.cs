using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>Seeded k-sparse signals and measurement noise at a prescribed SNR.</summary>
public static class SparseSignals
{
    /// <summary>
    /// A length-n vector with exactly k nonzeros on a uniformly random support; the values follow
    /// <paramref name="kind"/> (±1, N(0,1), or |N(0,1)| bounded away from 0 so that the support is exactly k).
    /// </summary>
    public static Vector<double> KSparse(int n, int k, SignalKind kind, int seed)
    {
        Check.Positive(n);
        Check.InRange(k, 0, n);
        var rng = new SeededRandom(seed);
        var idx = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(idx);
        var x = Vector<double>.Build.Dense(n);
        for (int i = 0; i < k; i++)
        {
            double v = kind switch
            {
                SignalKind.Signed => rng.Next(2) == 0 ? -1.0 : 1.0,
                SignalKind.Gaussian => NonZeroNormal(rng),
                SignalKind.NonNegative => Math.Abs(NonZeroNormal(rng)),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be Signed, Gaussian or NonNegative."),
            };
            x[idx[i]] = v;
        }
        return x;
    }

    /// <summary>The support (sorted indices of the nonzeros) of <paramref name="x"/>.</summary>
    public static int[] Support(Vector<double> x)
    {
        Check.NotNull(x);
        return Enumerable.Range(0, x.Count).Where(i => x[i] != 0).ToArray();
    }

    /// <summary>
    /// <paramref name="clean"/> plus Gaussian noise scaled so that SNR = 10·log10(‖clean‖² / ‖noise‖²) equals
    /// <paramref name="snrDb"/> exactly. A zero clean signal gets no noise.
    /// </summary>
    public static Vector<double> AddNoise(Vector<double> clean, double snrDb, int seed)
    {
        Check.Finite(clean);
        Check.That(double.IsFinite(snrDb), $"snrDb must be a finite number of decibels; got {snrDb}.", nameof(snrDb));
        var rng = new SeededRandom(seed);
        var noise = Vector<double>.Build.Dense(clean.Count, _ => Normal.Sample(rng, 0, 1));
        double signal = clean.L2Norm();
        if (signal == 0) return clean.Clone();
        double target = signal / Math.Pow(10, snrDb / 20);
        return clean + noise * (target / noise.L2Norm());
    }

    private static double NonZeroNormal(Random rng)
    {
        double v;
        do v = Normal.Sample(rng, 0, 1); while (Math.Abs(v) < 1e-3);
        return v;
    }
}

/// <summary>How the nonzero entries of a generated k-sparse signal are drawn.</summary>
public enum SignalKind
{
    /// <summary>Random signs ±1 (the hardest case for ℓ1 at a given sparsity; the "signed" phase transition).</summary>
    Signed,
    /// <summary>Independent standard normal values.</summary>
    Gaussian,
    /// <summary>|N(0,1)| values: non-negative signals (the non-negative phase transition applies).</summary>
    NonNegative,
}
