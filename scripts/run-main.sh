#!/usr/bin/env bash
# Sets up everything iovlab needs (idempotent), then runs the main job on the default scenario
# (`local`). Until `iovlab reproduce` exists, the main job is the richest chain that works:
#  1. the scenario and the paper's three placements, with their message counts and pictures;
#  2. as root: the emulated cluster for each data path (profile xen-2010) and the paper's
#     multi-pair stream test on it (Table 1's shape);
#  3. the advection solver on 8 ranks (threads, then processes over TCP) with its
#     compute / pack / wait breakdown.
# Results go to results/ (or $IOVLAB_OUT).
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$repo"
"$repo/scripts/setup.sh"
out="${IOVLAB_OUT:-$repo/results}"
mkdir -p "$out"
iovlab="$repo/bin/iovlab"

echo "== 1. scenario and placements"
"$iovlab" scenario show
for placement in inter intra hybrid; do
  echo
  "$iovlab" plan --placement "$placement" --grid 128x128x128 --svg "$out/plan-$placement.svg"
done

echo
if [ "$(id -u)" -eq 0 ]; then
  echo "== 2. multi-pair stream on the emulated cluster (profile xen-2010)"
  instance=70
  trap '"$iovlab" testbed down --instance $instance >/dev/null 2>&1 || true' EXIT
  for dp in native bridged iov; do
    "$iovlab" testbed up --instance $instance --datapath $dp --profile xen-2010 | head -1
    "$iovlab" bench stream --testbed $instance --pairs cross --duration 2 --min-reps 2 --max-reps 3 \
      --json "$out/stream-$dp.json" 2>/dev/null
    "$iovlab" testbed down --instance $instance
    echo
  done
else
  echo "== 2. skipped: the emulated cluster needs root (network namespaces)"
fi

echo "== 3. the advection solver, 8 ranks, 1-D decomposition along X"
for comm in shm tcp; do
  "$iovlab" app advect --ranks 8 --decomp 8x1x1 --grid 128x64x64 --steps 100 --comm $comm \
    --scenario local --placement hybrid --json "$out/advect-$comm.json"
  echo
done
echo "results and pictures: $out"
