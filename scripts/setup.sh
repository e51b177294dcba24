#!/usr/bin/env bash
# Install and build what iovlab needs. Idempotent, and silent when nothing is
# missing. Steps:
#   a. Debian packages (apt-get, only if some are missing);
#   b. Open MPI's Java jar (Debian ships libmpi_java.so but no mpi.jar): built
#      from the Debian source of the installed openmpi into
#      $(iovlab_cache_dir)/openmpi-<version>/mpi.jar, then smoke-tested;
#   c. target/iovlab.jar via Maven, if missing or older than pom.xml / src/.
#
# Usage: scripts/setup.sh [--no-build] [--quiet | --verbose]
set -euo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=scripts/lib.sh
. "$repo/scripts/lib.sh"

PACKAGES=(openmpi-bin libopenmpi-dev iperf3 sockperf iproute2 iputils-ping
          util-linux procps gcc xz-utils binutils maven chromium fontconfig fonts-dejavu-core)
SRC_LIST=/etc/apt/sources.list.d/iovlab-deb-src.sources
SYSTEM_LIST=/etc/apt/sources.list.d/debian.sources

build=1
verbose=0

die() { echo "setup.sh: error: $*" >&2; exit 1; }
say() { echo "setup.sh: $*"; }

usage() {
  sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
}

for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    -q | --quiet) verbose=0 ;;
    -v | --verbose) verbose=1 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option: $arg (see --help)" ;;
  esac
done

tmp=""
cleanup() { [[ -z $tmp ]] || rm -rf "$tmp"; }
trap cleanup EXIT
tmpdir() { [[ -n $tmp ]] || tmp=$(mktemp -d "${TMPDIR:-/tmp}/iovlab-setup.XXXXXX"); }

# run LOG CMD...: run CMD with its output in LOG (also shown with --verbose);
# on failure show the end of LOG and return CMD's status.
run() {
  local log=$1 rc=0
  shift
  if ((verbose)); then
    "$@" 2>&1 | tee "$log" || rc=$?
  else
    "$@" >"$log" 2>&1 || rc=$?
  fi
  if ((rc != 0)); then
    echo "setup.sh: command failed (exit $rc): $*" >&2
    tail -n 60 "$log" | sed 's/\x1b\[[0-9;]*m//g' >&2
  fi
  return "$rc"
}

# apt_get ARGS...: apt-get that waits (up to ~10 min) for locks held by another
# apt/dpkg. DPkg::Lock::Timeout covers dpkg's lock; apt-get update (apt 2.6)
# does not wait for the lists lock, hence the retry loop.
apt_get() {
  local deadline=$((SECONDS + 600)) rc said=0
  tmpdir
  while :; do
    rc=0
    run "$tmp/apt.log" env DEBIAN_FRONTEND=noninteractive \
      apt-get -o DPkg::Lock::Timeout=300 "$@" 2>/dev/null || rc=$?
    ((rc == 0)) && return 0
    if grep -q -e 'Could not get lock' -e 'Unable to lock' "$tmp/apt.log" \
        && ((SECONDS < deadline)); then
      ((said)) || say "waiting for another apt/dpkg to finish..."
      said=1
      sleep 5
      continue
    fi
    tail -n 30 "$tmp/apt.log" >&2
    return "$rc"
  done
}

# ---------------------------------------------------------------- a. packages
install_packages() {
  local -A status=()
  local name st p missing=()
  while read -r name st; do
    status[$name]=$st
  done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)
  for p in "${PACKAGES[@]}"; do
    [[ ${status[$p]:-} == installed ]] || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  if ((EUID != 0)); then
    die "missing Debian packages: ${missing[*]} — install them as root: apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  apt_get update || die "apt-get update failed"
  apt_get install -y --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
}

# ------------------------------------------------------------- b. mpi.jar
# Print a deb822 deb-src stanza mirroring the main archive entry (the stanza
# whose Suites include the release codename) of the system's debian.sources.
src_stanza() {
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [[ -n $codename ]] || die "cannot tell the Debian codename from /etc/os-release"
  [[ -r $SYSTEM_LIST ]] || die "$SYSTEM_LIST not found; cannot derive a deb-src entry"
  echo "# Written by iovlab scripts/setup.sh: Debian source packages (to build Open MPI's mpi.jar)."
  echo "Types: deb-src"
  awk -v codename="$codename" '
    BEGIN { RS = ""; FS = "\n" }            # one record per deb822 stanza
    {
      out = ""; keep = 0; field = ""
      for (i = 1; i <= NF; i++) {
        line = $i
        if (line ~ /^#/) continue
        if (line ~ /^[ \t]/) {               # continuation of a multi-line field
          if (field ~ /^(URIs|Suites|Components|Signed-By)$/) out = out line "\n"
          continue
        }
        field = line; sub(/:.*/, "", field)
        if (field ~ /^(URIs|Suites|Components|Signed-By)$/) out = out line "\n"
        if (field == "Types" && line !~ /[: \t]deb([ \t]|$)/) { keep = -1 }
        if (field == "Enabled" && line ~ /:[ \t]*no/) { keep = -1 }
        if (field == "Suites" && keep == 0) {
          n = split(substr(line, 8), s, /[ \t]+/)
          for (j = 1; j <= n; j++) if (s[j] == codename) keep = 1
        }
      }
      if (keep == 1) { printf "%s", out; found = 1; exit }
    }
    END { if (!found) exit 1 }' "$SYSTEM_LIST" \
    || die "no enabled 'Types: deb' stanza with Suites '$codename' in $SYSTEM_LIST"
}

ensure_src_list() {
  local want
  want=$(src_stanza)
  if [[ ! -f $SRC_LIST ]] || [[ $(<"$SRC_LIST") != "$want" ]]; then
    if ! { printf '%s\n' "$want" >"$SRC_LIST.tmp" && mv -f "$SRC_LIST.tmp" "$SRC_LIST"; }; then
      die "cannot write $SRC_LIST"
    fi
  fi
  # Refresh only this source's index; leaves the other lists untouched.
  apt_get update -o Dir::Etc::sourcelist="$SRC_LIST" -o Dir::Etc::sourceparts=- \
    -o APT::Get::List-Cleanup=0 || die "apt-get update for $SRC_LIST failed"
}

# smoke_test JDK JAR LIBDIR: 2-rank Java MPI hello with a send/recv.
smoke_test() {
  local jh=$1 jar=$2 libdir=$3 dir=$tmp/hello
  mkdir -p "$dir"
  cat >"$dir/Hello.java" <<'JAVA'
import mpi.*;

public class Hello {
    public static void main(String[] args) throws MPIException {
        MPI.Init(args);
        int rank = MPI.COMM_WORLD.getRank(), size = MPI.COMM_WORLD.getSize();
        int[] buf = new int[4];
        if (rank == 0) {
            for (int i = 0; i < buf.length; i++) buf[i] = 40 + i;
            MPI.COMM_WORLD.send(buf, buf.length, MPI.INT, 1, 7);
        } else {
            MPI.COMM_WORLD.recv(buf, buf.length, MPI.INT, 0, 7);
            if (buf[0] != 40 || buf[3] != 43) throw new IllegalStateException("bad payload");
        }
        System.out.println("hello rank " + rank + " of " + size + " ok");
        MPI.Finalize();
    }
}
JAVA
  run "$tmp/hello-javac.log" "$jh/bin/javac" --release 21 -cp "$jar" -d "$dir" "$dir/Hello.java" \
    || die "smoke test: Hello.java does not compile against mpi.jar"
  # btl_tcp_if_include/oob_tcp_if_include lo keep all traffic on loopback
  # (by default the tcp btl skips lo and would use the machine's NIC).
  run "$tmp/hello.log" timeout 120 mpirun --allow-run-as-root --oversubscribe -np 2 \
    --mca btl self,tcp --mca btl_tcp_if_include lo --mca oob_tcp_if_include lo \
    "$jh/bin/java" --enable-native-access=ALL-UNNAMED -Djava.library.path="$libdir" \
    -cp "$jar:$dir" Hello || die "smoke test: mpirun of a 2-rank Java hello failed"
  if ! grep -q 'hello rank 0 of 2 ok' "$tmp/hello.log" || ! grep -q 'hello rank 1 of 2 ok' "$tmp/hello.log"; then
    cat "$tmp/hello.log" >&2
    die "smoke test: unexpected output"
  fi
}

build_mpi_jar() {
  local jar ompi_ver src_pkg src_ver libdir jh srcdir orig
  ompi_ver=$(iovlab_openmpi_version) || die "openmpi-bin is not installed"
  jar=$(iovlab_mpi_jar_path)
  [[ -f $jar ]] && return 0
  mkdir -p "${jar%/*}"
  exec 9>"${jar%/*}/.lock"
  flock 9                              # another setup.sh may be building it
  if [[ -f $jar ]]; then exec 9>&-; return 0; fi
  if ((EUID != 0)) && [[ ! -f $SRC_LIST ]]; then
    die "$jar is missing; building it needs $SRC_LIST: run scripts/setup.sh as root once"
  fi
  jh=$(iovlab_java_home) || die "a JDK >= $IOVLAB_MIN_JAVA is needed to build mpi.jar"
  libdir=$(iovlab_mpi_libdir) || die "libmpi_java.so not found (is libopenmpi-dev installed?)"
  src_pkg=$(dpkg-query -W -f='${source:Package}' openmpi-bin)
  src_ver=$(dpkg-query -W -f='${source:Version}' openmpi-bin)
  say "building Open MPI Java bindings ($src_pkg $src_ver) -> $jar"

  if ((EUID == 0)); then ensure_src_list; fi   # non-root: use the index root fetched
  tmpdir
  mkdir -p "$tmp/src"
  chmod 755 "$tmp"
  if ((EUID == 0)) && id _apt >/dev/null 2>&1; then
    chown _apt "$tmp/src"   # apt downloads as _apt when run as root
  fi
  (cd "$tmp/src" && apt_get source --download-only "$src_pkg=$src_ver") \
    || die "cannot download the source of $src_pkg $src_ver (is it still in the archive?)"
  orig=$(find "$tmp/src" -maxdepth 1 -name "${src_pkg}_*.orig.tar.*" -print -quit)
  [[ -n $orig ]] || die "no .orig tarball among the downloaded source files"
  run "$tmp/tar.log" tar -xf "$orig" -C "$tmp/src" --wildcards '*/ompi/mpi/java/java/*.java' \
    || die "cannot unpack the Java sources from $orig"
  srcdir=$(find "$tmp/src" -mindepth 1 -maxdepth 1 -type d -print -quit)/ompi/mpi/java/java
  compgen -G "$srcdir/*.java" >/dev/null || die "no Java sources in $srcdir"

  # Open MPI 4.1's Java sources are plain .java (no generated .java.in); the
  # JNI headers (-h) are produced only to check them against libmpi_java.so.
  mkdir -p "$tmp/classes" "$tmp/jni"
  run "$tmp/javac.log" "$jh/bin/javac" --release 21 -nowarn -encoding UTF-8 \
    -d "$tmp/classes" -h "$tmp/jni" "$srcdir"/*.java || die "javac of Open MPI's Java sources failed"
  if command -v nm >/dev/null; then
    local missing
    missing=$(comm -23 \
      <(grep -ho 'Java_mpi_[A-Za-z0-9_]*' "$tmp"/jni/*.h | sort -u) \
      <(nm -D --defined-only "$libdir/libmpi_java.so" | awk '{print $3}' | sort -u))
    [[ -z $missing ]] || die "libmpi_java.so lacks native methods the Java sources declare: $(echo "$missing" | head -5 | tr '\n' ' ')"
  fi
  printf 'Implementation-Title: Open MPI Java bindings (built by iovlab)\nImplementation-Version: %s\n' \
    "$ompi_ver" >"$tmp/manifest.txt"
  run "$tmp/jar.log" "$jh/bin/jar" --create --file "$tmp/mpi.jar" --manifest "$tmp/manifest.txt" \
    -C "$tmp/classes" . || die "jar failed"

  smoke_test "$jh" "$tmp/mpi.jar" "$libdir"

  if ! { cp "$tmp/mpi.jar" "$jar.tmp.$$" && mv -f "$jar.tmp.$$" "$jar"; }; then
    rm -f "$jar.tmp.$$"
    die "cannot write $jar"
  fi
  exec 9>&-
  say "built $jar (smoke test passed)"
}

# ------------------------------------------------------------ c. iovlab.jar
build_project() {
  local jar=$repo/target/iovlab.jar jh inputs=() mpi=()
  [[ -f $repo/pom.xml ]] || die "no pom.xml in $repo; nothing to build (use --no-build to skip)"
  inputs=("$repo/pom.xml")
  [[ -d $repo/src ]] && inputs+=("$repo/src")
  if [[ -f $jar ]] && [[ -z $(find "${inputs[@]}" -newer "$jar" -print -quit) ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (Debian package maven)"
  jh=$(iovlab_java_home) || die "a JDK >= $IOVLAB_MIN_JAVA is needed to build iovlab"
  tmpdir
  ((verbose)) && say "building target/iovlab.jar"
  # With Open MPI's Java bindings at hand, the optional mpi backend is compiled in too.
  if mpi_jar=$(iovlab_mpi_jar); then mpi=("-Dmpi.jar=$mpi_jar"); fi
  (cd "$repo" && run "$tmp/mvn.log" env JAVA_HOME="$jh" mvn -q -B -Dstyle.color=never -DskipTests "${mpi[@]}" package) \
    || die "maven build failed (output above)"
  [[ -f $jar ]] || die "maven succeeded but $jar was not produced (check the shade plugin's finalName)"
  touch "$jar"   # mark it current even if maven left an up-to-date jar alone
}

install_packages
build_mpi_jar
if ((build)); then build_project; fi
