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
# Open MPI's Java bindings (built by setup.sh) compile the optional mpi backend in; as root
# (and in CI) its tests must then run, never be skipped.
if mpi_jar="$(iovlab_mpi_jar)"; then
  args+=("-Dmpi.jar=$mpi_jar")
  [ "$(id -u)" -eq 0 ] && args+=(-Diovlab.mpi.required=true)
else
  echo "run-tests: Open MPI's mpi.jar is missing: the mpi backend's tests will say so" >&2
fi
# The browser test opens the report in Debian's chromium (installed by setup.sh); as root (and
# in CI) it must run, never be skipped.
[ "$(id -u)" -eq 0 ] && args+=(-Diovlab.browser.required=true)
if [ "$(id -u)" -ne 0 ]; then
  echo "run-tests: not root: skipping tests tagged 'root' (network namespaces need CAP_NET_ADMIN)" >&2
  args+=(-Dtest.excludedGroups=root)
fi
exec mvn "${args[@]}" "$@"
