#!/usr/bin/env bash
# Kernel speed: the Java upwind kernel (JMH, UpwindKernelBenchmark) against the same loop in C
# (kernel-upwind.c, gcc -O3 -march=native -ffp-contract=off), single core, measured side by side:
# the two alternate, round by round, on each grid; each reports its best of 5 timed slices
# (C) or 5 JMH iterations (Java) of 0.4 s, since on a shared machine interference only slows
# things down. Prints Mcells/s of both, the ratio Java/C per round and the median ratio, and
# checks the bar (median >= 0.95). Also checks that both compute
# the same bits (FNV hash of the output of one sweep).
#   usage: scripts/bench/kernel-vs-c.sh [ROUNDS=5] [GRIDS="128x128x128 512x512x64"]
# -ffp-contract=off: GCC would otherwise fuse a*b-c into one FMA, which Java's a*b-c never is; the
# result bits would differ and C would do less rounding work than Java's loop.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$repo"
rounds="${1:-5}"
grids="${2:-128x128x128 512x512x64}"
if [ -f scripts/lib.sh ]; then source scripts/lib.sh; JAVA_HOME="$(iovlab_java_home)"; fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
out="$repo/target/kernel-bench"
mkdir -p "$out"

mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >"$out/mvn.log" 2>&1 || { cat "$out/mvn.log"; exit 1; }
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$out/classpath.txt")"
gcc -O3 -march=native -ffp-contract=off -o "$out/kernel-upwind" scripts/bench/kernel-upwind.c
jvm=(--add-modules jdk.incubator.vector)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$java" -version 2>&1 | head -1), $(gcc --version | head -1)"
status=0
for grid in $grids; do
  read -r nx ny nz <<<"${grid//x/ }"
  cells=$((nx * ny * nz))
  c_sum=$("$out/kernel-upwind" "$nx" "$ny" "$nz" 0.3 | sed 's/.*checksum=//')
  j_sums=$("$java" "${jvm[@]}" -cp "$cp" org.iovlab.app.KernelChecksum "$nx" "$ny" "$nz" 2>/dev/null | sed 's/.*checksum=//' | sort -u)
  if [ "$j_sums" = "$c_sum" ]; then same="same bits (checksum $c_sum)"; else same="DIFFERENT bits: C $c_sum, Java $j_sums"; status=1; fi
  ratios=()
  for round in $(seq 1 "$rounds"); do
    c=$("$out/kernel-upwind" "$nx" "$ny" "$nz" 2 | sed 's/mcells=\([0-9.]*\).*/\1/')
    "$java" "${jvm[@]}" -cp "$cp" org.openjdk.jmh.Main UpwindKernelBenchmark -p grid="$grid" -p stencil=vector \
      -f 1 -wi 3 -w 500ms -i 5 -r 400ms >"$out/jmh.log" 2>&1 || { cat "$out/jmh.log"; exit 1; }
    score=$(awk '/^Iteration/ {v = $3 + 0; if (v > best) best = v} END {print best}' "$out/jmh.log")
    j=$(awk -v s="$score" -v n="$cells" 'BEGIN {printf "%.1f", s * n / 1e6}')
    r=$(awk -v j="$j" -v c="$c" 'BEGIN {printf "%.3f", j / c}')
    ratios+=("$r")
    printf '%-12s round %d: C %8.1f Mcells/s   Java %8.1f Mcells/s   Java/C %s\n' "$grid" "$round" "$c" "$j" "$r"
  done
  # For context, once: the plain scalar Java loop (what HotSpot makes of it without the Vector API).
  "$java" "${jvm[@]}" -cp "$cp" org.openjdk.jmh.Main UpwindKernelBenchmark -p grid="$grid" -p stencil=scalar \
    -f 1 -wi 3 -w 500ms -i 5 -r 400ms >"$out/jmh.log" 2>&1 || { cat "$out/jmh.log"; exit 1; }
  scalar=$(awk -v n="$cells" '/^Iteration/ {v = $3 + 0; if (v > best) best = v} END {printf "%.1f", best * n / 1e6}' "$out/jmh.log")
  c=$("$out/kernel-upwind" "$nx" "$ny" "$nz" 2 | sed 's/mcells=\([0-9.]*\).*/\1/')
  printf '%-12s context: C %8.1f Mcells/s   scalar Java loop %8.1f Mcells/s   scalar/C %s (not the bar)\n' "$grid" "$c" "$scalar" \
    "$(awk -v j="$scalar" -v c="$c" 'BEGIN {printf "%.3f", j / c}')"
  median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  verdict=$(awk -v m="$median" 'BEGIN {print (m >= 0.95) ? "PASS (>= 0.95)" : "FAIL (< 0.95)"}')
  [[ $verdict == PASS* ]] || status=1
  echo "$grid: median Java/C $median over $rounds rounds: $verdict; $same"
done
exit $status
