using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Sparse;

/// <summary>OMP's raw SIMD loops against the plain definitions (a scalar loop, Math.NET's own product), at lengths
/// around the SIMD width so that every tail path runs.</summary>
public class ColumnKernelsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(257)]
    public void DotAndSubtractScaledEqualTheScalarLoops(int length)
    {
        var rng = new Random(length);
        var x = Enumerable.Range(0, length).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var y = Enumerable.Range(0, length).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double expected = 0;
        for (int i = 0; i < length; i++) expected += x[i] * y[i];
        Assert.Equal(expected, ColumnKernels.Dot(x, y), 1e-13);

        var z = (double[])y.Clone();
        ColumnKernels.SubtractScaled(z, 0.75, x);
        for (int i = 0; i < length; i++) Assert.Equal(y[i] - 0.75 * x[i], z[i], 15);

        var d = Enumerable.Range(0, length).Select(_ => rng.NextDouble()).ToArray();
        var product = new double[length];
        ColumnKernels.Multiply(x, d, product);
        for (int i = 0; i < length; i++) Assert.Equal(x[i] * d[i], product[i]);
        z = (double[])y.Clone();
        ColumnKernels.AddScaledProduct(z, -1.5, d, x);
        for (int i = 0; i < length; i++) Assert.Equal(y[i] - 1.5 * (d[i] * x[i]), z[i], 15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(200)]
    public void WeightedColumnNormsAreThoseOfTheScaledMatrix(int m)
    {
        var a = Matrix<double>.Build.Random(m, 5, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(m)));
        var rng = new Random(m + 1);
        var d = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
        var scaled = Matrix<double>.Build.DiagonalOfDiagonalArray(d.Select(Math.Sqrt).ToArray()) * a;
        var norms = ColumnKernels.WeightedColumnNormsSquared(ColumnKernels.ColumnMajor(a), m, 5, d);
        for (int j = 0; j < 5; j++) Assert.Equal(scaled.Column(j).DotProduct(scaled.Column(j)), norms[j], 1e-12);
    }

    [Fact]
    public void GramIsAtAExactlySymmetric()
    {
        var a = Matrix<double>.Build.Random(37, 21, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(3)));
        var g = ColumnKernels.Gram(ColumnKernels.ColumnMajor(a), a.RowCount, a.ColumnCount);
        var expected = a.TransposeThisAndMultiply(a);
        for (int i = 0; i < 21; i++)
            for (int j = 0; j < 21; j++)
            {
                Assert.Equal(expected[i, j], g[j * 21 + i], 1e-12);
                Assert.Equal(g[j * 21 + i], g[i * 21 + j]);
            }
    }

    [Fact]
    public void AColumnMajorCopyIsTakenOnlyWhenTheMatrixIsNotDense()
    {
        var dense = Matrix<double>.Build.Dense(3, 2, [1, 2, 3, 4, 5, 6]);
        Assert.Same(dense.AsColumnMajorArray(), ColumnKernels.ColumnMajor(dense));
        var sparse = Matrix<double>.Build.SparseOfMatrix(dense);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], ColumnKernels.ColumnMajor(sparse));
    }
}
