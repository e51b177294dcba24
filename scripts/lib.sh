# shellcheck shell=bash
# Shared helpers for iovlab scripts. Source it; it defines functions only and
# is safe under `set -euo pipefail`.

# Minimum JDK feature version the project builds and runs with.
IOVLAB_MIN_JAVA=21

# _iovlab_jdk_major DIR: print the major Java version of the JDK at DIR, or
# fail if DIR has no bin/javac. Reads DIR/release (no JVM start); falls back
# to `javac -version` for JDKs without a release file.
_iovlab_jdk_major() {
  local dir=$1 line ver=""
  [[ -x $dir/bin/javac ]] || return 1
  if [[ -r $dir/release ]]; then
    while IFS= read -r line; do
      if [[ $line == JAVA_VERSION=* ]]; then
        ver=${line#JAVA_VERSION=}
        ver=${ver//\"/}
        break
      fi
    done <"$dir/release"
  fi
  if [[ -z $ver ]]; then
    ver=$("$dir/bin/javac" -version 2>&1) || return 1
    ver=${ver##* }
  fi
  ver=${ver#1.}   # 1.8.0_x -> 8
  ver=${ver%%[!0-9]*}
  [[ -n $ver ]] || return 1
  printf '%s\n' "$ver"
}

# iovlab_java_home: print a JDK home with version >= IOVLAB_MIN_JAVA.
# $JAVA_HOME wins if it qualifies; otherwise the newest JDK in /usr/lib/jvm.
iovlab_java_home() {
  local dir major best="" best_major=0
  if [[ -n ${JAVA_HOME:-} ]] && major=$(_iovlab_jdk_major "$JAVA_HOME") \
      && ((major >= IOVLAB_MIN_JAVA)); then
    printf '%s\n' "${JAVA_HOME%/}"
    return 0
  fi
  for dir in /usr/lib/jvm/*; do
    major=$(_iovlab_jdk_major "$dir") || continue
    if ((major >= IOVLAB_MIN_JAVA && major > best_major)); then
      best=$dir best_major=$major
    fi
  done
  if [[ -z $best ]]; then
    echo "iovlab: no JDK >= $IOVLAB_MIN_JAVA found (checked JAVA_HOME=${JAVA_HOME:-<unset>} and /usr/lib/jvm/*)" >&2
    return 1
  fi
  printf '%s\n' "$best"
}

# iovlab_cache_dir: print (and create) the per-user cache directory.
iovlab_cache_dir() {
  local dir=${IOVLAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/iovlab}
  mkdir -p "$dir" || { echo "iovlab: cannot create cache dir $dir" >&2; return 1; }
  printf '%s\n' "$dir"
}

# iovlab_openmpi_version: print the installed openmpi-bin version (fails if
# openmpi-bin is not installed).
iovlab_openmpi_version() {
  local v
  v=$(dpkg-query -W -f='${db:Status-Status} ${Version}' openmpi-bin 2>/dev/null) || return 1
  [[ $v == "installed "* ]] || return 1
  printf '%s\n' "${v#installed }"
}

# iovlab_mpi_libdir: print the directory holding Open MPI's JNI library
# (libmpi_java.so), for -Djava.library.path.
iovlab_mpi_libdir() {
  local so
  so=/usr/lib/$(uname -m)-linux-gnu/openmpi/lib/libmpi_java.so
  if [[ ! -e $so ]]; then
    so=$(dpkg -L libopenmpi-dev 2>/dev/null | grep -m1 '/openmpi/lib/libmpi_java\.so$') || return 1
  fi
  printf '%s\n' "${so%/*}"
}

# iovlab_mpi_jar_path: print where the Open MPI Java jar for the installed
# openmpi-bin lives (whether or not it exists yet).
iovlab_mpi_jar_path() {
  local v cache
  v=$(iovlab_openmpi_version) || return 1
  cache=$(iovlab_cache_dir) || return 1
  printf '%s\n' "$cache/openmpi-$v/mpi.jar"
}

# iovlab_mpi_jar: print the path of the built Open MPI Java jar; non-zero and
# no output if it has not been built (run scripts/setup.sh).
iovlab_mpi_jar() {
  local jar
  jar=$(iovlab_mpi_jar_path) || return 1
  [[ -f $jar ]] || return 1
  printf '%s\n' "$jar"
}
