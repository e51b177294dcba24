#!/usr/bin/env bash
# 1 MiB loopback ping-pong, interleaved, ROUNDS times: a plain C socket loop (rawtcp.c: spin,
# poll, block, and spin with a rendezvous before each message), the same rendezvous loop in plain
# Java NIO (RawNio.java: as is, and with the selector, staging reads and gathering writes of the
# tcp backend), Open MPI-C over TCP (pingpong.c) and iovlab's tcp backend, each line tagged with
# Open MPI-C's 8 B vader half round trip, which tells this VM's state (see README.md).
#   bench/comm/raw-vs-ompi.sh [ROUNDS]     (default 5; about 30 s a round)
# Needs what run.sh needs; run run.sh once first (it builds pingpong and the jar).
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$repo"
rounds=${1:-5}
source scripts/lib.sh
java="$(iovlab_java_home)/bin/java"
out=target/comm-bench
[[ -x $out/pingpong && -f target/iovlab.jar ]] || { echo "raw-vs-ompi: run bench/comm/run.sh first" >&2; exit 2; }
gcc -O2 -o "$out/rawtcp" bench/comm/rawtcp.c
mpirun=(mpirun -np 2 --oversubscribe --mca btl_tcp_if_include lo --mca oob_tcp_if_include lo)
[[ $(id -u) -eq 0 ]] && mpirun+=(--allow-run-as-root)
half() { sed -n 's/.*halfRttUs=\([0-9.]*\).*/\1/p' | sort -g | sed -n 3p; } # the median of rawtcp's 5 rounds
one() { sed -n 's/.*halfRttUs=\([0-9.]*\).*/\1/p' | head -1; }              # a RESULT line's median trial

raw() { # MODE [rndv]
  taskset -c 1 "$out/rawtcp" s "$1" 5957 1048576 150 ${2:-} &
  local server=$!
  taskset -c 0 "$out/rawtcp" c "$1" 5957 1048576 150 ${2:-} | half
  wait "$server"
}
nio() { # [-Dflag=true...]
  taskset -c 1 "$java" "$@" bench/comm/RawNio.java s 5958 1048576 150 &
  local server=$!
  taskset -c 0 "$java" "$@" bench/comm/RawNio.java c 5958 1048576 150 | half
  wait "$server"
}
for ((r = 1; r <= rounds; r++)); do
  vader=$("${mpirun[@]}" --mca btl vader,self "$out/pingpong" v 3 8:20000 | one)
  spin=$(raw spin); rndv=$(raw spin rndv); poll=$(raw poll); block=$(raw block)
  nio=$(nio); nioall=$(nio -Dsel=true -Dstage=true -Dgather=true)
  ompi=$("${mpirun[@]}" --mca btl tcp,self "$out/pingpong" c-tcp 5 1048576:150 | one)
  iovlab=$("$java" -cp target/iovlab.jar org.iovlab.comm.bench.CommBench tcp --bind -- tcp 5 1048576:150 | one)
  echo "round $r $(date -u +%T)  c-vader 8 B ${vader} µs | 1 MiB half-RTT µs: raw spin $spin, raw spin+rndv $rndv, raw poll $poll, raw block $block, java nio+rndv $nio, java nio+rndv+sel+stage+gather $nioall, Open MPI-C $ompi, iovlab tcp $iovlab"
done
