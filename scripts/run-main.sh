#!/usr/bin/env bash
# Sets up everything iovlab needs (idempotent), then runs the main job on the default scenario.
# Until `iovlab reproduce` exists, the main job is the placement plan of the paper's three
# patterns on the default scenario, with the pictures written to results/.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$repo"
"$repo/scripts/setup.sh"
out="${IOVLAB_OUT:-$repo/results}"
mkdir -p "$out"
"$repo/bin/iovlab" scenario show
for placement in inter intra hybrid; do
  echo
  "$repo/bin/iovlab" plan --placement "$placement" --grid 128x128x128 --svg "$out/plan-$placement.svg"
done
echo
echo "pictures of the placements: $out/plan-{inter,intra,hybrid}.svg"
