namespace LotteryTickets;

/// <summary>
/// The library's seeded <see cref="Random"/>, for the APIs that want one (Math.NET's distributions,
/// <see cref="Random.Shuffle{T}(T[])"/>). It is Knuth's subtractive generator (TAOCP vol. 2, §3.6; Numerical Recipes'
/// <c>ran3</c>) seeded the way System.Random has seeded it since .NET Framework 1.0, so every number the library drew
/// with <c>new Random(seed)</c> before stays the same — but the algorithm is this library's own code, so no .NET
/// release can change it (System.Random's seeded sequence is documented as free to change between versions). The
/// determinism policy: every random draw of the library comes from a seed through the library's own generators —
/// this one, <see cref="SplitMix64"/> (permutations, the seeds of sweep units) or a seeded <c>torch.Generator</c>
/// (tensors) — and never from <see cref="Random"/> itself.
/// </summary>
public sealed class SeededRandom : Random
{
    private const int Modulus = int.MaxValue;
    private readonly int[] _state = new int[56];
    private int _next, _nextPrime = 21;

    /// <summary>A generator for <paramref name="seed"/> (any int; as System.Random, seeds s and −s coincide).</summary>
    public SeededRandom(int seed)
    {
        int subtraction = seed == int.MinValue ? int.MaxValue : Math.Abs(seed);
        int mj = 161_803_398 - subtraction, mk = 1, ii = 0;
        _state[55] = mj;
        for (int i = 1; i < 55; i++)
        {
            if ((ii += 21) >= 55) ii -= 55;
            _state[ii] = mk;
            mk = mj - mk;
            if (mk < 0) mk += Modulus;
            mj = _state[ii];
        }
        for (int round = 1; round < 5; round++)
            for (int i = 1; i < 56; i++)
            {
                int n = i + 30;
                if (n >= 55) n -= 55;
                _state[i] -= _state[1 + n];
                if (_state[i] < 0) _state[i] += Modulus;
            }
    }

    /// <summary>The next raw output, in [0, int.MaxValue).</summary>
    private int NextRaw()
    {
        if (++_next >= 56) _next = 1;
        if (++_nextPrime >= 56) _nextPrime = 1;
        int value = _state[_next] - _state[_nextPrime];
        if (value == Modulus) value--;
        if (value < 0) value += Modulus;
        _state[_next] = value;
        return value;
    }

    /// <inheritdoc />
    protected override double Sample() => NextRaw() * (1.0 / Modulus);

    /// <inheritdoc />
    public override double NextDouble() => Sample();

    /// <inheritdoc />
    public override int Next() => NextRaw();

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(Sample() * maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        long range = (long)maxValue - minValue;
        return range <= int.MaxValue ? (int)(Sample() * range) + minValue : (int)((long)(LargeRangeSample() * range) + minValue);
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)NextRaw();
    }

    /// <summary>A uniform 64-bit draw in [0, long.MaxValue), from three raw outputs (the library draws none of these).</summary>
    public override long NextInt64() => NextInt64(0, long.MaxValue);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return NextInt64(0, maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = unchecked((ulong)maxValue - (ulong)minValue);
        if (range == 0) return minValue;
        var bits = new SplitMix64(((ulong)(uint)NextRaw() << 33) ^ ((ulong)(uint)NextRaw() << 2) ^ (uint)NextRaw());
        return unchecked(minValue + (long)bits.Below(range));
    }

    /// <summary>A uniform float in [0, 1) with 24 random bits (the library draws none of these).</summary>
    public override float NextSingle() => (NextRaw() >> 7) * (1f / (1 << 24));

    // A double in [0, 1) with more than 31 random bits, for ranges wider than int.MaxValue (as System.Random did).
    private double LargeRangeSample()
    {
        int result = NextRaw();
        if (NextRaw() % 2 == 0) result = -result;
        double d = result;
        d += int.MaxValue - 1;
        d /= 2u * int.MaxValue - 1;
        return d;
    }
}
