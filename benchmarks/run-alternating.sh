#!/usr/bin/env bash
# Runs the C# suite and the PyTorch peer alternately ROUNDS times (default 3) and prints the table of medians.
# Raw outputs go to OUT (default /tmp/lottery-bench). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
out=${OUT:-/tmp/lottery-bench}
mkdir -p "$out"
dotnet build -c Release benchmarks/LotteryTickets.Benchmarks >/dev/null
for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds: C#" >&2
  rm -rf BenchmarkDotNet.Artifacts
  dotnet run -c Release --no-build --project benchmarks/LotteryTickets.Benchmarks -- --filter '*' >"$out/cs-$r.log" 2>&1
  cp BenchmarkDotNet.Artifacts/results/*-report-brief.json "$out/cs-$r.json"
  echo "round $r/$rounds: PyTorch" >&2
  /usr/bin/python3 benchmarks/peers/pytorch_peer.py --json "$out/py-$r.json" >"$out/py-$r.log" 2>&1
done
/usr/bin/python3 benchmarks/aggregate.py "$out"
