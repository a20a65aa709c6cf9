using MathNet.Numerics.LinearAlgebra;
using System.Diagnostics;

namespace LotteryTickets.Sparse;

/// <summary>
/// ℓ1-regularised regression min_x F(Ax) + λ‖x‖₁ (optionally x ≥ 0) for the least-squares and logistic losses, by
/// ISTA, FISTA or proximal Newton (or, for contrast, plain subgradient descent). All stop on the duality gap, computed
/// at the dual-feasible point obtained by scaling the gradient ∇F(Ax) (the residual Ax − b for least squares) until
/// ‖Aᵀu‖∞ ≤ λ.
/// </summary>
public sealed class L1Regression
{
    /// <summary>Creates the estimator; the options are validated here.</summary>
    public L1Regression(L1Options options)
    {
        Options = Validation.Check(options);
    }

    /// <summary>The settings this estimator runs with.</summary>
    public L1Options Options { get; }

    /// <summary>
    /// Fits x for A (m×n) and b (length m: targets, or ±1 labels for the logistic loss), starting from
    /// <paramref name="warmStart"/> (length n) when given, else from 0.
    /// </summary>
    public L1Result Fit(Matrix<double> a, Vector<double> b, Vector<double>? warmStart = null)
    {
        Check.Finite(a);
        Check.NonEmpty(a);
        Check.Finite(b);
        Check.Length(b, a.RowCount, "the number of rows of a");
        var loss = SmoothLoss.Create(Options.Loss, b);
        var x = Vector<double>.Build.Dense(a.ColumnCount);
        if (warmStart is not null)
        {
            Check.Finite(warmStart);
            Check.Length(warmStart, a.ColumnCount, "the number of columns of a");
            x = Options.NonNegative ? warmStart.PointwiseMaximum(0) : warmStart.Clone();
        }
        var run = new Run(a, loss, Options);
        return Options.Algorithm switch
        {
            L1Algorithm.Ista => run.Ista(x),
            L1Algorithm.Fista => run.Fista(x),
            L1Algorithm.SubgradientDescent => run.SubgradientDescent(x),
            _ => run.ProximalNewton(x),
        };
    }

    private sealed class Run(Matrix<double> a, SmoothLoss loss, L1Options o)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly List<L1IterationRecord> history = [];
        private readonly double scale = Math.Max(loss.Value(Vector<double>.Build.Dense(a.RowCount)), double.Epsilon);
        private readonly double lambda = o.Lambda;
        private readonly double[] av = ColumnKernels.ColumnMajor(a);

        /// <summary>A x and Aᵀg over A's raw storage (<see cref="ColumnKernels"/>), not Math.NET's slower products.</summary>
        private Vector<double> Times(Vector<double> x) =>
            Vector<double>.Build.Dense(ColumnKernels.Multiply(av, a.RowCount, x.AsArray() ?? x.ToArray()));
        private Vector<double> TransposeTimes(Vector<double> g) =>
            Vector<double>.Build.Dense(ColumnKernels.TransposeMultiply(av, a.RowCount, a.ColumnCount, g.AsArray() ?? g.ToArray()));

        private static double L1(Vector<double> x) => x.L1Norm();
        private double Primal(Vector<double> z, Vector<double> x) => loss.Value(z) + lambda * L1(x);

        private double Prox(double v, double t) =>
            o.NonNegative ? Math.Max(v - t, 0) : Math.Sign(v) * Math.Max(Math.Abs(v) - t, 0);

        private Vector<double> Prox(Vector<double> v, double t) => Vector<double>.Build.Dense(v.Count, i => Prox(v[i], t));

        /// <summary>Records (objective, gap) at x; true when the gap tolerance is met.</summary>
        private bool Record(int iteration, Vector<double> x, Vector<double> z, Vector<double> grad, Vector<double> aTgrad)
        {
            double s = DualScale(aTgrad.AsArray() ?? aTgrad.ToArray());
            double primal = Primal(z, x);
            double gap = primal - loss.DualValue(grad * s);
            int nonzeros = 0;
            foreach (double v in x.AsArray() ?? x.ToArray()) if (v != 0) nonzeros++;
            history.Add(new L1IterationRecord(iteration, primal, gap, clock.Elapsed.TotalSeconds, nonzeros));
            return gap <= o.Tolerance * scale;
        }

        /// <summary>The factor s that makes the scaled gradient dual-feasible: ‖Aᵀ(s·∇F)‖∞ ≤ λ (for x ≥ 0, only the
        /// negative side of Aᵀ∇F is bounded).</summary>
        private double DualScale(ReadOnlySpan<double> aTgrad)
        {
            double violation = 0;
            foreach (double c in aTgrad) violation = Math.Max(violation, o.NonNegative ? -c : Math.Abs(c));
            return violation <= lambda ? 1 : lambda / violation;
        }

        private bool RecordAt(int iteration, Vector<double> x)
        {
            var z = Times(x);
            var g = loss.Gradient(z);
            return Record(iteration, x, z, g, TransposeTimes(g));
        }

        private L1Result Done(Vector<double> x, bool converged) => new(lambda, x, history.AsReadOnly(), converged);

        public L1Result Ista(Vector<double> x) => Descend(x, (_, v, grad, lip) => Prox(v - grad / lip, lambda / lip));

        /// <summary>Plain (sub)gradient descent on F(Ax) + λ‖x‖₁: x ← x − t_k (Aᵀ∇F + λ sign x), sign 0 = 0 (what automatic
        /// differentiation gives for |x|), t_k = 1 ÷ (L √(k + 1)); for x ≥ 0 the step is projected onto it. The last
        /// iterate is returned.</summary>
        public L1Result SubgradientDescent(Vector<double> x) => Descend(x, (it, v, grad, lip) =>
        {
            double step = 1 / (lip * Math.Sqrt(it + 1));
            var next = Vector<double>.Build.Dense(v.Count, i => v[i] - step * (grad[i] + lambda * Math.Sign(v[i])));
            return o.NonNegative ? next.PointwiseMaximum(0) : next;
        });

        /// <summary>The loop ISTA and subgradient descent share: with L = ‖A‖₂² times the loss's curvature bound, record
        /// (objective, gap) at x and stop on the gap or at the iteration limit, else x ← <paramref name="update"/>(k, x,
        /// Aᵀ∇F(Ax), L).</summary>
        private L1Result Descend(Vector<double> x, Func<int, Vector<double>, Vector<double>, double, Vector<double>> update)
        {
            double lip = loss.CurvatureBound * Math.Pow(a.L2Norm(), 2);
            if (lip == 0) return Done(x, RecordAt(0, x));
            for (int it = 0; ; it++)
            {
                var z = Times(x);
                var g = loss.Gradient(z);
                var grad = TransposeTimes(g);
                if (Record(it, x, z, g, grad)) return Done(x, true);
                if (it == o.MaxIterations) return Done(x, false);
                x = update(it, x, grad, lip);
            }
        }

        public L1Result Fista(Vector<double> x)
        {
            double lip = 0;
            for (int j = 0; j < a.ColumnCount; j++) lip = Math.Max(lip, a.Column(j).DotProduct(a.Column(j)));
            lip *= loss.CurvatureBound;
            if (lip == 0) return Done(x, RecordAt(0, x));
            if (RecordAt(0, x)) return Done(x, true);
            var y = x.Clone();
            double t = 1, previous = history[^1].Objective;
            for (int it = 1; it <= o.MaxIterations; it++)
            {
                var zy = Times(y);
                double fy = loss.Value(zy);
                var gy = TransposeTimes(loss.Gradient(zy));
                Vector<double> p;
                while (true)
                {
                    p = Prox(y - gy / lip, lambda / lip);
                    var d = p - y;
                    if (loss.Value(Times(p)) <= fy + gy.DotProduct(d) + 0.5 * lip * d.DotProduct(d) + 1e-15 * Math.Abs(fy)) break;
                    lip *= 2;
                }
                bool done = RecordAt(it, p);
                double objective = history[^1].Objective;
                if (objective > previous)
                {
                    // Function-value restart (O'Donoghue–Candès): drop the momentum.
                    t = 1;
                    y = p.Clone();
                }
                else
                {
                    double tNext = (1 + Math.Sqrt(1 + 4 * t * t)) / 2;
                    y = p + (p - x) * ((t - 1) / tNext);
                    t = tNext;
                }
                x = p;
                previous = objective;
                if (done) return Done(x, true);
            }
            return Done(x, false);
        }

        public L1Result ProximalNewton(Vector<double> x)
        {
            for (int it = 0; ; it++)
            {
                var z = Times(x);
                var g = loss.Gradient(z);
                var grad = TransposeTimes(g);
                if (Record(it, x, z, g, grad)) return Done(x, true);
                if (it == o.MaxIterations) return Done(x, false);
                var d = ModelStep(x, z, g);
                // Backtracking (Armijo) line search on the composite objective.
                double p0 = history[^1].Objective;
                double decrease = grad.DotProduct(d) + lambda * (L1(x + d) - L1(x));
                double step = 1;
                Vector<double> next = x + d;
                for (int k = 0; k < 60; k++)
                {
                    next = x + d * step;
                    if (Primal(Times(next), next) <= p0 + 1e-4 * step * decrease) break;
                    step /= 2;
                }
                x = next;
            }
        }

        /// <summary>
        /// The proximal Newton model step: minimises gᵀA d + ½ dᵀAᵀWA d + λ‖x + d‖₁ (g = ∇F(z), W = ∇²F(z), z = A x),
        /// returning d. The model is the lasso ½‖Ã w − b̃‖² + λ‖w‖₁ in w = x + d with Ã = W^½A and
        /// b̃ = W^½z − W^-½g (for least squares W = I, Ã = A, b̃ = b: the model is the objective itself), so coordinate
        /// descent runs on it with its residual kept up to date — O(m) per coordinate, the n×n Hessian AᵀWA never
        /// formed (glmnet's and scikit-learn's scheme). Ã is not formed either: the sweeps keep q = W^½r for the model's
        /// residual r = Ã w − b̃, so that Ãⱼᵀr = Aⱼᵀq reads A's own columns and a move δ of wⱼ is q += δ·W∘Aⱼ (writing a
        /// scaled copy of A at every Newton step cost more than the sweeps it served). Sweeps over the nonzero
        /// coordinates (active-set cycling, up to ten in a row; the first ones over x's support) alternate with full
        /// sweeps: a full sweep finds the support, the cheap ones settle its values, and only a full sweep may end the
        /// loop — when nothing moves or the model's duality gap meets the tolerance. Then, once the face is found (the
        /// signs of w are those of x; always for least squares, whose model is the objective), the model's stationarity
        /// condition on the support S is solved exactly, Ã_SᵀÃ_S w_S = Ã_Sᵀb̃ − λσ, and kept when no sign flips: a true
        /// Newton step on that face. While the face still changes the polish would solve the wrong system.
        /// </summary>
        private Vector<double> ModelStep(Vector<double> x, Vector<double> z, Vector<double> g)
        {
            int m = a.RowCount, n = a.ColumnCount;
            var w = x.ToArray();
            var q = g.ToArray(); // at w = x, r = W^-½g, so q = g (least squares: r = q = A x − b)
            double[]? weights = null, root = null;
            var b = new double[m];
            if (o.Loss == L1Loss.Squared)
            {
                for (int i = 0; i < m; i++) b[i] = z[i] - g[i];
            }
            else
            {
                // Weights below 1e-10 (|z| ≳ 23 on the logistic loss) are raised to it so that W^-½g stays finite;
                // the model is then a slightly more curved one, still convex, and the line search keeps descent.
                var hessian = loss.HessianWeights(z);
                weights = new double[m];
                root = new double[m];
                for (int i = 0; i < m; i++)
                {
                    weights[i] = Math.Max(hessian[i], 1e-10);
                    root[i] = Math.Sqrt(weights[i]);
                    b[i] = root[i] * z[i] - g[i] / root[i];
                }
            }
            var colNorm2 = weights is null ? ColumnKernels.ColumnNormsSquared(av, m, n) : ColumnKernels.WeightedColumnNormsSquared(av, m, n, weights);
            double xScale = Math.Max(1, x.InfinityNorm());
            // Least squares: the model is the objective, so it is solved to the final tolerance at once. Otherwise the
            // model is only trusted near x: solved to a fraction of the outer duality gap (an inexact Newton step, as in
            // Lee–Sun–Saunders' proximal Newton), to the final tolerance once the gap is that small.
            double modelTolerance = o.Tolerance * scale;
            if (o.Loss != L1Loss.Squared) modelTolerance = Math.Max(modelTolerance, 0.1 * history[^1].DualityGap);
            int[]? cycle = Support(w);
            if (cycle.Length == 0) cycle = null;
            for (int sweep = 0, cycleSweeps = 0; sweep < 5000; sweep++)
            {
                double maxChange = 0;
                int count = cycle?.Length ?? n;
                for (int t = 0; t < count; t++)
                {
                    int j = cycle is null ? t : cycle[t];
                    double hjj = colNorm2[j];
                    if (hjj <= 0) continue;
                    var col = ColumnKernels.Column(av, m, j);
                    double wj = w[j];
                    double nw = Prox(wj - ColumnKernels.Dot(col, q) / hjj, lambda / hjj);
                    double delta = nw - wj;
                    if (delta == 0) continue;
                    w[j] = nw;
                    if (weights is null) ColumnKernels.SubtractScaled(q, -delta, col);
                    else ColumnKernels.AddScaledProduct(q, delta, weights, col);
                    maxChange = Math.Max(maxChange, Math.Abs(delta) * Math.Sqrt(hjj));
                }
                bool settled = maxChange <= 1e-10 * xScale;
                if (cycle is null)
                {
                    if (settled || ModelGap(m, w, q, root, b) <= modelTolerance) break;
                    cycle = Support(w);
                    cycleSweeps = 0;
                    if (cycle.Length == 0) cycle = null;
                }
                else if (settled || ++cycleSweeps >= 10) cycle = null; // back to a full sweep, which decides
            }
            if (weights is null || SameSigns(w, x)) PolishOnSupport(m, root, b, w);
            return Vector<double>.Build.Dense(w) - x;
        }

        private static int[] Support(double[] w)
        {
            int count = 0;
            foreach (double v in w) if (v != 0) count++;
            var support = new int[count];
            for (int j = 0, k = 0; j < w.Length; j++) if (w[j] != 0) support[k++] = j;
            return support;
        }

        private static bool SameSigns(double[] w, Vector<double> x)
        {
            for (int j = 0; j < w.Length; j++) if (Math.Sign(w[j]) != Math.Sign(x[j])) return false;
            return true;
        }

        /// <summary>
        /// The model's stationarity condition on the support S of w with its signs σ, solved exactly:
        /// Ã_SᵀÃ_S w_S = Ã_Sᵀb̃ − λσ (a raw sequential Cholesky, <see cref="ColumnKernels.CholeskySolve"/>; Ã_S's
        /// columns are scaled from A's by W^½ here, s of them); kept when it is finite and no sign flips.
        /// </summary>
        private void PolishOnSupport(int m, double[]? root, double[] b, double[] w)
        {
            var active = Support(w);
            int s = active.Length;
            if (s == 0) return;
            double[] columns;
            if (root is null) columns = av;
            else
            {
                columns = new double[s * m];
                for (int k = 0; k < s; k++) ColumnKernels.Multiply(ColumnKernels.Column(av, m, active[k]), root, columns.AsSpan(k * m, m));
            }
            var (hss, ws) = ColumnKernels.NormalEquations(columns, m, root is null ? active : Enumerable.Range(0, s).ToArray(), b);
            for (int i = 0; i < s; i++) ws[i] -= lambda * Math.Sign(w[active[i]]);
            if (!ColumnKernels.CholeskySolve(hss, s, ws)) return;
            for (int i = 0; i < s; i++)
                if (!double.IsFinite(ws[i]) || Math.Sign(ws[i]) != Math.Sign(w[active[i]])) return;
            for (int i = 0; i < s; i++) w[active[i]] = ws[i];
        }

        /// <summary>The duality gap of the model ½‖r‖² + λ‖w‖₁ at its residual r = Ã w − b̃ (given as q = W^½r, with
        /// W^½ = <paramref name="root"/>, null for the identity), at the same kind of dual point as <see cref="Record"/>:
        /// u = s·r with s scaling ‖Ãᵀu‖∞ = s‖Aᵀq‖∞ to λ; the dual value is −½‖u‖² − uᵀb̃.</summary>
        private double ModelGap(int m, double[] w, double[] q, double[]? root, double[] b)
        {
            double s = DualScale(ColumnKernels.TransposeMultiply(av, m, w.Length, q));
            double l1 = 0;
            foreach (double v in w) l1 += Math.Abs(v);
            double rr = 0, rb = 0;
            for (int i = 0; i < m; i++)
            {
                double r = root is null ? q[i] : q[i] / root[i];
                rr += r * r;
                rb += r * b[i];
            }
            return 0.5 * rr + lambda * l1 - (-0.5 * s * s * rr - s * rb);
        }
    }
}

/// <summary>Settings of <see cref="L1Regression"/> for min F(Ax) + λ‖x‖₁ (optionally subject to x ≥ 0).</summary>
/// <param name="Lambda">Regularisation weight λ ≥ 0 (scikit-learn's alpha, up to its 1/n scaling).</param>
/// <param name="Algorithm">ISTA, FISTA or proximal Newton.</param>
/// <param name="Loss">Least squares or logistic.</param>
/// <param name="Tolerance">Stop when the duality gap ≤ Tolerance·P(0), where P(0) = F(0) is the objective at x = 0.</param>
/// <param name="MaxIterations">Outer iterations at most (proximal steps, or Newton steps).</param>
/// <param name="NonNegative">Constrain x ≥ 0 (the prox becomes max(v − λ/L, 0)).</param>
public sealed record L1Options(
    [property: NonNegative] double Lambda,
    L1Algorithm Algorithm = L1Algorithm.Fista,
    L1Loss Loss = L1Loss.Squared,
    [property: NonNegative] double Tolerance = 1e-8,
    [property: Positive] int MaxIterations = 20_000,
    bool NonNegative = false) : IValidated;

/// <summary>Which proximal method <see cref="L1Regression"/> runs.</summary>
public enum L1Algorithm
{
    /// <summary>Proximal gradient with the fixed step 1/L, L = ‖A‖₂² (squared) or ‖A‖₂²/4 (logistic).</summary>
    Ista,
    /// <summary>Accelerated proximal gradient (Beck–Teboulle) with backtracking on L and function-value restart.</summary>
    Fista,
    /// <summary>Proximal Newton: the quadratic model is minimised by coordinate descent, then a backtracking line search.</summary>
    ProximalNewton,
    /// <summary>Plain subgradient descent with the diminishing step 1/(L√(k + 1)): the "simple gradient descent" the
    /// proximal methods are compared with. Its iterates step over 0 instead of landing on it, so it finds no exact zeros.</summary>
    SubgradientDescent,
}

/// <summary>The smooth part of an ℓ1-regularised objective F(Ax) + λ‖x‖₁.</summary>
public enum L1Loss
{
    /// <summary>Least squares ½‖Ax − b‖² (the lasso, unscaled: scikit-learn's Lasso divides by the sample count).</summary>
    Squared,
    /// <summary>Logistic loss Σᵢ log(1 + exp(−yᵢ aᵢᵀx)) with labels yᵢ ∈ {−1, +1} ({0, 1} is accepted; 0 means −1). No intercept.</summary>
    Logistic,
}
