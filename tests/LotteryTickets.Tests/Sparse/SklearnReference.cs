namespace LotteryTickets.Tests.Sparse;

/// <summary>
/// Reference values computed once with scikit-learn 1.2.1 / numpy 1.24.2 (Debian python3-sklearn, /usr/bin/python3):
/// A = randn(6, 8) with RandomState(0), columns normalised, rounded to 6 decimals; b = the next 6 normals, rounded.
/// OmpCoef3 = OrthogonalMatchingPursuit(n_nonzero_coefs=3, fit_intercept=False).fit(A, b).coef_;
/// LassoCoef = Lasso(alpha=0.1/6, fit_intercept=False, tol=1e-14).fit(A, b).coef_, i.e. our λ = 0.1 because
/// scikit-learn scales the squared loss by 1/(2n) with n = 6 samples. The tests do not need Python.
/// </summary>
internal static class SklearnReference
{
    public static readonly double[,] A = {{ 0.501074, 0.137854, 0.482706, 0.654265, 0.486973, -0.428823, 0.501405, -0.122608 },
        { -0.029319, 0.141451, 0.071041, 0.424599, 0.198444, 0.05339, 0.234247, 0.270295 },
        { 0.424389, -0.070677, 0.154403, -0.249367, -0.665702, 0.286804, 0.456203, -0.601196 },
        { 0.644717, -0.501029, 0.022568, -0.054651, 0.399678, 0.644745, 0.081773, 0.306333 },
        { -0.252173, -0.682385, -0.171588, 0.045649, 0.320803, 0.527596, -0.20441, -0.244883 },
        { -0.297838, -0.489196, -0.84152, 0.56956, -0.132894, -0.192224, -0.661158, 0.629812 } };

    public static readonly double[] B = new double[] { -1.613898, -0.21274, -0.895467, 0.386902, -0.510805, -1.180632 };

    public static readonly double[] OmpCoef3 = new double[] { 0.0, 0.6278562711605028, 0.0, -2.361697148815694, 0.0, 0.0, 0.0, 1.5404725348526858 };

    public const double LassoLambda = 0.1;

    public static readonly double[] LassoCoef = new double[] { -0.25153303091662066, 0.6663496440477722, 0.0, -2.368223140633239, 0.7396335197986328,
        0.10096053010022872, -0.0, 1.1430159054401745 };
}
