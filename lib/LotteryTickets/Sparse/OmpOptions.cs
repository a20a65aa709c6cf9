namespace LotteryTickets.Sparse;

/// <summary>
/// Settings of <see cref="OrthogonalMatchingPursuit"/>.
/// </summary>
/// <param name="NonzeroCoefs">Stop after this many atoms (sklearn's <c>n_nonzero_coefs</c>). When both this and
/// <paramref name="Tolerance"/> are null, max(1, ⌊n/10⌋) atoms are used, as in scikit-learn.</param>
/// <param name="Tolerance">Stop once the residual ℓ2 norm ‖b − Ax‖₂ ≤ Tolerance (note: scikit-learn's <c>tol</c> is the
/// <em>squared</em> norm). When set and <paramref name="NonzeroCoefs"/> is null, at most min(m, n) atoms are used.</param>
/// <param name="DependenceTolerance">Early stop when the next atom is numerically dependent on the selected ones:
/// the new Cholesky pivot ‖a‖² − ‖w‖² is ≤ DependenceTolerance·‖a‖².</param>
public sealed record OmpOptions(int? NonzeroCoefs = null, double? Tolerance = null, double DependenceTolerance = 1e-10);
