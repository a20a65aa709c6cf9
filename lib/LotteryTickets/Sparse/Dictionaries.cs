using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>
/// Dictionaries (m×n sensing matrices whose n columns are the atoms) and their coherence. Every generator takes a
/// seed: the same seed gives the same matrix. Generated dictionaries have unit-norm columns.
/// </summary>
public static class Dictionaries
{
    /// <summary>A copy of <paramref name="a"/> with every column scaled to unit ℓ2 norm (zero columns stay zero).</summary>
    public static Matrix<double> NormalizeColumns(Matrix<double> a)
    {
        Check.Finite(a);
        Check.NonEmpty(a);
        var values = a.ToColumnMajorArray();
        NormalizeColumnsInPlace(values, a.RowCount);
        return Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount, values);
    }

    /// <summary>
    /// Scales every column of a column-major array to unit norm in place, with exactly Math.NET's arithmetic (its
    /// <c>L2Norm</c> folds the entries with <see cref="SpecialFunctions.Hypotenuse(double, double)"/>, and a vector
    /// divided by a scalar divides each entry), so the values are bit for bit those of
    /// <c>SetColumn(j, Column(j) / Column(j).L2Norm())</c> without the per-column copies.
    /// </summary>
    private static void NormalizeColumnsInPlace(double[] values, int m)
    {
        for (int start = 0; start < values.Length; start += m)
        {
            var column = values.AsSpan(start, m);
            double norm = 0;
            foreach (double v in column) norm = SpecialFunctions.Hypotenuse(norm, v);
            if (!(norm > 0)) continue;
            for (int i = 0; i < m; i++) column[i] /= norm;
        }
    }

    /// <summary>Mutual coherence μ = max over i ≠ j of |aᵢᵀaⱼ| / (‖aᵢ‖‖aⱼ‖). Needs n ≥ 2 and no zero column.</summary>
    public static double MutualCoherence(Matrix<double> a)
    {
        Check.Finite(a);
        Check.NonEmpty(a);
        Check.That(a.ColumnCount >= 2, $"a must have at least 2 columns; got {a.ColumnCount}.", nameof(a));
        for (int j = 0; j < a.ColumnCount; j++)
            Check.That(a.Column(j).L2Norm() > 0, $"a must have no zero column; column {j} is zero.", nameof(a));
        var u = NormalizeColumns(a);
        var g = u.TransposeThisAndMultiply(u);
        double mu = 0;
        for (int i = 0; i < g.RowCount; i++)
            for (int j = i + 1; j < g.ColumnCount; j++)
                mu = Math.Max(mu, Math.Abs(g[i, j]));
        return mu;
    }

    /// <summary>Welch lower bound on the coherence of any m×n dictionary (n ≥ 2, 1 ≤ m ≤ n): sqrt((n−m)/(m(n−1))).</summary>
    public static double WelchBound(int m, int n)
    {
        Check.InRange(n, 2, int.MaxValue);
        Check.InRange(m, 1, n);
        return Math.Sqrt((double)(n - m) / ((double)m * (n - 1)));
    }

    /// <summary>m×n matrix with i.i.d. N(0, 1) entries, columns normalised to unit norm.</summary>
    public static Matrix<double> Gaussian(int m, int n, int seed)
    {
        Check.Positive(m);
        Check.Positive(n);
        return Gaussian(m, n, seed, new double[(long)m * n]);
    }

    /// <summary><see cref="Gaussian(int, int, int)"/> drawn into <paramref name="values"/> (length m·n, column-major),
    /// which the returned matrix wraps: for trial loops that reuse one buffer instead of a fresh large-object array.</summary>
    internal static Matrix<double> Gaussian(int m, int n, int seed, double[] values)
    {
        var rng = new SeededRandom(seed);
        for (int i = 0; i < values.Length; i++) values[i] = Normal.Sample(rng, 0, 1); // column by column, as Math.NET's Dense(m, n, init)
        NormalizeColumnsInPlace(values, m);
        return Matrix<double>.Build.Dense(m, n, values);
    }

    /// <summary>
    /// Partial-Fourier-like dictionary: m distinct rows, drawn at random, of the n×n orthonormal DCT-II matrix
    /// (row k, column j: c_k cos(π(j + ½)k / n)), columns normalised to unit norm. Needs m ≤ n.
    /// </summary>
    public static Matrix<double> PartialCosine(int m, int n, int seed)
    {
        Check.Positive(n);
        Check.InRange(m, 1, n);
        var rng = new SeededRandom(seed);
        var rows = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(rows);
        var chosen = rows.Take(m).Order().ToArray();
        var a = Matrix<double>.Build.Dense(m, n, (i, j) =>
        {
            int k = chosen[i];
            double c = k == 0 ? Math.Sqrt(1.0 / n) : Math.Sqrt(2.0 / n);
            return c * Math.Cos(Math.PI * (j + 0.5) * k / n);
        });
        for (int j = 0; j < n; j++)
            Check.That(a.Column(j).L2Norm() > 1e-12, $"the sampled DCT rows leave column {j} zero; use another seed or a larger m.", nameof(seed));
        return NormalizeColumns(a);
    }

    /// <summary>
    /// Correlated dictionary with controllable coherence: column j is the normalisation of
    /// sqrt(1 − s)·gⱼ/‖gⱼ‖ + sqrt(s)·u, with gⱼ Gaussian and u one shared unit direction. For large m every pairwise
    /// inner product concentrates near <paramref name="sharedWeight"/> s ∈ [0, 1), so μ grows with s.
    /// </summary>
    public static Matrix<double> Correlated(int m, int n, double sharedWeight, int seed)
    {
        Check.Positive(m);
        Check.Positive(n);
        Check.FractionBelowOne(sharedWeight);
        var rng = new SeededRandom(seed);
        var u = Vector<double>.Build.Dense(m, _ => Normal.Sample(rng, 0, 1));
        u /= u.L2Norm();
        var a = Matrix<double>.Build.Dense(m, n);
        for (int j = 0; j < n; j++)
        {
            var g = Vector<double>.Build.Dense(m, _ => Normal.Sample(rng, 0, 1));
            a.SetColumn(j, g / g.L2Norm() * Math.Sqrt(1 - sharedWeight) + u * Math.Sqrt(sharedWeight));
        }
        return NormalizeColumns(a);
    }

    /// <summary>A random n×n orthonormal basis (Q of the QR factorisation of a Gaussian matrix): AᵀA = I (up to rounding), so μ ≈ 0.</summary>
    public static Matrix<double> Orthonormal(int n, int seed)
    {
        Check.Positive(n);
        var rng = new SeededRandom(seed);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Normal.Sample(rng, 0, 1));
        return g.QR().Q;
    }
}
