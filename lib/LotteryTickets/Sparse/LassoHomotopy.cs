namespace LotteryTickets.Sparse;

/// <summary>
/// The lasso ½‖Ax − b‖² + λ‖x‖₁ (optionally x ≥ 0) solved exactly by the homotopy method (Osborne–Presnell–Turlach;
/// LARS with the lasso modification, Efron et al. 2004): the solution is piecewise linear in λ, so it is followed from
/// λ_max = ‖Aᵀb‖∞, where x = 0, down to the target λ, one breakpoint (an atom entering or leaving the support) at a
/// time; atoms tied at a breakpoint enter one after another at zero step, and an atom dependent on the support is
/// kept out. Each breakpoint costs one Aᵀu (O(mn)) and a Cholesky row of A_SᵀA_S added (O(sm)) or removed by Givens
/// rotations (O(s²)); a k-sparse solution that the
/// path reaches without removals — the success region of a phase diagram (Donoho–Tsaig's k-step property) — takes
/// k steps. This is what the phase-diagram trials use: coordinate descent at λ = 10⁻³·λ_max needs thousands of sweeps
/// on the ill-conditioned problems just past the transition, where the homotopy takes a few hundred exact steps.
/// </summary>
internal static class LassoHomotopy
{
    /// <summary>
    /// x at <paramref name="lambda"/> for the m×n column-major A and b; null when the path did not reach it exactly —
    /// an atom kept out as dependent on the support (pivot ≤ 1e-12·‖aⱼ‖²) ends with a correlation above λ, or
    /// <paramref name="maxSteps"/> breakpoints were not enough — so the caller can fall back to an iterative solver.
    /// </summary>
    public static double[]? Solve(double[] a, int m, int n, ReadOnlySpan<double> b, double lambda, bool nonNegative, int maxSteps)
    {
        var c = ColumnKernels.TransposeMultiply(a, m, n, b);        // Aᵀ(b − Ax), kept up to date
        var colNorm2 = ColumnKernels.ColumnNormsSquared(a, m, n);
        var x = new double[n];
        int capacity = Math.Min(m, n);
        var l = new double[capacity * capacity];                      // Cholesky factor of A_SᵀA_S (Triangular)
        var support = new List<int>(capacity);
        var sign = new List<double>(capacity);
        var inSupport = new bool[n];
        var excluded = new bool[n];                                   // dependent on the support: may not enter
        var u = new double[m];
        var au = new double[n];

        double Violation(int j) => nonNegative ? c[j] : Math.Abs(c[j]);
        double level = 0;                                              // the current λ on the path
        int first = -1;
        for (int j = 0; j < n; j++)
            if (colNorm2[j] > 0 && Violation(j) > level) { level = Violation(j); first = j; }
        if (first < 0 || level <= lambda) return x;
        if (!Add(first, 1.0 * Math.Sign(c[first]))) return null;

        int removed = -1;                                              // the atom that left at the previous step
        for (int step = 0; step < maxSteps; step++)
        {
            // Direction: A_SᵀA_S d = σ keeps every active correlation at ±level while level falls at unit rate.
            int s = support.Count;
            var d = Triangular.Backward(l, capacity, s, Triangular.Forward(l, capacity, s, sign.ToArray()));
            Array.Clear(u);
            for (int i = 0; i < s; i++) ColumnKernels.SubtractScaled(u, -d[i], ColumnKernels.Column(a, m, support[i]));
            double gamma = level - lambda, floor = 1e-12 * level;
            int enter = -1, leave = -1;
            for (int j = 0; j < n; j++)
            {
                if (inSupport[j] || colNorm2[j] <= 0) continue;
                double aj = ColumnKernels.Dot(ColumnKernels.Column(a, m, j), u);
                au[j] = aj;
                if (excluded[j]) continue;
                // c_j − γ·a_j reaches +(level − γ) (or −(level − γ) for a signed problem). γ ≈ 0 is a tie with the
                // atoms already in (±1 signals often give two atoms the same correlation): it enters at once — except
                // the atom that has just left, whose correlation is ±level by construction.
                bool justLeft = j == removed;
                double up = (level - c[j]) / (1 - aj);
                if (up > -floor && up < gamma && !(justLeft && up <= floor)) { gamma = up; enter = j; }
                if (nonNegative) continue;
                double down = (level + c[j]) / (1 + aj);
                if (down > -floor && down < gamma && !(justLeft && down <= floor)) { gamma = down; enter = j; }
            }
            for (int i = 0; i < s; i++)
            {
                double t = -x[support[i]] / d[i];
                if (t > 0 && t < gamma) { gamma = t; leave = i; enter = -1; }
            }
            gamma = Math.Max(gamma, 0);
            removed = -1;
            for (int i = 0; i < s; i++) x[support[i]] += gamma * d[i];
            for (int j = 0; j < n; j++)
                if (!inSupport[j] && colNorm2[j] > 0) c[j] -= gamma * au[j];
            level -= gamma;
            for (int i = 0; i < s; i++) c[support[i]] = sign[i] * level;
            if (leave >= 0)
            {
                removed = support[leave];
                x[removed] = 0;
                inSupport[removed] = false;
                Triangular.Remove(l, capacity, s, leave);
                support.RemoveAt(leave);
                sign.RemoveAt(leave);
            }
            else if (enter >= 0)
            {
                if (!Add(enter, c[enter] >= 0 ? 1 : -1)) excluded[enter] = true;
            }
            else
            {
                // Reached the target λ. An excluded atom (a twin of one inside, say) is fine as long as its correlation
                // stayed within λ; otherwise the point is not the lasso's solution and the caller is told so.
                for (int j = 0; j < n; j++)
                    if (excluded[j] && Violation(j) > lambda * (1 + 1e-9)) return null;
                return x;
            }
        }
        return null;

        // Appends atom j with sign σ to the support and its row to the Cholesky factor; false when it is dependent.
        bool Add(int j, double sigma)
        {
            int s = support.Count;
            if (s == capacity) return false;
            var cross = new double[s];
            var aj = ColumnKernels.Column(a, m, j);
            for (int i = 0; i < s; i++) cross[i] = ColumnKernels.Dot(ColumnKernels.Column(a, m, support[i]), aj);
            if (!Triangular.Append(l, capacity, s, cross, colNorm2[j], 1e-12 * colNorm2[j])) return false;
            support.Add(j);
            sign.Add(sigma);
            inSupport[j] = true;
            return true;
        }
    }
}
