using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>Small hand-made matrices where keeping the largest rows is the wrong choice (select k = 2 of each).</summary>
public static class DesignExamples
{
    /// <summary>
    /// The singular pair: two large rows pointing the same way, (3, 0) and (−3, 0), beside two small independent
    /// ones, (0, 1) and (1, 1). The two largest rows span a line, so their information matrix is singular (efficiency 0);
    /// the A-optimal pair takes one large row and (0, 1).
    /// </summary>
    public static Matrix<double> SingularPair() => Matrix<double>.Build.DenseOfRowArrays(
        [3, 0], [-3, 0], [0, 1], [1, 1]);

    /// <summary>
    /// Nearly collinear large rows: (3, ε) and (3, −ε) with ε = <paramref name="epsilon"/>, beside (0, 1) and (1, 0.5).
    /// The pair of largest norm is invertible but nearly singular: tr(M⁻¹) ≈ 1/(2ε²), so its efficiency falls like ε².
    /// </summary>
    public static Matrix<double> NearlyCollinearPair(double epsilon = 0.05)
    {
        Check.That(double.IsFinite(epsilon) && epsilon > 0 && epsilon < 1, $"epsilon must be in (0, 1); got {epsilon}.", nameof(epsilon));
        return Matrix<double>.Build.DenseOfRowArrays([3, epsilon], [3, -epsilon], [0, 1], [1, 0.5]);
    }
}
