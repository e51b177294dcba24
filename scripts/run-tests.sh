#!/usr/bin/env bash
# Sets up everything iovlab needs (idempotent), then builds and runs the whole test suite.
# Tests tagged "root" build network namespaces and need root (CI runs as root); as another
# user they are excluded with a printed reason.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$repo"
"$repo/scripts/setup.sh" --no-build
source "$repo/scripts/lib.sh"
JAVA_HOME="$(iovlab_java_home)"
export JAVA_HOME
args=(-B -ntp verify)
if [ "$(id -u)" -ne 0 ]; then
  echo "run-tests: not root: skipping tests tagged 'root' (network namespaces need CAP_NET_ADMIN)" >&2
  args+=(-Dtest.excludedGroups=root)
fi
exec mvn "${args[@]}" "$@"
