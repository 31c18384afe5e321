#!/usr/bin/env bash
# Hook for the Spark half of the scaling study: persistence-job throughput (samples per second)
# against the number of executors on the standalone cluster. NOT DONE: it needs the Spark
# persistence job and its launchers (bin/topo-submit, bin/topo-cluster), which live on the
# `spark` branch and had not reached main when the peer benchmark was written.
#
# Intended procedure once they are on main (one input, e.g. 60k Fashion-MNIST images):
#   for n in 1 2 (4 on a larger machine): start the cluster with n single-core executors,
#   submit the persistence job, read the sample count and elapsed time from its _summary.json,
#   write OUTPUT/spark/throughput.tsv (executors, samples, seconds, samples/s),
#   and let PeerReport add a second panel (throughput against executors) to scaling.png.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
if [[ ! -x "$root/bin/topo-submit" || ! -x "$root/bin/topo-cluster" ]]; then
  echo "spark_throughput: not available yet: bin/topo-submit and bin/topo-cluster come with the spark branch" >&2
  exit 3
fi
echo "spark_throughput: the launchers exist now, but this measurement is not written yet (see the comment above)" >&2
exit 3
