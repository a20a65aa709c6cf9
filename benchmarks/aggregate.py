#!/usr/bin/python3
"""Median over rounds of each side's per-round medians, as a markdown table: aggregate.py DIR.

DIR holds cs-N.json (BenchmarkDotNet brief JSON), py-N.json (PyTorch peer) and sk-N.json (scikit-learn peer)."""
import glob
import json
import os
import statistics
import sys

PEERS = [("py", "PyTorch 1.13"), ("sk", "scikit-learn 1.2")]


def cs_round(path):
    result = {}
    for b in json.load(open(path))["Benchmarks"]:
        name = b["MethodTitle"]
        if b.get("Parameters"):
            name += " [" + b["Parameters"].replace("Threads=", "threads=") + "]"
        result[name] = b["Statistics"]["Median"] / 1e9
    return result


def peer_round(path):
    return {k: v["median_s"] for k, v in json.load(open(path))["results"].items()}


def fmt(s):
    return f"{s:.3f} s" if s >= 1 else f"{s * 1e3:.2f} ms" if s >= 1e-3 else f"{s * 1e6:.1f} µs"


def main():
    folder = sys.argv[1]
    cs = [cs_round(p) for p in sorted(glob.glob(os.path.join(folder, "cs-*.json")))]
    peers = {label: [peer_round(p) for p in sorted(glob.glob(os.path.join(folder, f"{prefix}-*.json")))] for prefix, label in PEERS}
    counts = ", ".join(f"{len(rounds)} {label} rounds" for label, rounds in peers.items())
    print(f"{len(cs)} C# rounds, {counts} (median of per-round medians; range of per-round medians)\n")
    print("| workload | LotteryTickets (C#) | peer | peer time | ratio C#/peer |")
    print("| --- | ---: | --- | ---: | ---: |")
    names = sorted({n for r in cs for n in r} | {n for rounds in peers.values() for r in rounds for n in r})
    cell = lambda m, xs: f"{fmt(m)} ({fmt(min(xs))}–{fmt(max(xs))})" if xs else "—"
    for n in names:
        c = [r[n] for r in cs if n in r]
        cm = statistics.median(c) if c else None
        label, p = next(((label, [r[n] for r in rounds if n in r]) for label, rounds in peers.items()
                         if any(n in r for r in rounds)), ("—", []))
        pm = statistics.median(p) if p else None
        ratio = f"{cm / pm:.2f}" if cm and pm else "—"
        print(f"| {n} | {cell(cm, c)} | {label} | {cell(pm, p)} | {ratio} |")


if __name__ == "__main__":
    main()
