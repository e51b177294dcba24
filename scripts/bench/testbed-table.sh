#!/usr/bin/env bash
# Measures the emulated testbed with iperf3, sockperf and ping, every command run through
# `iovlab testbed exec` (so in the node's namespace and CPU set), and prints Markdown tables:
#
#  1. Table 1 fit: the `paper` scenario, profile xen-2010, 4 simultaneous iperf3 streams
#     node1->node5 .. node4->node8 (host0->host1 on NATIVE), REPS rounds interleaved over the
#     data paths, total MiB/s mean and spread beside the paper's Table 1 (netperf TCP_STREAM).
#     The total is host1's NIC receive rate over 4 s in which all streams run, as TCP payload.
#  2. Per hop: one iperf3 stream (Gbit/s), ping RTT (avg of 200 at 5 ms) and sockperf UDP
#     ping-pong latency (sockperf's figure: half the round trip) for host->host, VM->VM across
#     hosts (node1->node5), VM->VM on one host (node1->node2), per data path, for profile
#     linux unshaped (--no-shaping), linux (line rate only) and xen-2010.
#
# Needs root, iperf3, sockperf, iputils-ping, and a built jar (mvn package).
# Usage: scripts/bench/testbed-table.sh [-i INSTANCE] [-r REPS] [-t SECONDS] [--fit-only|--table-only]
set -euo pipefail

instance=9 reps=3 secs=3 fit=1 table=1
while [ $# -gt 0 ]; do
  case $1 in
    -i) instance=$2; shift 2 ;;
    -r) reps=$2; shift 2 ;;
    -t) secs=$2; shift 2 ;;
    --fit-only) table=0; shift ;;
    --table-only) fit=0; shift ;;
    *) echo "usage: $0 [-i INSTANCE] [-r REPS] [-t SECONDS] [--fit-only|--table-only]" >&2; exit 2 ;;
  esac
done

here=$(cd "$(dirname "$0")/../.." && pwd)
jar=$here/target/iovlab.jar
java=${IOVLAB_JAVA:-$(command -v java)}
[ -f "$jar" ] || { echo "no $jar: run mvn package first" >&2; exit 1; }
for tool in iperf3 sockperf ping python3; do command -v $tool >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done

iovlab() { "$java" -jar "$jar" "$@"; }
tx() { local node=$1; shift; iovlab testbed exec -i "$instance" "$node" -- "$@"; }
addr() { iovlab testbed status -i "$instance" | awk -v n="$1" '$1==n {print $5}'; }
cleanup() { iovlab testbed down -i "$instance" >/dev/null 2>&1 || true; }
trap cleanup EXIT

up() { # datapath, then up options
  local d=$1; shift
  cleanup
  iovlab testbed up -s paper -d "$d" -i "$instance" "$@" >/dev/null
}

servers() { # start an iperf3 and a sockperf server on each node given (killed by down)
  for n in "$@"; do
    local a; a=$(addr "$n")
    tx "$n" iperf3 -s -B "$a" >/dev/null 2>&1 &
    tx "$n" sockperf server -i "$a" >/dev/null 2>&1 &
  done
  sleep 1.5
}

rx_bytes() { # bytes received so far by a host's NIC (observed from outside, not a node command)
  ip -n "iov$instance$1" -s -j link show dev "iov$instance${1}n" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stats64"]["rx"]["bytes"])'
}

iperf_mib() { # src dst-address seconds -> MiB/s received
  tx "$1" iperf3 -c "$2" -t "$3" -J | python3 -c 'import json,sys; print("%.1f" % (json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"]/8/2**20))'
}

ping_us() {
  tx "$1" ping -q -c 200 -i 0.005 "$2" | awk -F'[/ ]+' '/^rtt/ {printf "%.0f", $7*1000}'
}

sockperf_us() {
  tx "$1" sockperf ping-pong -i "$2" -t 2 -m 64 2>&1 | awk '/avg-latency=/ {sub(/.*avg-latency=/, ""); printf "%.1f", $1}'
}

if [ "$fit" = 1 ]; then
  declare -A totals
  for r in $(seq 1 "$reps"); do
    for d in bridged iov native; do
      up "$d" -P xen-2010
      if [ "$d" = native ]; then pairs="host0:host1"; else pairs="node1:node5 node2:node6 node3:node7 node4:node8"; fi
      dsts=(); for p in $pairs; do dsts+=("${p#*:}"); done
      servers "${dsts[@]}"
      tmp=$(mktemp -d); clients=()
      for p in $pairs; do
        src=${p%:*} dst=${p#*:}
        iperf_mib "$src" "$(addr "$dst")" 12 > "$tmp/$src" &
        clients+=($!)
      done
      # The clients start up to ~2 s apart (one JVM each), so the sum of their own averages
      # overstates the total: the total is host1's NIC receive counter over a window in which
      # all of them run, as TCP payload (1448 of every 1514 bytes).
      sleep 5
      c1=$(rx_bytes host1); t1=$(date +%s.%N)
      sleep 4
      c2=$(rx_bytes host1); t2=$(date +%s.%N)
      wait "${clients[@]}"
      sum=$(python3 -c "print(round(($c2-$c1)/($t2-$t1)*1448/1514/2**20, 1))")
      line=""
      for p in $pairs; do src=${p%:*}; line="$line $(cat "$tmp/$src")"; done
      rm -rf "$tmp"
      totals[$d]="${totals[$d]:-} $sum"
      echo "fit round $r $d: per pair (own 12 s averages)$line; total in common window $sum MiB/s" >&2
    done
  done
  cleanup
  echo
  echo "Table 1 fit: paper scenario, profile xen-2010, 4 simultaneous iperf3 TCP streams (1 on NATIVE), total = receive rate of host1 over 4 s in which all run, $reps rounds interleaved"
  echo
  echo "| data path | total MiB/s (mean ± sd) | rounds | paper (netperf) | ratio |"
  echo "|---|---|---|---|---|"
  for d in bridged iov native; do
    case $d in bridged) paper=425.97 ;; iov) paper=634.84 ;; native) paper=811.73 ;; esac
    python3 - "$d" "$paper" ${totals[$d]} <<'PY'
import statistics, sys
d, paper, xs = sys.argv[1], float(sys.argv[2]), [float(x) for x in sys.argv[3:]]
m = statistics.mean(xs); sd = statistics.stdev(xs) if len(xs) > 1 else 0.0
print(f"| {d.upper()} | {m:.0f} ± {sd:.0f} | {' '.join(f'{x:.0f}' for x in xs)} | {paper:.0f} | {m/paper:.2f} |")
PY
  done
fi

if [ "$table" = 1 ]; then
  echo
  echo "Per hop, paper scenario: one iperf3 TCP stream ($secs s), ping RTT (avg of 200), sockperf UDP ping-pong 64 B (half RTT)"
  echo
  echo "| profile | data path | path | iperf3 Gbit/s | ping RTT µs | sockperf µs |"
  echo "|---|---|---|---|---|---|"
  for cfg in "linux --no-shaping" "linux" "xen-2010"; do
    set -- $cfg
    profile=$1; shift
    label=$profile; [ $# -gt 0 ] && label="$profile (unshaped)"
    for d in native bridged iov; do
      up "$d" -P "$profile" "$@"
      if [ "$d" = native ]; then servers host1; else servers host1 node5 node2; fi
      rows="host0:host1:host_to_host"
      [ "$d" != native ] && rows="$rows node1:node5:VM_to_VM_across_hosts node1:node2:VM_to_VM_same_host"
      for row in $rows; do
        IFS=: read -r src dst what <<<"$row"
        a=$(addr "$dst")
        g=$(python3 -c "print(round($(iperf_mib "$src" "$a" "$secs")*8*2**20/1e9, 2))")
        p=$(ping_us "$src" "$a")
        s=$(sockperf_us "$src" "$a")
        echo "| $label | ${d^^} | ${what//_/ } | $g | $p | $s |"
      done
    done
  done
  cleanup
fi
