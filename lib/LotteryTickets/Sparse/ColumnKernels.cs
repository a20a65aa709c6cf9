using MathNet.Numerics.LinearAlgebra.Storage;
using System.Runtime.InteropServices;
using Matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using SimdVector = System.Numerics.Vector<double>;
using Vector = System.Numerics.Vector;

namespace LotteryTickets.Sparse;

/// <summary>
/// The hot loops of OMP and of the ℓ1 solvers on a dense column-major matrix, over its raw storage with SIMD
/// (<see cref="System.Numerics.Vector{T}"/>):
/// dot products of columns, and r −= x·a. Math.NET's indexers and <c>Column(j)</c> copies cost more than the arithmetic
/// at these sizes (256×1024: one Aᵀr is 262 k multiply-adds; Math.NET's managed A·x of a 200×1000 matrix took 1.8 ms
/// here, 15× the arithmetic), which is what kept OMP's plain path 7–9× and the lasso ~35× behind scikit-learn's BLAS.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>The column-major values of <paramref name="a"/>: its own storage when dense, else a copy.</summary>
    public static double[] ColumnMajor(Matrix a) =>
        a.Storage is DenseColumnMajorMatrixStorage<double> dense ? dense.Data : a.ToColumnMajorArray();

    /// <summary>Σ x[i]·y[i], in four SIMD accumulators.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= 4 * SimdVector.Count)
        {
            var vx = MemoryMarshal.Cast<double, SimdVector>(x);
            var vy = MemoryMarshal.Cast<double, SimdVector>(y);
            SimdVector s0 = SimdVector.Zero, s1 = s0, s2 = s0, s3 = s0;
            int v = 0, blocks = vx.Length & ~3;
            for (; v < blocks; v += 4)
            {
                s0 += vx[v] * vy[v];
                s1 += vx[v + 1] * vy[v + 1];
                s2 += vx[v + 2] * vy[v + 2];
                s3 += vx[v + 3] * vy[v + 3];
            }
            for (; v < vx.Length; v++) s0 += vx[v] * vy[v];
            sum = Vector.Sum((s0 + s1) + (s2 + s3));
            i = vx.Length * SimdVector.Count;
        }
        for (; i < n; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y −= alpha·x.</summary>
    public static void SubtractScaled(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= SimdVector.Count)
        {
            var vy = MemoryMarshal.Cast<double, SimdVector>(y);
            var vx = MemoryMarshal.Cast<double, SimdVector>(x);
            var va = new SimdVector(alpha);
            for (int v = 0; v < vy.Length; v++) vy[v] -= va * vx[v];
            i = vy.Length * SimdVector.Count;
        }
        for (; i < n; i++) y[i] -= alpha * x[i];
    }

    /// <summary>G = AᵀA (n×n, column-major) of an m×n column-major A: the upper triangle by column dot products,
    /// mirrored, so G is exactly symmetric.</summary>
    public static double[] Gram(double[] a, int m, int n)
    {
        var g = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            var cj = Column(a, m, j);
            for (int i = 0; i <= j; i++)
                g[j * n + i] = g[i * n + j] = Dot(Column(a, m, i), cj);
        }
        return g;
    }

    /// <summary>z = A x for an m×n column-major A: one axpy per nonzero of x (sparse iterates cost what they hold).</summary>
    public static double[] Multiply(double[] a, int m, ReadOnlySpan<double> x)
    {
        var z = new double[m];
        for (int j = 0; j < x.Length; j++)
            if (x[j] != 0) SubtractScaled(z, -x[j], Column(a, m, j));
        return z;
    }

    /// <summary>c = Aᵀr for an m×n column-major A: one dot product per column.</summary>
    public static double[] TransposeMultiply(double[] a, int m, int n, ReadOnlySpan<double> r)
    {
        var c = new double[n];
        TransposeMultiply(a, m, r, c);
        return c;
    }

    /// <summary>c = Aᵀr into <paramref name="c"/>, whose length is A's column count.</summary>
    public static void TransposeMultiply(double[] a, int m, ReadOnlySpan<double> r, Span<double> c)
    {
        for (int j = 0; j < c.Length; j++) c[j] = Dot(Column(a, m, j), r);
    }

    /// <summary>target = x∘d (elementwise).</summary>
    public static void Multiply(ReadOnlySpan<double> x, ReadOnlySpan<double> d, Span<double> target)
    {
        int n = target.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= SimdVector.Count)
        {
            var vx = MemoryMarshal.Cast<double, SimdVector>(x);
            var vd = MemoryMarshal.Cast<double, SimdVector>(d);
            var vt = MemoryMarshal.Cast<double, SimdVector>(target);
            for (int v = 0; v < vt.Length; v++) vt[v] = vx[v] * vd[v];
            i = vt.Length * SimdVector.Count;
        }
        for (; i < n; i++) target[i] = x[i] * d[i];
    }

    /// <summary>y += alpha·(d∘x).</summary>
    public static void AddScaledProduct(Span<double> y, double alpha, ReadOnlySpan<double> d, ReadOnlySpan<double> x)
    {
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= SimdVector.Count)
        {
            var vy = MemoryMarshal.Cast<double, SimdVector>(y);
            var vd = MemoryMarshal.Cast<double, SimdVector>(d);
            var vx = MemoryMarshal.Cast<double, SimdVector>(x);
            var va = new SimdVector(alpha);
            for (int v = 0; v < vy.Length; v++) vy[v] += va * (vd[v] * vx[v]);
            i = vy.Length * SimdVector.Count;
        }
        for (; i < n; i++) y[i] += alpha * (d[i] * x[i]);
    }

    /// <summary>Σᵢ dᵢ·aᵢⱼ² of every column j of an m×n column-major A: the squared column norms of D^½A.</summary>
    public static double[] WeightedColumnNormsSquared(double[] a, int m, int n, ReadOnlySpan<double> d)
    {
        var norms = new double[n];
        for (int j = 0; j < n; j++)
        {
            var c = Column(a, m, j);
            int i = 0;
            double sum = 0;
            if (Vector.IsHardwareAccelerated && m >= 2 * SimdVector.Count)
            {
                var vc = MemoryMarshal.Cast<double, SimdVector>(c);
                var vd = MemoryMarshal.Cast<double, SimdVector>(d);
                SimdVector s0 = SimdVector.Zero, s1 = s0;
                int v = 0, pairs = vc.Length & ~1;
                for (; v < pairs; v += 2)
                {
                    s0 += vd[v] * vc[v] * vc[v];
                    s1 += vd[v + 1] * vc[v + 1] * vc[v + 1];
                }
                for (; v < vc.Length; v++) s0 += vd[v] * vc[v] * vc[v];
                sum = Vector.Sum(s0 + s1);
                i = vc.Length * SimdVector.Count;
            }
            for (; i < m; i++) sum += d[i] * c[i] * c[i];
            norms[j] = sum;
        }
        return norms;
    }

    /// <summary>‖aⱼ‖² of every column of an m×n column-major A.</summary>
    public static double[] ColumnNormsSquared(double[] a, int m, int n)
    {
        var norms = new double[n];
        for (int j = 0; j < n; j++) { var c = Column(a, m, j); norms[j] = Dot(c, c); }
        return norms;
    }

    /// <summary>
    /// The normal equations of least squares on the columns S of an m-row column-major A: H = A_SᵀA_S as its lower
    /// triangle, row-major (what <see cref="CholeskySolve"/> takes), and A_Sᵀb.
    /// </summary>
    public static (double[] Gram, double[] AtB) NormalEquations(double[] a, int m, IReadOnlyList<int> columns, ReadOnlySpan<double> b)
    {
        int s = columns.Count;
        var h = new double[s * s];
        var atb = new double[s];
        for (int i = 0; i < s; i++)
        {
            var ci = Column(a, m, columns[i]);
            for (int k = 0; k <= i; k++) h[i * s + k] = Dot(ci, Column(a, m, columns[k]));
            atb[i] = Dot(ci, b);
        }
        return (h, atb);
    }

    /// <summary>
    /// Solves H x = b in place (b becomes x) for a symmetric positive definite s×s H given by its lower triangle,
    /// row-major in <paramref name="h"/> (overwritten by the Cholesky factor L, H = LLᵀ). Sequential, SIMD dot products
    /// over the rows of L; false (b then undefined) when a pivot is not positive or not finite. Math.NET's managed
    /// Cholesky spreads even a 60×60 factorisation over the thread pool, which cost more than the arithmetic here.
    /// </summary>
    public static bool CholeskySolve(double[] h, int s, Span<double> b)
    {
        for (int j = 0; j < s; j++)
        {
            var lj = h.AsSpan(j * s, j);
            double d = h[j * s + j] - Dot(lj, lj);
            if (!(d > 0) || !double.IsFinite(d)) return false;
            double ljj = Math.Sqrt(d);
            h[j * s + j] = ljj;
            for (int i = j + 1; i < s; i++)
                h[i * s + j] = (h[i * s + j] - Dot(h.AsSpan(i * s, j), lj)) / ljj;
        }
        for (int i = 0; i < s; i++) b[i] = (b[i] - Dot(h.AsSpan(i * s, i), b[..i])) / h[i * s + i];
        for (int i = s - 1; i >= 0; i--)
        {
            double v = b[i];
            for (int k = i + 1; k < s; k++) v -= h[k * s + i] * b[k];
            b[i] = v / h[i * s + i];
        }
        return true;
    }

    /// <summary>Column <paramref name="j"/> of an m-row column-major array.</summary>
    public static ReadOnlySpan<double> Column(double[] values, int rows, int j) => values.AsSpan(j * rows, rows);
}
