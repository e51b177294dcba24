#!/usr/bin/env bash
# The paper's Table 1 with iovlab's own benchmark: on the `paper` scenario shaped by a profile
# (default xen-2010), every VM of host0 streams to its partner on host1 at the same moment
# (NATIVE: host0 -> host1), for each data path, with iperf3 on the same pairs interleaved.
# Prints iovlab's totals beside the paper's and writes the JSON results to $OUT (default
# target/table1). Needs root and a built jar (scripts/setup.sh).
#
# Usage: scripts/bench/paper-table1.sh [PROFILE] [SECONDS] [MAX_REPS]
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
profile=${1:-xen-2010}
seconds=${2:-3}
reps=${3:-5}
out=${OUT:-$repo/target/table1}
instance=83
iovlab="$repo/bin/iovlab"
mkdir -p "$out"
trap '"$iovlab" testbed down --instance $instance >/dev/null 2>&1 || true' EXIT

declare -A paper=([native]=811.73 [bridged]=425.97 [iov]=634.84)
for dp in native bridged iov; do
  "$iovlab" testbed up --instance $instance --scenario paper --datapath $dp --profile "$profile" >/dev/null
  echo "== $dp"
  "$iovlab" bench stream --testbed $instance --pairs cross --duration "$seconds" --min-reps 3 --max-reps "$reps" \
      --vs-iperf3 --json "$out/$dp.json" 2>/dev/null
  "$iovlab" testbed down --instance $instance >/dev/null
done

echo
echo "command: scripts/bench/paper-table1.sh $profile $seconds $reps  ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-8s %14s %10s %8s %16s\n' "PATH" "iovlab MiB/s" "paper" "ratio" "iovlab/iperf3"
for dp in native bridged iov; do
  python3 - "$out/$dp.json" "$dp" "${paper[$dp]}" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
total = j["totalMiBps"]["mean"]
ratios = [p["ratioToIperf3"] for p in j["perPair"]]
print("%-8s %14.1f %10.2f %8.3f %16s" % (sys.argv[2], total, float(sys.argv[3]), total / float(sys.argv[3]),
      " ".join("%.2f" % r for r in ratios)))
PY
done
