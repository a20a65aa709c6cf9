namespace LotteryTickets.Tests.Data;

public class SyntheticBlobsTests
{
    [Fact]
    public void SameSeedSameData_ShapedLikeMnist_LabelsInRange()
    {
        using var a = SyntheticBlobs.Create(50, seed: 3);
        using var b = SyntheticBlobs.Create(50, seed: 3);
        using var c = SyntheticBlobs.Create(50, seed: 4);
        Assert.Equal([50L, 1, 28, 28], a.Inputs.shape);
        Assert.True(a.Inputs.allclose(b.Inputs, rtol: 0, atol: 0) && a.Labels.eq(b.Labels).all().item<bool>());
        Assert.False(a.Inputs.allclose(c.Inputs, rtol: 0, atol: 0));
        Assert.InRange(a.Labels.min().item<long>(), 0, 9);
        Assert.InRange(a.Labels.max().item<long>(), 0, 9);
    }

    [Fact]
    public void ExamplesAreTheirCentreTimesSeparationPlusNoise()
    {
        // With no separation the examples are pure N(0, 1) noise: mean ≈ 0, s.d. ≈ 1 over 50 × 784 values.
        using var noise = SyntheticBlobs.Create(50, seed: 1, separation: 0);
        Assert.InRange(noise.Inputs.mean().item<float>(), -0.05, 0.05);
        Assert.InRange(noise.Inputs.std().item<float>(), 0.95, 1.05);
    }

    [Theory]
    [InlineData(0, 0.3, 10, "count")]
    [InlineData(10, -1, 10, "separation")]
    [InlineData(10, 0.3, 1, "classes")]
    public void BadArgumentsAreRejected(int count, double separation, int classes, string param) =>
        Assert.Equal(param, Assert.ThrowsAny<ArgumentException>(() => SyntheticBlobs.Create(count, 1, separation, classes)).ParamName);
}
