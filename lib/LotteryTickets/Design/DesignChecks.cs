using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

internal static class DesignChecks
{
    public static void Matrix(Matrix<double> x, int k)
    {
        Check.Finite(x);
        Check.NonEmpty(x);
        Check.InRange(k, 1, x.RowCount, nameof(DesignOptions.SubsetSize));
    }

    /// <summary>ε·tr(XᵀX)/p, the ridge used while the information matrix is singular.</summary>
    public static double Ridge(Matrix<double> x, double relative)
    {
        double tr = 0;
        for (int i = 0; i < x.RowCount; i++) tr += x.Row(i).DotProduct(x.Row(i));
        double r = relative * tr / x.ColumnCount;
        return r > 0 ? r : relative;
    }
}
