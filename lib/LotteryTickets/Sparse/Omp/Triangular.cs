using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>Substitution with the growing lower-triangular Cholesky factor of OMP (only its leading s×s block is used).</summary>
internal static class Triangular
{
    /// <summary>Solves L y = b for y, L lower triangular (leading s×s block).</summary>
    public static double[] Forward(Matrix<double> l, int s, IReadOnlyList<double> b)
    {
        var y = new double[s];
        for (int i = 0; i < s; i++)
        {
            double v = b[i];
            for (int j = 0; j < i; j++) v -= l[i, j] * y[j];
            y[i] = v / l[i, i];
        }
        return y;
    }

    /// <summary>Solves Lᵀ x = y for x, L lower triangular (leading s×s block).</summary>
    public static double[] Backward(Matrix<double> l, int s, double[] y)
    {
        var x = new double[s];
        for (int i = s - 1; i >= 0; i--)
        {
            double v = y[i];
            for (int j = i + 1; j < s; j++) v -= l[j, i] * x[j];
            x[i] = v / l[i, i];
        }
        return x;
    }
}
