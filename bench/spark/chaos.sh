#!/usr/bin/env bash
# Chaos run: the persistence job on a real standalone cluster, again and again, each time killing
# (SIGKILL) a random executor or a random worker (with its executor) at a random moment; every
# output must equal a reference run's, file for file.
#
#   bench/spark/chaos.sh [--runs N] [--clouds C] [--points P] [--workers W] [--output DIR]
#
# 1. writes C uniform 2-D point clouds of P points (CSV, fixed seed) into DIR/clouds, once
# 2. starts bin/topo-cluster with W one-core workers and runs the job once undisturbed: the
#    reference output and its wall time T
# 3. N times: a fresh cluster, the job started, a victim (in turn an executor, or a worker daemon
#    and its executor, of a worker chosen at random) and killed after a random delay in [0.1 T, 0.8 T]; the output's
#    digest (SHA-256 of its rows sorted by id, doubles in full precision: bench/spark/TableDigest.java)
#    and row count compared with the reference's
# 4. prints one line per run and a summary; DIR/chaos.tsv keeps them. Exit status 1 if any output
#    differs or a job fails.
# Not part of mvn verify (minutes of both cores). Default: 5 runs, 400 clouds of 200 points,
# 2 workers, DIR target/spark-chaos. Refuses to run while a topo-cluster is already up.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs=5
clouds=400
points=200
workers=2
out="$root/target/spark-chaos"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --clouds) clouds="$2"; shift 2 ;;
    --points) points="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --output) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "chaos: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$workers" =~ ^[2-9]$ ]] || { echo "chaos: --workers must be 2..9 (one must survive a kill)" >&2; exit 2; }
export TOPO_CLUSTER_DIR="$out/cluster"
if "$root/bin/topo-cluster" status >/dev/null 2>&1; then
  echo "chaos: a cluster is already running in $TOPO_CLUSTER_DIR; stop it first (bin/topo-cluster stop)" >&2
  exit 1
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
"${PYTHON:-python3}" "$root/bench/spark/events.py" generate --count "$clouds" --points "$points" --output "$out/clouds"
trap '"$root/bin/topo-cluster" stop >/dev/null 2>&1 || true' EXIT

# the digest of an output's rows (sorted by id, doubles in full precision) and their count:
# bench/spark/TableDigest.java on local Spark (the Parquet bytes differ between JVMs, see there)
source "$root/bin/spark-env.sh"
digest() {
  "$java" "${jvm_flags[@]}" -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
    -cp "$spark_home/jars/*:$job_lib/*" "$root/bench/spark/TableDigest.java" "$1" 2>/dev/null | tail -1 | tr ' ' '/'
}

# runs the job on a fresh cluster into $1; with a victim kind in $2 (executor/worker) and a delay in
# $3 seconds, kills one at random meanwhile; prints "status seconds victim"
run() {
  local output="$1" kind="${2:-}" delay="${3:-}" victim="none" pid status=0 start end
  "$root/bin/topo-cluster" start --workers "$workers" --cores 1 >/dev/null
  start=$(date +%s.%N)
  "$root/bin/topo-submit" persistence --master "$(cat "$TOPO_CLUSTER_DIR/master-url")" \
    --input "$out/clouds" --format csv-dir --filtration rips --maxdim 1 --feature 'topk:dim=1,k=4' \
    --output "$output" --overwrite >"$output.log" 2>&1 &
  pid=$!
  if [[ -n "$kind" ]]; then
    sleep "$delay"
    local w=$((RANDOM % workers + 1)) worker executor
    worker="$(cat "$TOPO_CLUSTER_DIR/worker-$w.pid")"
    executor="$(pgrep -P "$worker" -f CoarseGrainedExecutorBackend | head -1 || true)"
    if [[ "$kind" == executor && -n "$executor" ]]; then
      kill -9 "$executor" && victim="executor-of-worker-$w"
    elif [[ "$kind" == worker ]]; then
      kill -9 "$worker" ${executor:+"$executor"} && victim="worker-$w"
    else
      victim="none(worker-$w-had-no-executor)"
    fi
  fi
  wait "$pid" || status=$?
  end=$(date +%s.%N)
  "$root/bin/topo-cluster" stop >/dev/null
  echo "$status $(echo "$end - $start" | bc) $victim"
}

echo "chaos: $clouds clouds x $points points, $workers workers, $runs runs; load average now: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
read -r status seconds _ <<< "$(run "$out/reference")"
[[ "$status" == 0 ]] || { echo "chaos: the reference run failed; see $out/reference.log" >&2; exit 1; }
reference="$(digest "$out/reference")"
echo "reference: ${seconds}s, digest $reference" >&2
printf 'run\tvictim\tdelay_s\tseconds\tstatus\tdigest\tidentical\n' >"$out/chaos.tsv"
printf 'reference\tnone\t-\t%s\t0\t%s\tyes\n' "$seconds" "$reference" >>"$out/chaos.tsv"
failures=0
first_kind=$((RANDOM % 2))
for ((r = 1; r <= runs; r++)); do
  kinds=(executor worker)
  kind="${kinds[$(((r + first_kind) % 2))]}" # alternating, so that both kinds are killed
  delay="$(echo "scale=1; $seconds * (10 + $RANDOM % 71) / 100" | bc)"
  read -r status took victim <<< "$(run "$out/run-$r" "$kind" "$delay")"
  got="-"; same=no
  if [[ "$status" == 0 ]]; then
    got="$(digest "$out/run-$r")"
    [[ "$got" == "$reference" ]] && same=yes
  fi
  [[ "$same" == yes ]] || failures=$((failures + 1))
  printf 'run %d: killed %s after %ss; job %ss, exit %s, digest %s, identical: %s\n' \
    "$r" "$victim" "$delay" "$took" "$status" "$got" "$same" >&2
  printf '%d\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$victim" "$delay" "$took" "$status" "$got" "$same" >>"$out/chaos.tsv"
done
echo "chaos: $((runs - failures)) of $runs runs identical to the reference; load average now: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
[[ "$failures" == 0 ]]
