"""What every peer script shares: BenchmarkDotNet-like timing, the BLAS thread pool, and the output format.

Timing mirrors BenchmarkDotNet's short job (benchmarks/LotteryTickets.Benchmarks/ShortRunConfig.cs): each workload
is calibrated so that one sample (an "iteration") takes about 0.5 s, 2 warm-up samples are discarded, 7 samples are
measured; a sample's value is its mean time per call. The BLAS pool is limited with threadpoolctl (which Debian's
python3-sklearn pulls in; ctypes otherwise): Debian's OpenBLAS would otherwise run as many threads as cores.
"""

import argparse
import ctypes
import ctypes.util
import json
import os
import platform
import statistics
import sys
import time

try:
    import threadpoolctl
except ImportError:  # pragma: no cover - fallback when python3-threadpoolctl is absent
    threadpoolctl = None

WARMUP, ITERATIONS, ITERATION_TIME = 2, 7, 0.5


def _openblas_setter():
    for name in ("openblas", "blas"):
        path = ctypes.util.find_library(name)
        if not path:
            continue
        try:
            lib = ctypes.CDLL(path)
            return lib.openblas_set_num_threads
        except (OSError, AttributeError):
            continue
    return None


def set_blas_threads(n):
    if threadpoolctl is not None:
        threadpoolctl.threadpool_limits(limits=n, user_api="blas")
    else:
        setter = _openblas_setter()
        if setter is not None:
            setter(n)


def blas_description():
    if threadpoolctl is None:
        return "unknown (threadpoolctl not installed)"
    parts = []
    for info in threadpoolctl.threadpool_info():
        if info.get("user_api") == "blas":
            parts.append(f"{info.get('internal_api')} {info.get('version')} ({info.get('threading_layer')}, "
                         f"kernel {info.get('architecture')}, {os.path.basename(info.get('filepath', ''))})")
    return "; ".join(parts) or "none loaded"


def measure(fn):
    """BenchmarkDotNet-like: calibrate calls per sample to ~ITERATION_TIME, WARMUP samples, then ITERATIONS samples."""
    fn()  # first call (allocator / thread pool warm-up)
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        elapsed = time.perf_counter() - t0
        if elapsed >= ITERATION_TIME * 0.5 or calls >= 1 << 20:
            break
        calls *= 2
    per_call = elapsed / calls
    calls = max(1, round(ITERATION_TIME / per_call))
    samples = []
    for i in range(WARMUP + ITERATIONS):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        sample = (time.perf_counter() - t0) / calls
        if i >= WARMUP:
            samples.append(sample)
    return {"median_s": statistics.median(samples), "min_s": min(samples), "max_s": max(samples),
            "calls_per_sample": calls, "samples": samples}


def fmt(seconds):
    if seconds >= 1:
        return f"{seconds:.3f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def run(title, env, workloads, set_threads, name_filter="", json_path=None):
    """Times each (name, threads, setup) of workloads; setup() returns the function to time. Prints and writes JSON."""
    print(f"{title}: " + ", ".join(f"{k}={v}" for k, v in env.items()), flush=True)
    results = {}
    for name, threads, setup in workloads:
        if name_filter and name_filter not in name:
            continue
        set_threads(threads)
        r = measure(setup())
        r["threads"] = threads
        results[name] = r
        print(f"{name:<38} median {fmt(r['median_s']):>10}  min {fmt(r['min_s']):>10}  max {fmt(r['max_s']):>10}"
              f"  ({r['calls_per_sample']} calls/sample, {threads} thread{'s' if threads > 1 else ''})", flush=True)
    if json_path:
        with open(json_path, "w") as f:
            json.dump({"env": env, "results": results}, f, indent=2)
    return results


def main(title, description, versions, workloads, set_threads):
    """The peers' command line: [--filter SUBSTRING] [--json OUT.json]; versions: the peer's own package versions."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--filter", default="", help="run only workloads whose name contains this")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    set_blas_threads(1)
    env = {
        "python": sys.version.split()[0],
        **versions,
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE", "(unset)"),
        "blas": blas_description(),
    }
    if "openblas" not in env["blas"]:
        print(f"{title}: WARNING: NumPy is not on OpenBLAS ({env['blas']}); Debian's default libblas3 is the unoptimised "
              "reference BLAS, several times slower. For a fair peer: apt-get install libopenblas0-pthread.",
              file=sys.stderr, flush=True)
    run(title, env, workloads(), set_threads, args.filter, args.json)
