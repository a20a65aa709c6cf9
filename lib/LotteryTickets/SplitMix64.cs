namespace LotteryTickets;

/// <summary>
/// The library's one seeding primitive: SplitMix64 (Steele, Lea &amp; Flood 2014). Pure 64-bit integer arithmetic, so a
/// seed gives the same numbers on every machine and .NET version. <see cref="Derive(int, int, int, int)"/> turns a
/// master seed and the indices of one unit of a sweep (cell, trial, …) into that unit's seed, so parallel sweeps do
/// not depend on scheduling; <see cref="Next"/> and <see cref="Below"/> drive permutations (the MNIST split).
/// </summary>
public struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <summary>A generator whose first output is SplitMix64's first output for <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64-bit output.</summary>
    public ulong Next() => Mix(_state += Gamma);

    /// <summary>A uniform draw in [0, <paramref name="bound"/>) by rejection (no modulo bias).</summary>
    public ulong Below(ulong bound)
    {
        Check.That(bound > 0, $"bound must be ≥ 1; got {bound}.", nameof(bound));
        ulong threshold = (0UL - bound) % bound;   // 2^64 mod bound
        while (true)
        {
            ulong r = Next();
            if (r >= threshold) return r % bound;
        }
    }

    /// <summary>A permutation of 0 … n−1 (Fisher–Yates driven by <see cref="Below"/>).</summary>
    public static int[] Permutation(int n, long seed)
    {
        Check.NonNegative(n);
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        var rng = new SplitMix64(unchecked((ulong)seed));
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)rng.Below((ulong)(i + 1));
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    /// <summary>
    /// The seed of one unit of a sweep: SplitMix64's finaliser folded over (seed, a, b, c), as a non-negative int.
    /// Different index triples give unrelated seeds; the same triple always gives the same one.
    /// </summary>
    public static int Derive(int seed, int a, int b, int c)
    {
        ulong z = (uint)seed;
        z = Mix(z + Gamma + (uint)a);
        z = Mix(z + Gamma + (uint)b);
        z = Mix(z + Gamma + (uint)c);
        return (int)(z & 0x7FFFFFFF);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
