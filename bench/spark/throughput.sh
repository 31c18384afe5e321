#!/usr/bin/env bash
# Spark persistence-job throughput against the number of executors, on a real standalone cluster.
#
#   bench/spark/throughput.sh [--clouds N] [--points P | --image-size S] [--executors "1 2"] [--no-pin] [--output DIR]
#
# 1. writes N uniform 2-D point clouds of P points (CSV, fixed seed) into DIR/clouds, once; with
#    --image-size S, N S x S float32 .npy images instead (bench/spark/events.py generate)
# 2. for each executor count E: starts bin/topo-cluster with E workers of 1 core, each pinned to a
#    CPU of its own (--pin; --no-pin lets them share all CPUs), runs the
#    persistence job (clouds: Rips, H1, TopK features; images: the job's default sublevel and
#    superlevel H0+H1 and TopK features) with Spark's event log on, stops the cluster
# 3. reads the event logs (bench/spark/events.py) and writes DIR/throughput.tsv and a Markdown
#    table: wall time, time inside the job, the persistence stage, and the steady-state throughput
#    (samples per second once every executor has finished its first, warm-up task: class loading
#    and JIT compilation), each with its speed-up over the first executor count; throughput.tsv
#    also has the tasks and the input and output bytes a sample (bench/spark/scale_model.py reads it).
# Default: 2 000 clouds of 300 points (the Spark issue's scaling workload), executors "1 2",
# DIR target/spark-throughput. Refuses to run while a topo-cluster is already up.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
clouds=2000
points=300
image_size=""
executors="1 2"
out="$root/target/spark-throughput"
pin=--pin
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clouds) clouds="$2"; shift 2 ;;
    --points) points="$2"; shift 2 ;;
    --image-size) image_size="$2"; shift 2 ;;
    --executors) executors="$2"; shift 2 ;;
    --output) out="$2"; shift 2 ;;
    --no-pin) pin=""; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "throughput: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
export TOPO_CLUSTER_DIR="$out/cluster"
if "$root/bin/topo-cluster" status >/dev/null 2>&1; then
  echo "throughput: a cluster is already running in $TOPO_CLUSTER_DIR; stop it first (bin/topo-cluster stop)" >&2
  exit 1
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
python="${PYTHON:-python3}"
if [[ -n "$image_size" ]]; then
  "$python" "$root/bench/spark/events.py" generate --count "$clouds" --image-size "$image_size" --output "$out/images"
  workload=(--input "$out/images" --format npy-dir)
  what="$clouds images of ${image_size}x$image_size"
else
  "$python" "$root/bench/spark/events.py" generate --count "$clouds" --points "$points" --output "$out/clouds"
  workload=(--input "$out/clouds" --format csv-dir --filtration rips --maxdim 1 --feature 'topk:dim=1,k=4')
  what="$clouds clouds x $points points"
fi

trap '"$root/bin/topo-cluster" stop >/dev/null 2>&1 || true' EXIT
echo "throughput: $what; load average now: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
for e in $executors; do
  rm -rf "$out/events-$e" && mkdir -p "$out/events-$e"
  "$root/bin/topo-cluster" start --workers "$e" --cores 1 $pin >&2
  start=$(date +%s.%N)
  "$root/bin/topo-submit" persistence --master "$(cat "$TOPO_CLUSTER_DIR/master-url")" \
    --conf spark.eventLog.enabled=true --conf spark.eventLog.compress=false \
    --conf "spark.eventLog.dir=file://$out/events-$e" \
    "${workload[@]}" --output "$out/job-$e" --overwrite >/dev/null
  end=$(date +%s.%N)
  "$root/bin/topo-cluster" stop >&2
  echo "$e $start $end" > "$out/events-$e/wall"
done
"$python" "$root/bench/spark/events.py" summarize --output "$out" --executors "$executors" --input-dir "${workload[1]}"
echo "throughput: load average now: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
