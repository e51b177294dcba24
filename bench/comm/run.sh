#!/usr/bin/env bash
# Comm speed (issue 4): ping-pong of 8 B, 64 KiB and 1 MiB on iovlab's shm, tcp and mpi backends
# and on Open MPI from C (pingpong.c, over TCP and over vader), in rounds that interleave all
# variants, then the medians and the bars as per-round ratios. Each variant runs right next to
# the C run it is compared with, and every other round runs in reverse order: this machine
# changes speed from one minute to the next (Open MPI-C over vader takes 0.14 µs for 8 B in one
# minute, 0.43 µs in the next), so only neighbours in time compare fairly.
# The tcp ranks are pinned to CPUs 0 and 1 (taskset, through the per-rank prefix), as mpirun
# binds the C and mpi ranks by default.
#   bench/comm/run.sh [ROUNDS]        (default 5; about 40 s a round on 2 cores)
# Needs: a JDK >= 21, Maven, Open MPI (openmpi-bin, libopenmpi-dev) and its Java bindings (mpi.jar,
# built by scripts/setup.sh). Raw lines go to target/comm-bench/results.txt.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$repo"
rounds=${1:-5}
trials=9
sizes=(8:10000 65536:1000 1048576:150)

if [[ -f scripts/lib.sh ]]; then
  # shellcheck source=/dev/null
  source scripts/lib.sh
  JAVA_HOME=$(iovlab_java_home)
  mpijar=$(iovlab_mpi_jar) || { echo "comm bench: mpi.jar not built; run scripts/setup.sh" >&2; exit 2; }
else
  JAVA_HOME=${JAVA_HOME:?set JAVA_HOME to a JDK >= 21}
  mpijar=${IOVLAB_MPI_JAR:-$(ls -1 "${IOVLAB_CACHE:-$HOME/.cache/iovlab}"/openmpi-*/mpi.jar 2>/dev/null | tail -n1)}
  [[ -f $mpijar ]] || { echo "comm bench: mpi.jar not found; run scripts/setup.sh or set IOVLAB_MPI_JAR" >&2; exit 2; }
fi
export JAVA_HOME IOVLAB_MPI_JAR=$mpijar
java="$JAVA_HOME/bin/java"
out=target/comm-bench
mkdir -p "$out"

if ! unzip -l target/iovlab.jar 2>/dev/null | grep -q 'org/iovlab/comm/mpi/MpiRankMain.class'; then
  mvn -B -ntp -q package -DskipTests "-Dmpi.jar=$mpijar"
fi
mpicc -O2 -o "$out/pingpong" bench/comm/pingpong.c

mpirun=(mpirun -np 2 --oversubscribe --mca btl_tcp_if_include lo --mca oob_tcp_if_include lo)
[[ $(id -u) -eq 0 ]] && mpirun+=(--allow-run-as-root)
bench=("$java" -cp target/iovlab.jar org.iovlab.comm.bench.CommBench)

variant() {
  case $1 in
    c-tcp) "${mpirun[@]}" --mca btl tcp,self "$out/pingpong" c-tcp "$trials" "${sizes[@]}" ;;
    c-vader) "${mpirun[@]}" --mca btl vader,self "$out/pingpong" c-vader "$trials" "${sizes[@]}" ;;
    shm) "${bench[@]}" shm -- shm "$trials" "${sizes[@]}" ;;
    tcp) "${bench[@]}" tcp --bind -- tcp "$trials" "${sizes[@]}" ;;  # taskset -c RANK, as mpirun binds the C ranks
    mpi-tcp) "${bench[@]}" mpi --mpirun-arg --mca --mpirun-arg btl --mpirun-arg tcp,self -- mpi-tcp "$trials" "${sizes[@]}" ;;
    mpi-vader) "${bench[@]}" mpi --mpirun-arg --mca --mpirun-arg btl --mpirun-arg vader,self -- mpi-vader "$trials" "${sizes[@]}" ;;
  esac
}

variants=(tcp c-tcp mpi-tcp mpi-vader c-vader shm) # each Java variant next to its C baseline
: >"$out/results.txt"
for ((r = 1; r <= rounds; r++)); do
  for ((k = 0; k < ${#variants[@]}; k++)); do
    if ((r % 2)); then v=${variants[k]}; else v=${variants[${#variants[@]} - 1 - k]}; fi
    echo "round $r/$rounds: $v" >&2
    variant "$v" | grep '^RESULT' | sed "s/^/round=$r /" | tee -a "$out/results.txt" >&2
  done
done
echo
echo "command: bench/comm/run.sh $rounds   ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
"$java" -cp target/iovlab.jar org.iovlab.comm.bench.CommBenchReport "$out/results.txt"
