namespace LotteryTickets.Sparse;

/// <summary>
/// Substitution with a growing lower-triangular Cholesky factor L held row-major in a raw array with a fixed row
/// stride (OMP's, and the lasso homotopy's; only its leading s×s block is used). Row i of L is contiguous, so both
/// solves run as SIMD dot products and axpys over rows (<see cref="ColumnKernels"/>), not indexer loops.
/// </summary>
internal static class Triangular
{
    /// <summary>Solves L y = b for y (length s), L lower triangular (leading s×s block, row stride <paramref name="stride"/>).</summary>
    public static double[] Forward(double[] l, int stride, int s, ReadOnlySpan<double> b)
    {
        var y = new double[s];
        for (int i = 0; i < s; i++)
            y[i] = (b[i] - ColumnKernels.Dot(l.AsSpan(i * stride, i), y.AsSpan(0, i))) / l[i * stride + i];
        return y;
    }

    /// <summary>Solves Lᵀ x = y for x (length s), L lower triangular (leading s×s block, row stride <paramref name="stride"/>):
    /// column-oriented, x_i = y_i / L_ii and then y[0..i) −= x_i·L[i, 0..i).</summary>
    public static double[] Backward(double[] l, int stride, int s, ReadOnlySpan<double> y)
    {
        var x = y[..s].ToArray();
        for (int i = s - 1; i >= 0; i--)
        {
            x[i] /= l[i * stride + i];
            ColumnKernels.SubtractScaled(x.AsSpan(0, i), x[i], l.AsSpan(i * stride, i));
        }
        return x;
    }

    /// <summary>Appends row s to the factor of a Gram matrix G: given the cross products c = G[S, j] (length s) and
    /// g = G[j, j], writes L[s, 0..s) = L⁻¹c and L[s, s] = √(g − ‖L⁻¹c‖²). False, with nothing written, when the pivot
    /// g − ‖L⁻¹c‖² is ≤ <paramref name="minimumPivot"/> (the caller decides what a dependent column means).</summary>
    public static bool Append(double[] l, int stride, int s, ReadOnlySpan<double> c, double g, double minimumPivot)
    {
        var w = Forward(l, stride, s, c);
        double pivot = g - ColumnKernels.Dot(w, w);
        if (pivot <= minimumPivot) return false;
        w.CopyTo(l.AsSpan(s * stride, s));
        l[s * stride + s] = Math.Sqrt(pivot);
        return true;
    }

    /// <summary>
    /// Removes row and column <paramref name="i"/> from the Gram matrix G = LLᵀ of which L (leading s×s block) is the
    /// factor: row i of L is deleted (later rows move up) and the superdiagonal this leaves in rows i.. is rotated away
    /// by Givens rotations on column pairs (k, k+1) — LLᵀ is unchanged by them — so the result is the factor of the
    /// reduced G in O(s²), without recomputing any inner product.
    /// </summary>
    public static void Remove(double[] l, int stride, int s, int i)
    {
        for (int r = i; r < s - 1; r++) Array.Copy(l, (r + 1) * stride, l, r * stride, r + 2);
        for (int k = i; k < s - 1; k++)
        {
            // Row k now holds L[k, 0..k+1]; rotate columns k, k+1 of rows k.. so that L[k, k+1] = 0 and L[k, k] ≥ 0.
            double p = l[k * stride + k], q = l[k * stride + k + 1];
            double h = Math.Sqrt(p * p + q * q);
            if (h == 0) continue;
            double c = p / h, sn = q / h;
            for (int r = k; r < s - 1; r++)
            {
                double x = l[r * stride + k], y = l[r * stride + k + 1];
                l[r * stride + k] = c * x + sn * y;
                l[r * stride + k + 1] = -sn * x + c * y;
            }
            l[k * stride + k + 1] = 0;
        }
        for (int r = 0; r < s - 1; r++) l[r * stride + s - 1] = 0; // the column that fell off the reduced block
    }
}
