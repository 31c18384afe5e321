#!/usr/bin/env bash
# smallest-heap: the smallest -Xmx (to 4 MiB) with which a `topo diagram` run finishes, beside the
# engine's own estimate for it; the check behind the memory estimates' calibration (docs/benchmarks.md).
#
#   bench/limits/smallest-heap.sh [topo diagram options...]
#   e.g. bench/limits/smallest-heap.sh --filtration rips --input cloud.npy --threshold 0.008 --maxdim 1
#
# Prints: the estimate (from a refusal under a 1-byte budget), the smallest heap that ran, and their
# ratio. Each probe is a whole `bin/topo diagram` process with the budget lifted, output to /dev/null.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
topo="$root/bin/topo"
[[ $# -gt 0 ]] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
estimate_line=$("$topo" diagram "$@" --memory-budget 1 --output /dev/null 2>&1 || true)
estimate=$(sed -n 's/.* needs about \([0-9.]*\) \([KMG]iB\).*/\1 \2/p' <<< "$estimate_line")
[[ -n "$estimate" ]] || { echo "smallest-heap: no estimate in: $estimate_line" >&2; exit 1; }
read -r value unit <<< "$estimate"
case "$unit" in KiB) f=1/1024 ;; MiB) f=1 ;; GiB) f=1024 ;; esac
estimate_mib=$(python3 -c "print($value*$f)")
probe() { local mib=$1; shift; TOPO_JAVA_OPTS="-Xmx${mib}m" "$topo" diagram "$@" --memory-budget 1t --output /dev/null >/dev/null 2>&1; }
lo=4; hi=$(python3 -c "import math; print(max(16, math.ceil(4*$estimate_mib)))")
probe "$hi" "$@" || { echo "smallest-heap: does not run even with ${hi} MiB" >&2; exit 1; }
while (( hi - lo > (hi / 50 > 1 ? hi / 50 : 1) )); do  # to 2 %
  mid=$(( (lo + hi) / 2 ))
  if probe "$mid" "$@"; then hi=$mid; else lo=$mid; fi
done
printf 'estimate %s MiB, smallest heap that runs %d MiB, estimate / smallest = %.2f   (%s)\n' \
  "$estimate_mib" "$hi" "$(python3 -c "print($estimate_mib/$hi)")" "$*"
