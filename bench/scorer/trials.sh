#!/usr/bin/env bash
# Scorer trials (docs/apps/generative-prior.md, "The scorer"): compiles ScorerTrials against the built
# engine and runs it on one ND4J thread. Arguments as ScorerTrials, e.g.
#   bench/scorer/trials.sh 16 32 128 0 64 3 fashion-mnist 0.002 0
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
"$root/bin/topo" diagram --filtration rips --input example:circle >/dev/null # builds the engine if needed
cp="$root/engine/cli/target/topolayer-cli.jar:$root/engine/cli/target/lib/*"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$cp" "$root/bench/scorer/ScorerTrials.java"
OMP_NUM_THREADS=1 java -cp "$cp:$out" ScorerTrials "$@" 2> >(grep -v SLF4J >&2)
