using BenchmarkDotNet.Attributes;
using LotteryTickets.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// (f) ℓ1-regularised least squares ½‖Ax − b‖² + λ‖x‖₁ on a planted problem, A 200×1000, λ = 0.1·λ_max, solved from
/// zero to a duality gap ≤ 1e-6·P(0): proximal Newton (coordinate descent on the residual for this loss) and FISTA.
/// Peer: scikit-learn's <c>Lasso</c> (coordinate descent; alpha = λ/m, its tol set to the same gap). One thread.
/// (g) ℓ1-regularised logistic regression Σ log(1 + exp(−yᵢaᵢᵀx)) + λ‖x‖₁ on the same A with y = sign(b), λ = 0.1·λ_max,
/// to a duality gap ≤ 1e-6·P(0): proximal Newton (coordinate descent on the weighted model) and FISTA. Peer:
/// scikit-learn's <c>LogisticRegression(penalty="l1", solver="liblinear", C = 1/λ, fit_intercept=False)</c>.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class L1Benchmarks
{
    private Matrix<double> _a = null!;
    private Vector<double> _b = null!;
    private L1Regression _newton = null!, _fista = null!, _logisticNewton = null!, _logisticFista = null!;
    private Vector<double> _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b, double lambda) = SparseInstances.Lasso();
        _newton = new(new L1Options(lambda, L1Algorithm.ProximalNewton, Tolerance: SparseInstances.LassoGap));
        _fista = new(new L1Options(lambda, L1Algorithm.Fista, Tolerance: SparseInstances.LassoGap));
        var result = _newton.Fit(_a, _b);
        if (!result.Converged || !_fista.Fit(_a, _b).Converged)
            throw new InvalidOperationException("the lasso benchmark's solvers did not reach the gap.");
        SparseInstances.WriteLasso(_a, _b, lambda, result);

        (_, _y, double logisticLambda) = SparseInstances.Logistic();
        _logisticNewton = new(new L1Options(logisticLambda, L1Algorithm.ProximalNewton, L1Loss.Logistic, SparseInstances.LassoGap));
        _logisticFista = new(new L1Options(logisticLambda, L1Algorithm.Fista, L1Loss.Logistic, SparseInstances.LassoGap));
        var logistic = _logisticNewton.Fit(_a, _y);
        if (!logistic.Converged || !_logisticFista.Fit(_a, _y).Converged)
            throw new InvalidOperationException("the logistic benchmark's solvers did not reach the gap.");
        SparseInstances.WriteLogistic(_a, _y, logisticLambda, logistic);
    }

    [Benchmark(Description = "l1_lstsq_200x1000_gap1e-6")]
    public double ProximalNewton() => _newton.Fit(_a, _b).Objective;

    [Benchmark(Description = "l1_lstsq_200x1000_gap1e-6_fista")]
    public double Fista() => _fista.Fit(_a, _b).Objective;

    [Benchmark(Description = "l1_logistic_200x1000_gap1e-6")]
    public double LogisticProximalNewton() => _logisticNewton.Fit(_a, _y).Objective;

    [Benchmark(Description = "l1_logistic_200x1000_gap1e-6_fista")]
    public double LogisticFista() => _logisticFista.Fit(_a, _y).Objective;
}
