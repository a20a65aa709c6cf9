#!/usr/bin/env bash
# Runs the C# suite and the peers (PyTorch, scikit-learn) alternately ROUNDS times (default 3) and prints the table of
# medians. Raw outputs go to OUT (default /tmp/lottery-bench); the shared sparse instances to OUT/instances. FILTER
# (default '*'; several globs space-separated) selects C# benchmarks by BenchmarkDotNet's --filter; PEERS (default
# 'pytorch sklearn') which peers run. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
out=${OUT:-/tmp/lottery-bench}
read -r -a filter <<<"${FILTER:-*}"   # one or more BenchmarkDotNet globs, space-separated
peers=" ${PEERS:-pytorch sklearn} "
mkdir -p "$out"
export LOTTERY_BENCH_INSTANCES="$out/instances"
have() { /usr/bin/python3 -c "import $1" 2>/dev/null; }
dotnet build -c Release benchmarks/LotteryTickets.Benchmarks >/dev/null
for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds: C#" >&2
  rm -rf BenchmarkDotNet.Artifacts
  dotnet run -c Release --no-build --project benchmarks/LotteryTickets.Benchmarks -- --filter "${filter[@]}" >"$out/cs-$r.log" 2>&1
  cp BenchmarkDotNet.Artifacts/results/*-report-brief.json "$out/cs-$r.json"
  if [[ $peers != *" pytorch "* ]]; then
    :
  elif have torch; then
    echo "round $r/$rounds: PyTorch" >&2
    /usr/bin/python3 benchmarks/peers/pytorch_peer.py --json "$out/py-$r.json" >"$out/py-$r.log" 2>&1
  else
    echo "round $r/$rounds: PyTorch peer skipped (apt-get install python3-torch)" >&2
  fi
  if [[ $peers != *" sklearn "* ]]; then
    :
  elif have sklearn && [[ -f "$LOTTERY_BENCH_INSTANCES/omp-a.npy" ]]; then
    echo "round $r/$rounds: scikit-learn" >&2
    /usr/bin/python3 benchmarks/peers/sklearn_peer.py --json "$out/sk-$r.json" >"$out/sk-$r.log" 2>&1
  else
    echo "round $r/$rounds: scikit-learn peer skipped (apt-get install python3-sklearn; needs the C# OMP benchmarks' instance)" >&2
  fi
done
/usr/bin/python3 benchmarks/aggregate.py "$out"
