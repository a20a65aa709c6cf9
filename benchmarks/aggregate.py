#!/usr/bin/python3
"""Median over rounds of each side's per-round medians, as a markdown table: aggregate.py DIR (cs-N.json, py-N.json)."""
import glob
import json
import os
import statistics
import sys


def cs_round(path):
    result = {}
    for b in json.load(open(path))["Benchmarks"]:
        name = b["MethodTitle"]
        if b.get("Parameters"):
            name += " [" + b["Parameters"].replace("Threads=", "threads=") + "]"
        result[name] = b["Statistics"]["Median"] / 1e9
    return result


def py_round(path):
    return {k: v["median_s"] for k, v in json.load(open(path))["results"].items()}


def fmt(s):
    return f"{s:.3f} s" if s >= 1 else f"{s * 1e3:.2f} ms" if s >= 1e-3 else f"{s * 1e6:.1f} µs"


def main():
    folder = sys.argv[1]
    cs = [cs_round(p) for p in sorted(glob.glob(os.path.join(folder, "cs-*.json")))]
    py = [py_round(p) for p in sorted(glob.glob(os.path.join(folder, "py-*.json")))]
    names = sorted({n for r in cs + py for n in r})
    print(f"{len(cs)} C# rounds, {len(py)} PyTorch rounds (median of per-round medians; range of per-round medians)\n")
    print("| workload | TorchSharp 0.107 | PyTorch 1.13 | ratio C#/Py |")
    print("| --- | ---: | ---: | ---: |")
    for n in names:
        c = [r[n] for r in cs if n in r]
        p = [r[n] for r in py if n in r]
        cm = statistics.median(c) if c else None
        pm = statistics.median(p) if p else None
        cell = lambda m, xs: f"{fmt(m)} ({fmt(min(xs))}–{fmt(max(xs))})" if xs else "—"
        ratio = f"{cm / pm:.2f}" if cm and pm else "—"
        print(f"| {n} | {cell(cm, c)} | {cell(pm, p)} | {ratio} |")


if __name__ == "__main__":
    main()
