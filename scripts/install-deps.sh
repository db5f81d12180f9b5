#!/usr/bin/env bash
# Installs what cinelake needs to build, test and demo on Debian 12.
# Idempotent: packages already present are left alone, and apt is only
# touched when something is missing. Works as root or through sudo.
set -euo pipefail

# Build and runtime libraries, test tools, and the browser for UI tests;
# dpkg-dev and file for the .deb's computed Depends (dpkg-shlibdeps, used by
# CPack), systemd for systemd-analyze in the packaging tests; python3-venv
# for the test-only Python venv below; Java 17 (pyspark's JVM) and Maven
# (hadoop-aws for Spark's s3a://) for the Spark suite.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libcurl4-openssl-dev libsimdjson-dev libsnappy-dev libzstd-dev libdeflate-dev zlib1g-dev
  liblz4-dev libbrotli-dev libicu-dev
  libssl-dev libcpp-httplib-dev nlohmann-json3-dev libfmt-dev libspdlog-dev libcli11-dev
  libtomlplusplus-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang clang-format libclang-rt-14-dev ccache
  nodejs npm chromium wrk
  dpkg-dev file systemd
  python3 python3-venv
  openjdk-17-jre-headless maven
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Node may come from outside apt (e.g. a preinstalled toolchain): accept it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do
    [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: system packages present" >&2
fi

# Test-only and front-end npm packages, pinned by package-lock.json.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for dir in "$ROOT/test/oracle" "$ROOT/web"; do
  [[ -f "$dir/package.json" ]] || continue
  stamp="$dir/node_modules/.cinelake-installed"
  if [[ ! -f "$stamp" || "$dir/package-lock.json" -nt "$stamp" ]]; then
    echo "install-deps: npm install in ${dir#$ROOT/}" >&2
    # Not `npm ci`: npm 11 leaves other platforms' optional bindings (DuckDB's)
    # out of the lock file and then refuses it. Versions are pinned exactly in
    # package.json and the lock is honoured; --no-save keeps it untouched.
    (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error) && touch "$stamp"
  fi
done

# Test-only Python packages (pyarrow, moto's S3 and Glue server, pyspark), pinned by
# test/python/requirements.txt, in a venv beside it.
VENV="$ROOT/test/python/.venv"
REQS="$ROOT/test/python/requirements.txt"
stamp="$VENV/.cinelake-installed"
if [[ ! -f "$stamp" || "$REQS" -nt "$stamp" ]]; then
  echo "install-deps: pip install in test/python/.venv" >&2
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS" && touch "$stamp"
fi

# Test-only Java libraries: hadoop-aws and the AWS SDK bundle it was built
# against, matching the Hadoop that pyspark bundles (test/spark/pom.xml), in
# test/spark/.jars for the Spark suite's s3a://.
POM="$ROOT/test/spark/pom.xml"
JARS="$ROOT/test/spark/.jars"
stamp="$JARS/.cinelake-installed"
if [[ ! -f "$stamp" || "$POM" -nt "$stamp" ]]; then
  echo "install-deps: Maven dependency:copy-dependencies in test/spark" >&2
  rm -rf "$JARS"
  (cd "$ROOT/test/spark" && mvn -q -B dependency:copy-dependencies) && touch "$stamp"
fi
