#!/usr/bin/env bash
# The one benchmark command: runs the C# suite and the peers (PyTorch, scikit-learn) alternately ROUNDS times
# (default 5), optionally times the README's reproduce command on a fresh clone, and writes the generated block of
# benchmarks/RESULTS.md (machine, versions, threads, every goal of the speed issue, every workload).
#
#   ./benchmarks/run-alternating.sh [ROUNDS]
#
# Environment: OUT (raw outputs; default /tmp/lottery-bench; the shared sparse instances go to OUT/instances),
# FILTER (BenchmarkDotNet globs, space-separated; default '*'), PEERS (default 'pytorch sklearn'), REPRODUCE=1 (also
# time `dotnet run --project environment/Reproduce` on a fresh clone of HEAD, restore included, ~15 min),
# WRITE (default benchmarks/RESULTS.md; WRITE= only prints). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
out=${OUT:-/tmp/lottery-bench}
read -r -a filter <<<"${FILTER:-*}"   # one or more BenchmarkDotNet globs, space-separated
peers=" ${PEERS:-pytorch sklearn} "
write=${WRITE-benchmarks/RESULTS.md}
mkdir -p "$out"
rm -f "$out"/cs-*.json "$out"/py-*.json "$out"/sk-*.json "$out"/reproduce.json
export LOTTERY_BENCH_INSTANCES="$out/instances"
have() { /usr/bin/python3 -c "import $1" 2>/dev/null; }

# The machine, as the goals' numbers depend on it (two VMs with the same CPU name differed 4× on LeNet).
cpu() { grep -m1 "^$1" /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'; }
flags=$(cpu flags)
simd=$(for f in avx2 fma avx512f avx512_vnni; do if [[ " $flags " == *" $f "* ]]; then printf '%s ' "$f"; fi; done)
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" Directory.Build.props | head -1; }
torchsharp="TorchSharp $(prop TorchSharpVersion) with libtorch $(prop LibTorchVersion) (oneMKL/oneDNN inside libtorch; no OpenBLAS)"
/usr/bin/python3 - "$out/machine.json" <<EOF
import json, sys
json.dump({
    "date": "$(date -u +%Y-%m-%d)",
    "command": "$(printf '%s' "${REPRODUCE:+REPRODUCE=1 }${FILTER:+FILTER='$FILTER' }${PEERS:+PEERS='$PEERS' }./benchmarks/run-alternating.sh $rounds")",
    "raw": "$out",
    "commit": "$(git rev-parse --short HEAD)",
    "cpu": "$(cpu 'model name')", "family": "$(cpu 'cpu family')", "model": "$(cpu 'model'$'\t')",
    "cores": $(nproc), "simd": "${simd% }" or "none of avx2/fma/avx512f",
    "memory": "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')",
    "os": "$(. /etc/os-release && echo "$PRETTY_NAME")", "kernel": "$(uname -r)",
    "torchsharp": "$torchsharp",
}, open(sys.argv[1], "w"), indent=2)
EOF

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
rm -rf BenchmarkDotNet.Artifacts

if [[ ${REPRODUCE:-} == 1 ]]; then
  echo "reproduce: the README's command on a fresh clone of HEAD" >&2
  clone=$(mktemp -d)
  git clone -q . "$clone"
  start=$(date +%s.%N)
  set +e
  (cd "$clone" && dotnet run --project environment/Reproduce >"$out/reproduce.log" 2>&1)
  rc=$?
  set -e
  end=$(date +%s.%N)
  /usr/bin/python3 - "$clone/out/report.json" "$out/reproduce.json" "$start" "$end" "$rc" <<'EOF'
import json, os, sys
report_path, target, start, end, rc = sys.argv[1:]
report = json.load(open(report_path)) if os.path.exists(report_path) else {}
def timed(source):  # metadata.lottery.timed: the notebook ran alone
    try:
        return bool(json.load(open(source)).get("metadata", {}).get("lottery", {}).get("timed", False))
    except (OSError, ValueError):
        return False
notebooks = [{"name": n.get("Name"), "seconds": n.get("Seconds", 0), "ok": n.get("Succeeded"), "timed": timed(n.get("Source", ""))}
             for n in report.get("Results", [])]
json.dump({"command": "dotnet run --project environment/Reproduce", "wall_s": float(end) - float(start), "ok": rc == "0",
           "notebooks_wall_s": report.get("WallSeconds"), "jobs": report.get("Jobs", 1),
           "notebooks": notebooks}, open(target, "w"), indent=2)
EOF
  rm -rf "$clone"
fi

/usr/bin/python3 benchmarks/aggregate.py "$out" ${write:+--write "$write"}
