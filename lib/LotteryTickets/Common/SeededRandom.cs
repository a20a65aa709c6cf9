namespace LotteryTickets;

/// <summary>
/// The library's seeded <see cref="Random"/>: every draw comes from <see cref="SplitMix64"/>, so a seed gives the same
/// sequence on every machine and .NET version. (System.Random's own seeded sequence is documented as free to change
/// between .NET versions.) Pass it wherever an API wants a <see cref="Random"/> — Math.NET's distributions,
/// <see cref="Random.Shuffle{T}(T[])"/> — and every stochastic result of the library is a function of its seed alone.
/// </summary>
public sealed class SeededRandom : Random
{
    private SplitMix64 _generator;

    /// <summary>A generator for <paramref name="seed"/>.</summary>
    public SeededRandom(long seed) => _generator = new SplitMix64(unchecked((ulong)seed));

    /// <inheritdoc />
    public override int Next() => (int)Below(int.MaxValue);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)Below((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)Below((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)Below(long.MaxValue);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)Below((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return unchecked(minValue + (long)Below(unchecked((ulong)maxValue - (ulong)minValue)));
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (_generator.Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform float in [0, 1) with 24 random bits.</summary>
    public override float NextSingle() => (_generator.Next() >> 40) * (1f / (1 << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i += 8)
        {
            ulong r = _generator.Next();
            for (int b = 0; b < 8 && i + b < buffer.Length; b++) buffer[i + b] = (byte)(r >> (8 * b));
        }
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    private ulong Below(ulong bound) => bound == 0 ? 0 : _generator.Below(bound);
}
