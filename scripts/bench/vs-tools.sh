#!/usr/bin/env bash
# iovlab's own stream and request/response tests against iperf3 and sockperf on the same
# endpoints in the same run (interleaved): one stream, and 64-byte ping-pong, on loopback and
# between two VMs (hosts on native) on different hosts of the `local` testbed for each data
# path. Prints each ratio; the bars are stream >= 0.95 x iperf3 and rr p50 <= 1.1 x sockperf.
# Needs root for the testbed part and a built jar (scripts/setup.sh).
#
# Usage: scripts/bench/vs-tools.sh [PROFILE] [SECONDS] [REPS]
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
profile=${1:-linux}
seconds=${2:-3}
reps=${3:-3}
out=${OUT:-$repo/target/vs-tools}
instance=84
iovlab="$repo/bin/iovlab"
mkdir -p "$out"
trap '"$iovlab" testbed down --instance $instance >/dev/null 2>&1 || true' EXIT
common=(--duration "$seconds" --min-reps "$reps" --max-reps "$reps")

run() { # NAME ARGS...: one stream and one rr measurement, results in $out/NAME-{stream,rr}.json
  local name=$1
  shift
  "$iovlab" bench stream "$@" "${common[@]}" --vs-iperf3 --json "$out/$name-stream.json" >/dev/null 2>&1 \
    || echo "$name: stream failed" >&2
  "$iovlab" bench rr "$@" "${common[@]}" --vs-sockperf --json "$out/$name-rr.json" >/dev/null 2>&1 \
    || echo "$name: rr failed" >&2
}

run loopback
for dp in native bridged iov; do
  "$iovlab" testbed up --instance $instance --scenario local --datapath $dp --profile "$profile" >/dev/null
  if [ $dp = native ]; then between=host0,host1; else between=node1,node3; fi
  run "$dp" --testbed $instance --between $between
  "$iovlab" testbed down --instance $instance >/dev/null
done

echo "command: scripts/bench/vs-tools.sh $profile $seconds $reps  ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-9s %12s %12s %8s   %10s %12s %8s\n' PATH "MiB/s" "iperf3" "ratio" "p50 us" "sockperf us" "ratio"
for name in loopback native bridged iov; do
  python3 - "$out" "$name" <<'PY'
import json, sys, os
d, name = sys.argv[1], sys.argv[2]
def load(kind):
    p = os.path.join(d, f"{name}-{kind}.json")
    return json.load(open(p)) if os.path.exists(p) else None
s, r = load("stream"), load("rr")
sv = (s["perPair"][0]["MiBps"]["mean"], s["perPair"][0]["iperf3MiBps"]["mean"], s["perPair"][0]["ratioToIperf3"]) if s and not s["partial"] else (0, 0, float("nan"))
rv = (r["p50Us"], r["sockperfP50Us"], r["ratioToSockperf"]) if r and not r["partial"] else (0, 0, float("nan"))
flag = lambda ok: "" if ok else " FAIL"
print("%-9s %12.1f %12.1f %8.3f%s %10.2f %12.2f %8.3f%s" % (name, *sv, flag(sv[2] >= 0.95), *rv, flag(rv[2] <= 1.1)))
PY
done
