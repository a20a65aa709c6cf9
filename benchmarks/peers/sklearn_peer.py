#!/usr/bin/python3
"""scikit-learn peer of benchmarks/LotteryTickets.Benchmarks' sparse-numerics workloads, on the very same instances.

Run with Debian's scikit-learn (apt-get install python3-sklearn; NumPy on the system OpenBLAS) after the C# suite has
written the instances (OmpBenchmarks' set-up writes them to $LOTTERY_BENCH_INSTANCES, else <temp>/lottery-bench-instances):

    /usr/bin/python3 benchmarks/peers/sklearn_peer.py [--filter SUBSTRING] [--json OUT.json]

Before a workload is timed, the peer checks that scikit-learn finds the same supports as the C# side did (the C# side's
exactness against scikit-learn is the test suite's job: tests/…/Sparse). One BLAS thread, as on the C# side.
"""

import itertools
import json
import os
import sys
import tempfile

import numpy as np
import sklearn
from sklearn.linear_model import Lasso, LogisticRegression, orthogonal_mp

from peer_timing import main as peer_main, set_blas_threads


def instances_folder():
    return os.environ.get("LOTTERY_BENCH_INSTANCES") or os.path.join(tempfile.gettempdir(), "lottery-bench-instances")


def load(arrays, answers, writer):
    """The named .npy instances and the C# side's answers (a JSON file) from the instances folder, or a clear exit
    naming the C# benchmark class that writes them."""
    folder = instances_folder()
    try:
        loaded = [np.load(os.path.join(folder, f"{n}.npy")) for n in arrays]
        with open(os.path.join(folder, f"{answers}.json")) as f:
            ours = json.load(f)
    except FileNotFoundError as e:
        sys.exit(f"sklearn peer: {e.filename} is missing: run the C# suite's {writer} first (it writes the instance).")
    return loaded, ours


def logistic(ours):
    """scikit-learn's liblinear on ‖x‖₁ + C·Σ log(1 + exp(−yᵢaᵢᵀx)), i.e. ours divided by λ: C = 1/λ, no intercept;
    liblinear's default tol (1e-4) is checked to land within the gap of our objective before anything is timed."""
    return LogisticRegression(penalty="l1", solver="liblinear", C=1 / ours["lambda"], fit_intercept=False, tol=1e-4,
                              max_iter=10_000)


def check_logistic(model, a, y, ours):
    x = model.coef_.ravel()
    objective = np.logaddexp(0, -y * (a @ x)).sum() + ours["lambda"] * np.abs(x).sum()
    if abs(objective - ours["objective"]) > 2 * ours["gap"] * ours["objective_at_zero"]:
        sys.exit(f"sklearn peer: liblinear reached objective {objective!r}, the C# side {ours['objective']!r}: "
                 "not timing a different answer.")


def design_bruteforce(x, subsets):
    """A fresh inverse per subset, batched: the information matrices of all C(m, k) subsets stacked, np.linalg.inv."""
    xs = x[subsets]                                    # (C(m,k), k, p)
    traces = np.trace(np.linalg.inv(np.swapaxes(xs, 1, 2) @ xs), axis1=1, axis2=2)
    best = int(np.argmin(traces))
    return subsets[best], traces[best]


def lasso(a, b, ours):
    """scikit-learn's Lasso on ½‖Ax − b‖² + λ‖x‖₁: its objective is that divided by m, so alpha = λ/m; it stops when
    its duality gap (on the unscaled objective) is ≤ tol·‖b‖², so tol = gap·P(0)/‖b‖² = gap/2 gives our stopping rule."""
    m = a.shape[0]
    return Lasso(alpha=ours["lambda"] / m, fit_intercept=False, tol=ours["gap"] / 2, max_iter=100_000, selection="cyclic")


def check_lasso(model, a, b, ours):
    x = model.coef_
    objective = 0.5 * np.sum((a @ x - b) ** 2) + ours["lambda"] * np.abs(x).sum()
    # Both stop within gap·P(0) of the optimum, so their objectives differ by at most twice that.
    if abs(objective - ours["objective"]) > 2 * ours["gap"] * ours["objective_at_zero"]:
        sys.exit(f"sklearn peer: Lasso reached objective {objective!r}, the C# side {ours['objective']!r}: "
                 "not timing a different answer.")


def check_supports(coef, expected, what):
    coef = coef.reshape(coef.shape[0], -1)
    for i, want in enumerate(expected[: coef.shape[1]]):
        got = sorted(np.flatnonzero(coef[:, i]).tolist())
        if got != want:
            sys.exit(f"sklearn peer: {what}, signal {i}: scikit-learn's support differs from the C# side's "
                     f"({len(set(got) ^ set(want))} atoms differ); not timing a different answer.")


def workloads():
    (a, b), omp = load(["omp-a", "omp-b"], "omp-supports-cs", "OmpBenchmarks")
    k, supports = omp["k"], [sorted(s) for s in omp["supports"]]
    first = b[:, 0].copy()

    def one_signal():
        check_supports(orthogonal_mp(a, first, n_nonzero_coefs=k), supports[:1], "one signal")
        return lambda: orthogonal_mp(a, first, n_nonzero_coefs=k)

    def hundred_signals():
        check_supports(orthogonal_mp(a, b, n_nonzero_coefs=k, precompute=True), supports, "100 signals")
        return lambda: orthogonal_mp(a, b, n_nonzero_coefs=k, precompute=True)

    (la, lb), ours = load(["lasso-a", "lasso-b"], "lasso-cs", "L1Benchmarks")
    lb = lb[:, 0].copy()

    def lasso_fit():
        check_lasso(lasso(la, lb, ours).fit(la, lb), la, lb, ours)
        return lambda: lasso(la, lb, ours).fit(la, lb)

    (ly,), lours = load(["logistic-y"], "logistic-cs", "L1Benchmarks")
    ly = ly[:, 0].copy()

    def logistic_fit():
        check_logistic(logistic(lours).fit(la, ly), la, ly, lours)
        return lambda: logistic(lours).fit(la, ly)

    (dx,), dours = load(["design-x"], "design-cs", "DesignBenchmarks")
    subsets = np.array(list(itertools.combinations(range(dx.shape[0]), dours["k"])))

    def design():
        rows, criterion = design_bruteforce(dx, subsets)
        if sorted(rows.tolist()) != dours["rows"] or abs(criterion - dours["criterion"]) > 1e-9 * dours["criterion"]:
            sys.exit(f"sklearn peer: NumPy's brute force found rows {sorted(rows.tolist())} ({criterion!r}), the C# side "
                     f"{dours['rows']} ({dours['criterion']!r}): not timing a different answer.")
        return lambda: design_bruteforce(dx, subsets)

    return [
        ("omp_one_signal_256x1024_k32", 1, one_signal),
        ("omp_100_signals_gram_256x1024_k32", 1, hundred_signals),
        ("l1_lstsq_200x1000_gap1e-6", 1, lasso_fit),
        ("l1_logistic_200x1000_gap1e-6", 1, logistic_fit),
        ("aoptimal_bruteforce_24x4_k6", 1, design),
    ]


def main():
    peer_main("scikit-learn peer", __doc__.split("\n\n")[0],
              {"sklearn": sklearn.__version__, "numpy": np.__version__}, workloads, set_blas_threads)

if __name__ == "__main__":
    main()
