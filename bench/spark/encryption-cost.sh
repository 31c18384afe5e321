#!/usr/bin/env bash
# What encryption costs the persistence job on a real standalone cluster: the same input, run on a
# cluster with RPC and local-file encryption (bin/topo-cluster's default) and on one started with
# --no-encryption (authentication stays), alternating, each a fresh cluster.
#
#   bench/spark/encryption-cost.sh [--rounds R] [--clouds C] [--points P] [--workers W] [--output DIR]
#
# Prints one line per run (mode, wall seconds of topo-submit, the job's samples/s from its
# _summary.json) and the median of each mode with the cost (encrypted over plain); DIR/encryption.tsv
# keeps the runs. Default: 3 rounds (on, off each), 1 000 clouds of 200 points, 2 one-core workers,
# DIR target/spark-encryption. Refuses to run while a topo-cluster is already up.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
rounds=3
clouds=1000
points=200
workers=2
out="$root/target/spark-encryption"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --clouds) clouds="$2"; shift 2 ;;
    --points) points="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --output) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "encryption-cost: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
export TOPO_CLUSTER_DIR="$out/cluster"
if "$root/bin/topo-cluster" status >/dev/null 2>&1; then
  echo "encryption-cost: a cluster is already running in $TOPO_CLUSTER_DIR; stop it first" >&2
  exit 1
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
"${PYTHON:-python3}" "$root/bench/spark/events.py" generate --count "$clouds" --points "$points" --output "$out/clouds"
trap '"$root/bin/topo-cluster" stop >/dev/null 2>&1 || true' EXIT
echo "encryption-cost: $clouds clouds x $points points, $workers workers, $rounds rounds; load average now: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
printf 'round\tmode\tseconds\tsamples_per_second\tloadavg\n' >"$out/encryption.tsv"
for ((r = 1; r <= rounds; r++)); do
  for mode in on off; do
    "$root/bin/topo-cluster" start --workers "$workers" --cores 1 $([[ $mode == off ]] && echo --no-encryption) >/dev/null
    start=$(date +%s.%N)
    "$root/bin/topo-submit" persistence --master "$(cat "$TOPO_CLUSTER_DIR/master-url")" \
      --input "$out/clouds" --format csv-dir --filtration rips --maxdim 1 --feature 'topk:dim=1,k=4' \
      --output "$out/job-$mode" --overwrite >/dev/null
    end=$(date +%s.%N)
    "$root/bin/topo-cluster" stop >/dev/null
    seconds="$(echo "$end - $start" | bc)"
    rate="$(sed -n 's/.*"samples_per_second": *\([0-9.eE+-]*\).*/\1/p' "$out/job-$mode/_summary.json")"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    printf '%d\t%s\t%s\t%s\t%s\n' "$r" "$mode" "$seconds" "$rate" "$load" >>"$out/encryption.tsv"
    echo "round $r, encryption $mode: ${seconds}s, $rate samples/s (load $load)" >&2
  done
done
"${PYTHON:-python3}" - "$out/encryption.tsv" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
med = {m: statistics.median(float(r[3]) for r in rows if r[1] == m) for m in ("on", "off")}
sec = {m: statistics.median(float(r[2]) for r in rows if r[1] == m) for m in ("on", "off")}
print(f"median samples/s: encrypted {med['on']:.1f}, plain {med['off']:.1f} "
      f"({100 * (med['on'] / med['off'] - 1):+.1f}%); median wall: encrypted {sec['on']:.1f}s, plain {sec['off']:.1f}s")
PY
echo "encryption-cost: load average now: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
