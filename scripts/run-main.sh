#!/usr/bin/env bash
# Sets up everything iovlab needs (idempotent), then runs the main job on the built-in default
# scenario (`local`, profile xen-2010): `iovlab reproduce`, the paper end to end on the emulated
# cluster (Tables 1-2, Figures 2-4 and the conclusions), into a new results directory with its
# report (report.html, report.txt). Extra arguments go to `iovlab reproduce` (e.g. --quick).
# The emulated cluster needs root (network namespaces); as another user only the plans run.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$repo"
"$repo/scripts/setup.sh"
iovlab="$repo/bin/iovlab"
out="${IOVLAB_OUT:-$repo/results/reproduce-local-$(date +%Y%m%d-%H%M%S)}"

if [ "$(id -u)" -ne 0 ]; then
  echo "run-main: not root: the emulated cluster needs network namespaces (CAP_NET_ADMIN)," >&2
  echo "run-main: so only the placements and their message counts are shown; run as root to reproduce the paper." >&2
  for placement in inter intra hybrid; do
    "$iovlab" plan --placement "$placement" --grid 96x96x96
  done
  exit 0
fi
exec "$iovlab" reproduce --scenario local --profile xen-2010 --out "$out" "$@"
