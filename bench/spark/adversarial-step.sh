#!/usr/bin/env bash
# One adversarial-training step of the train job's classifier workload, timed: every sample of the
# step replaced by its PGD-10 L∞ example (eps 0.05, step 2.5·eps/10, the attack application's
# attack) against a trained classifier, then the cross-entropy gradient and one Adam step.
#
#   bench/spark/adversarial-step.sh --classifier FILE --model MODEL [--samples N] [--data D]
#                                   [--executors "1 2"] [--no-local] [--no-loop] [--output DIR]
#
# 1. local: bin/topo-submit train on local[*] (--steps 1 --adversarial-fraction 1), its
#    _summary.json's step_seconds and step_cpu_seconds (the driver's process is the executors too);
# 2. loop: the same work as a plain loop on one thread without Spark (SingleMachineStep, the
#    executors' ClassifierLoss over the same groups of 500);
# 3. for each executor count E of --executors: a bin/topo-cluster of E workers of 1 core, each pinned
#    to a CPU of its own, and the same train job on it (empty --executors: skipped).
# Prints a Markdown table: wall and CPU seconds of the step, samples/s per core (the job's
# samples_per_second_per_core: samples / step wall time / cores) and samples per CPU second, and
# each run's mean loss, which must agree (same samples, parameters and attack).
# Default: 10 000 samples (the issue's figure) of fashion-mnist's training split, executors "" (the
# cluster runs are CPU-heavy: ask for them), DIR target/adversarial-step. The load average is
# printed before and after: on a shared machine the wall times measure the share the runs got.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
samples=10000
data=fashion-mnist
executors=""
out="$root/target/adversarial-step"
classifier=""
model=""
local=1
loop=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --classifier) classifier="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --executors) executors="$2"; shift 2 ;;
    --output) out="$2"; shift 2 ;;
    --no-local) local=0; shift ;;
    --no-loop) loop=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "adversarial-step: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [[ -z "$classifier" || -z "$model" || ! -r "$classifier" ]]; then
  echo "adversarial-step: give --classifier FILE (a readable MODEL.classifier, e.g. an adversarial run's" \
       "baseline/) and its --model" >&2
  exit 2
fi
classifier="$(readlink -f "$classifier")"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
echo "adversarial-step: $model, $samples samples of $data; load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2

# the train job's step; a fresh checkpoint directory, or the run would resume its finished step
step_job() { # NAME [topo-submit options...]
  local name="$1"; shift
  rm -rf "$out/$name" "$out/$name.checkpoints"
  "$root/bin/topo-submit" train "$@" --workload classifier --model "$model" --init-classifier "$classifier" \
    --input "$data" --split train --limit "$samples" --steps 1 --adversarial-attack pgd --adversarial-norm linf \
    --adversarial-eps 0.05 --adversarial-steps 10 --adversarial-step-factor 2.5 --adversarial-fraction 1 \
    --output "$out/$name" --checkpoint-dir "$out/$name.checkpoints" > /dev/null
}

[[ "$local" == 1 ]] && step_job local
if [[ "$loop" == 1 ]]; then
  source "$root/bin/spark-env.sh"
  "$java" "${jvm_flags[@]}" -cp "$job_jar:$job_lib/*:$spark_home/jars/*" org.topolayer.spark.train.SingleMachineStep \
    "$classifier" "$samples" 0.05 10 "$data" | tee "$out/loop.txt"
fi
if [[ -n "$executors" ]]; then
  export TOPO_CLUSTER_DIR="$out/cluster"
  if "$root/bin/topo-cluster" status >/dev/null 2>&1; then
    echo "adversarial-step: a cluster is already running in $TOPO_CLUSTER_DIR; stop it first" >&2
    exit 1
  fi
  trap '"$root/bin/topo-cluster" stop >/dev/null 2>&1 || true' EXIT
  for e in $executors; do
    "$root/bin/topo-cluster" start --workers "$e" --cores 1 --pin >&2
    step_job "cluster-$e" --master "$(cat "$TOPO_CLUSTER_DIR/master-url")"
    "$root/bin/topo-cluster" stop >&2
  done
fi
echo "adversarial-step: load average now $(cut -d' ' -f1-3 /proc/loadavg)" >&2

"${PYTHON:-python3}" - "$out" "$model" "$samples" <<'PY'
import json, os, re, sys
out, model, samples = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("| %s, %d samples | cores | step wall s | step CPU s | samples/s per core | samples per CPU s | mean loss |" % (model, samples))
print("|---|---:|---:|---:|---:|---:|---:|")
names = ["local"] + sorted((d for d in os.listdir(out) if re.fullmatch(r"cluster-\d+", d)), key=lambda d: int(d[8:]))
for name in names:
    path = os.path.join(out, name, "_summary.json")
    if not os.path.exists(path):
        continue
    s = json.load(open(path))
    wall = s["step_seconds"][0]
    cpu = s["step_cpu_seconds"][0] if s.get("step_cpu_seconds") else None
    # the job's "cores" counts its executors' cores (summaries before it counted Spark's default
    # parallelism, 2 on a one-core cluster); the run's name says what was started
    cores = int(name[8:]) if name.startswith("cluster-") else s["cores"]
    where = "%d executor%s of 1 core" % (cores, "s" if cores > 1 else "") if name.startswith("cluster-") else s["master"]
    print("| train job, %s | %d | %.1f | %s | %.2f | %s | %.4f |" % (where, cores, wall,
          "%.1f" % cpu if cpu else "–", s["samples"] / wall / cores,
          "%.1f" % s["samples_per_cpu_second"] if s.get("samples_per_cpu_second") else "–", s["losses"][0]))
loop = os.path.join(out, "loop.txt")
if os.path.exists(loop):
    m = re.search(r"([\d.]+) s CPU, ([\d.]+) s wall, ([\d.]+) samples per CPU second.*mean loss ([\d.]+)", open(loop).read())
    cpu, wall, rate, loss = map(float, m.groups())
    print("| single-machine loop, 1 thread | 1 | %.1f | %.1f | %.2f | %.1f | %.4f |" % (wall, cpu, samples / wall, rate, loss))
PY
