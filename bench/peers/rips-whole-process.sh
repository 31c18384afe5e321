#!/usr/bin/env bash
# Whole-process Rips, wall time: Ripser's binary against bin/topo diagram on Ripser's four benchmark
# clouds, the two run alternately (so both meet the same machine state), each printing its diagram
# to a file as a user would. Fetches nothing: pass a Ripser binary you built and the folder of the
# clouds (o3_1024.txt, sphere_3_192_points.dat, torus3d_1000.txt, unif2d_2000.txt).
#
#   bench/peers/rips-whole-process.sh RIPSER_BINARY CLOUD_DIR [ROUNDS]     (ROUNDS: default 7)
#
# Prints one row per cloud: the median and the fastest wall time of each side over the rounds, the
# ratio of the medians (topolayer / Ripser: below 1 means topolayer is faster), and the bar counts
# per dimension of both outputs (they must agree; a difference is reported, not hidden).
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 RIPSER_BINARY CLOUD_DIR [ROUNDS]" >&2
  exit 2
fi
ripser="$1"; clouds="$2"; rounds="${3:-7}"
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
topo="$root/bin/topo"
[[ -x "$ripser" ]] || { echo "$0: '$ripser' is not an executable Ripser binary; build Ripser and pass its path" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "$0: ROUNDS must be a positive integer, got '$rounds'" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# name, file, maxdim, threshold ('' for none): the cases of Ripser's own benchmark
cases=(
  "sphere_3_192|sphere_3_192_points.dat|2|"
  "o3_1024|o3_1024.txt|3|1.8"
  "unif2d_2000|unif2d_2000.txt|1|"
  "torus3d_1000|torus3d_1000.txt|2|1.2"
)
for c in "${cases[@]}"; do
  IFS='|' read -r _ file _ _ <<< "$c"
  [[ -f "$clouds/$file" ]] || { echo "$0: $clouds/$file is missing; CLOUD_DIR must hold Ripser's benchmark clouds" >&2; exit 2; }
  ln -s "$(readlink -f "$clouds/$file")" "$work/${file%.*}.txt" # topo reads points from .txt
done

"$topo" diagram --filtration rips --input example:circle >/dev/null # build and make the CDS archive first

wall() { # seconds of wall time of the command, its output to $work/out
  local t0 t1
  t0=$(date +%s.%N); "$@" >"$work/out"; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
fastest() { sort -g | head -1; }
ripser_counts() { # bars per dimension in Ripser's output (it omits zero-length bars)
  awk '/persistence intervals in dim/ {d=$5; sub(":", "", d); n[d]=0; next} /^ \[/ {n[d]++}
       END {s=""; for (k=0; k in n; k++) s=s (s ? "," : "") n[k]; print s}' "$work/out"
}
topo_counts() { # bars per dimension with positive length in topolayer's TSV (dim, birth, death)
  awk -F'\t' '$1 ~ /^[0-9]+$/ && $2 != $3 {n[$1]++} END {s=""; for (k=0; k in n; k++) s=s (s ? "," : "") n[k]; print s}' "$work/out"
}

printf '%-14s %6s %10s %10s %10s %10s %8s  %s\n' case rounds ripser_med topo_med ripser_min topo_min ratio "bars per dim (ripser | topolayer)"
for c in "${cases[@]}"; do
  IFS='|' read -r name file dim threshold <<< "$c"
  input="$work/${file%.*}.txt"
  r_args=(--format point-cloud --dim "$dim"); t_args=(diagram --filtration rips --input "$input" --maxdim "$dim")
  if [[ -n "$threshold" ]]; then r_args+=(--threshold "$threshold"); t_args+=(--threshold "$threshold"); fi
  : >"$work/r"; : >"$work/t"
  for ((i = 0; i < rounds; i++)); do
    wall "$ripser" "${r_args[@]}" "$input" >>"$work/r"; rc=$(ripser_counts)
    wall "$topo" "${t_args[@]}" >>"$work/t"; tc=$(topo_counts)
  done
  rm=$(median <"$work/r"); tm=$(median <"$work/t")
  printf '%-14s %6d %9.3fs %9.3fs %9.3fs %9.3fs %8.2f  %s | %s%s\n' "$name" "$rounds" "$rm" "$tm" \
    "$(fastest <"$work/r")" "$(fastest <"$work/t")" "$(echo "$tm / $rm" | bc -l)" "$rc" "$tc" \
    "$([[ "$rc" == "$tc" ]] || echo '  DIFFERENT')"
done
