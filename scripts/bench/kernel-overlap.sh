#!/usr/bin/env bash
# How much communication --overlap hides: runs `iovlab app advect` without and with --overlap,
# alternating, ROUNDS times per backend, and compares the time ranks spend blocked waiting for
# halos (summed over ranks) and the wall time. hidden = 1 - wait(overlap) / wait(blocking).
#   usage: scripts/bench/kernel-overlap.sh [ROUNDS=3] [BACKENDS="shm tcp"] [extra advect options...]
# BACKENDS may name mpi when scripts/setup.sh has built Open MPI's mpi.jar.
# Default run: 2 ranks (2x1x1), grid 256x128x128, 100 upwind steps: one 128 KiB plane per step.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$repo"
rounds="${1:-3}"
backends="${2:-shm tcp}"
shift $(($# < 2 ? $# : 2))
extra=("$@")
[ ${#extra[@]} -gt 0 ] || extra=(--ranks 2 --decomp 2x1x1 --grid 256x128x128 --steps 100)
mpi=()
if [ -f scripts/lib.sh ]; then
  source scripts/lib.sh; JAVA_HOME="$(iovlab_java_home)"
  if mpijar="$(iovlab_mpi_jar 2>/dev/null)"; then mpi=("-Dmpi.jar=$mpijar"); export IOVLAB_MPI_JAR="$mpijar"; fi
fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$repo/target/kernel-overlap"
mkdir -p "$out"
# the packaged jar: with mpi.jar known it holds the mpi backend (and, being multi-release, its direct calls)
mvn -q -B -ntp package -DskipTests "${mpi[@]}" >"$out/mvn.log" 2>&1 || { cat "$out/mvn.log"; exit 1; }
cp="$repo/target/iovlab.jar"
field() { sed -n "s/.*\"$2\" : \\([0-9.eE+-]*\\).*/\\1/p" "$1" | head -1; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "advect ${extra[*]}, $rounds rounds per backend, blocking and --overlap alternating"
for backend in $backends; do
  : >"$out/$backend.blocking"; : >"$out/$backend.overlap"
  for round in $(seq 1 "$rounds"); do
    for mode in blocking overlap; do
      flag=(); [ "$mode" = overlap ] && flag=(--overlap)
      "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$cp" org.iovlab.cli.Main app advect \
        --comm "$backend" "${extra[@]}" "${flag[@]}" --json "$out/run.json" >"$out/run.log" 2>&1 \
        || { cat "$out/run.log"; exit 1; }
      wait=$(field "$out/run.json" exposedWaitSeconds); wall=$(field "$out/run.json" wallSeconds)
      ovl=$(field "$out/run.json" overlappedComputeSeconds)
      echo "$wait $wall" >>"$out/$backend.$mode"
      printf '%-4s round %d %-9s wait %.4f s (sum over ranks)  wall %.4f s  overlapped compute %.4f s\n' \
        "$backend" "$round" "$mode" "$wait" "$wall" "$ovl"
    done
  done
  wb=$(cut -d' ' -f1 "$out/$backend.blocking" | median); wo=$(cut -d' ' -f1 "$out/$backend.overlap" | median)
  tb=$(cut -d' ' -f2 "$out/$backend.blocking" | median); to=$(cut -d' ' -f2 "$out/$backend.overlap" | median)
  awk -v b="$backend" -v wb="$wb" -v wo="$wo" -v tb="$tb" -v to="$to" 'BEGIN {
    printf "%s: median wait %.4f s blocking, %.4f s overlap: %.0f%% of the wait hidden; median wall %.4f s -> %.4f s (%.3fx)\n",
      b, wb, wo, (wb > 0 ? 100 * (1 - wo / wb) : 0), tb, to, (to > 0 ? tb / to : 0) }'
done
