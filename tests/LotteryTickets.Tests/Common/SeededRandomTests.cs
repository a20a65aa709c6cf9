using MathNet.Numerics.Distributions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace LotteryTickets.Tests.Common;

public class SeededRandomTests
{
    public static TheoryData<int> Seeds() => new() { 0, 1, -1, 6, 42, 123_456_789, int.MaxValue, int.MinValue };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DrawsWhatTheSeededSystemRandomOfThisRuntimeDraws(int seed)
    {
        // The oracle: the runtime's own seeded System.Random (the sequences every earlier release of the library drew).
        var ours = new SeededRandom(seed);
        var theirs = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(theirs.Next(), ours.Next());
            Assert.Equal(theirs.NextDouble(), ours.NextDouble());
            Assert.Equal(theirs.Next(2), ours.Next(2));
            Assert.Equal(theirs.Next(1000), ours.Next(1000));
            Assert.Equal(theirs.Next(-7, 130), ours.Next(-7, 130));
            Assert.Equal(theirs.Next(int.MinValue, int.MaxValue), ours.Next(int.MinValue, int.MaxValue));
        }
        byte[] a = new byte[37], b = new byte[37];
        theirs.NextBytes(a);
        ours.NextBytes(b);
        Assert.Equal(a, b);
        // What the library actually calls: Math.NET's normal sampler and Shuffle.
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => Normal.Sample(theirs, 0, 1)),
            Enumerable.Range(0, 50).Select(_ => Normal.Sample(ours, 0, 1)));
        int[] p = [.. Enumerable.Range(0, 64)], q = [.. Enumerable.Range(0, 64)];
        theirs.Shuffle(p);
        ours.Shuffle(q);
        Assert.Equal(p, q);
    }

    [Fact]
    public void TheSequenceIsPinnedWhateverTheRuntimeDoes()
    {
        // Literals, so that a .NET release that changes System.Random cannot change the library's numbers unnoticed.
        var r = new SeededRandom(42);
        Assert.Equal([1434747710, 302596119, 269548474, 1122627734, 361709742], Enumerable.Range(0, 5).Select(_ => r.Next()));
        Assert.Equal(0.38322046929189024, new SeededRandom(7).NextDouble());
    }

    [Fact]
    public void RangesAreRespectedAndBadBoundsNamed()
    {
        var r = new SeededRandom(3);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => r.NextDouble()), d => Assert.InRange(d, 0, 1 - 1e-12));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => r.NextSingle()), f => Assert.InRange(f, 0f, 0.99999994f));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => r.NextInt64(-5, 5)), v => Assert.InRange(v, -5, 4));
        Assert.Equal(0, r.Next(0));
        Assert.Equal("maxValue", Assert.ThrowsAny<ArgumentException>(() => r.Next(-1)).ParamName);
        Assert.Equal("minValue", Assert.ThrowsAny<ArgumentException>(() => r.Next(5, 4)).ParamName);
    }

    [Fact]
    public void TheLibraryNeverConstructsASystemRandom()
    {
        // The determinism policy, checked in the IL: every draw comes from the library's own generators.
        foreach (var assembly in new[] { typeof(SeededRandom).Assembly.Location, typeof(LotteryTickets.Interactive.Notebook).Assembly.Location })
        {
            using var module = ModuleDefinition.ReadModule(assembly);
            var uses = module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody)
                .Where(m => m.Body.Instructions.Any(i =>
                    (i.OpCode == OpCodes.Newobj && i.Operand is MethodReference c && c.DeclaringType.FullName == "System.Random")
                    || (i.Operand is MethodReference s && s.DeclaringType.FullName == "System.Random" && s.Name == "get_Shared")))
                .Select(m => m.FullName).ToList();
            Assert.True(uses.Count == 0, $"{Path.GetFileName(assembly)} draws from System.Random in: {string.Join(", ", uses)}");
        }
    }
}
