using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>
/// The check that matters after keeping some units of a layer: refit the read-out by least squares on the kept units'
/// activations and count how often its largest output names the right class.
/// </summary>
public static class ReadoutRefit
{
    /// <summary>
    /// Test accuracy (%) of the least-squares read-out on the columns <paramref name="units"/> of the activations: one-hot
    /// targets of the classes 0 … C − 1 (C = 1 + the largest label of either split), an intercept, thin QR on the training
    /// rows, and the class of the largest output on the test rows (ties to the lower class). Kept units whose training
    /// column is constant (a dead ReLU unit, or one the intercept already carries) are left out of the fit: they change
    /// no prediction of the minimum-norm least-squares fit, and they would make R singular.
    /// </summary>
    /// <param name="trainH">Training activations, examples × units.</param>
    /// <param name="trainY">Training labels, one per row of <paramref name="trainH"/>.</param>
    /// <param name="testH">Test activations, examples × the same units.</param>
    /// <param name="testY">Test labels, one per row of <paramref name="testH"/>.</param>
    /// <param name="units">The kept units (column indices), distinct; may be empty (the intercept alone).</param>
    public static double Accuracy(Matrix<double> trainH, IReadOnlyList<int> trainY, Matrix<double> testH, IReadOnlyList<int> testY,
        IReadOnlyList<int> units)
    {
        Check.Finite(trainH);
        Check.NonEmpty(trainH);
        Check.Finite(testH);
        Check.NonEmpty(testH);
        Check.That(testH.ColumnCount == trainH.ColumnCount,
            $"testH must have the {trainH.ColumnCount} units of trainH; got {testH.ColumnCount}.", nameof(testH));
        CheckLabels(trainY, trainH.RowCount, nameof(trainY));
        CheckLabels(testY, testH.RowCount, nameof(testY));
        Check.DistinctIndices(units, trainH.ColumnCount);
        var used = units.Where(u => !Constant(trainH, u)).ToArray();
        Check.That(trainH.RowCount > used.Length,
            $"trainH must have more examples than kept units plus one ({used.Length + 1}); got {trainH.RowCount}.", nameof(trainH));
        int classes = 1 + Math.Max(trainY.Max(), testY.Max());
        var a = Design(trainH, used);
        var targets = Matrix<double>.Build.Dense(trainH.RowCount, classes, (i, c) => trainY[i] == c ? 1 : 0);
        var coefficients = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Solve(targets);
        var outputs = Design(testH, used) * coefficients;
        int right = 0;
        for (int i = 0; i < outputs.RowCount; i++)
        {
            int best = 0;
            for (int c = 1; c < classes; c++) if (outputs[i, c] > outputs[i, best]) best = c;
            if (best == testY[i]) right++;
        }
        return 100.0 * right / outputs.RowCount;
    }

    static Matrix<double> Design(Matrix<double> h, int[] units) =>
        Matrix<double>.Build.Dense(h.RowCount, units.Length + 1, (i, j) => j == 0 ? 1 : h[i, units[j - 1]]);

    static bool Constant(Matrix<double> h, int unit)
    {
        double first = h[0, unit];
        for (int i = 1; i < h.RowCount; i++) if (h[i, unit] != first) return false;
        return true;
    }

    static void CheckLabels(IReadOnlyList<int>? labels, int rows, string name)
    {
        Check.NotNull(labels, name);
        Check.That(labels!.Count == rows && labels.All(y => y >= 0),
            $"{name} must hold {rows} labels, each ≥ 0 (one per row); got {labels.Count}.", name);
    }
}
