using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Sparse;

/// <summary>The smooth part F(z), z = Ax, with what the solvers need: value, gradient, Hessian weights, and the
/// dual value −F*(u) used for the duality gap.</summary>
internal abstract class SmoothLoss
{
    public static SmoothLoss Create(L1Loss loss, Vector<double> b) => loss switch
    {
        L1Loss.Squared => new SquaredLoss(b),
        L1Loss.Logistic => new LogisticLoss(b),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Loss must be Squared or Logistic."),
    };

    /// <summary>L of ∇F relative to ‖A‖₂²: 1 for least squares, ¼ for logistic.</summary>
    public abstract double CurvatureBound { get; }
    public abstract double Value(Vector<double> z);
    public abstract Vector<double> Gradient(Vector<double> z);
    /// <summary>Diagonal W of ∇²F(z) (the Hessian in x is AᵀWA).</summary>
    public abstract Vector<double> HessianWeights(Vector<double> z);
    /// <summary>−F*(u), the dual objective at u (u a scaled gradient, so always in the domain).</summary>
    public abstract double DualValue(Vector<double> u);

    private sealed class SquaredLoss(Vector<double> b) : SmoothLoss
    {
        public override double CurvatureBound => 1;
        public override double Value(Vector<double> z) { var r = z - b; return 0.5 * r.DotProduct(r); }
        public override Vector<double> Gradient(Vector<double> z) => z - b;
        public override Vector<double> HessianWeights(Vector<double> z) => Vector<double>.Build.Dense(z.Count, 1.0);
        public override double DualValue(Vector<double> u) => -0.5 * u.DotProduct(u) - u.DotProduct(b);
    }

    private sealed class LogisticLoss : SmoothLoss
    {
        private readonly double[] y;
        public LogisticLoss(Vector<double> labels)
        {
            y = new double[labels.Count];
            for (int i = 0; i < y.Length; i++)
            {
                double v = labels[i];
                Check.That(v == 1 || v == -1 || v == 0,
                    $"b must hold class labels in {{−1, +1}} (or {{0, 1}}) for the logistic loss; element {i} is {v}.", "b");
                y[i] = v == 1 ? 1 : -1;
            }
        }
        public override double CurvatureBound => 0.25;
        private static double Log1pExp(double t) => t > 0 ? t + Math.Log(1 + Math.Exp(-t)) : Math.Log(1 + Math.Exp(t));
        private static double Sigmoid(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));
        public override double Value(Vector<double> z)
        {
            double s = 0;
            for (int i = 0; i < y.Length; i++) s += Log1pExp(-y[i] * z[i]);
            return s;
        }
        public override Vector<double> Gradient(Vector<double> z) =>
            Vector<double>.Build.Dense(y.Length, i => -y[i] * Sigmoid(-y[i] * z[i]));
        public override Vector<double> HessianWeights(Vector<double> z) =>
            Vector<double>.Build.Dense(y.Length, i => { double p = Sigmoid(z[i]); return p * (1 - p); });
        public override double DualValue(Vector<double> u)
        {
            double s = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double p = Math.Clamp(-y[i] * u[i], 0, 1);
                if (p > 0) s -= p * Math.Log(p);
                if (p < 1) s -= (1 - p) * Math.Log(1 - p);
            }
            return s;
        }
    }
}
