#!/usr/bin/env bash
# The write-path benchmark of quota-service (docs/benchmarks.md, "Write path"): one run, figures side by side.
# Needs a JDK 17; installs wrk and pgbench/psql (Debian's wrk and postgresql-client) when missing. Builds the
# services, then WritePathBenchmark starts the whole system on free ports with fresh data in
# local-stack/target/bench-write-path/, runs the parts, prints the table and stops everything it started.
# Exits non-zero only when the benchmark could not run; missed aims are printed, not failed.
#
#   bench/write-path.sh                       # about 13 minutes on 2 cores, plus the build
#   BENCH_REFERENCE=/path/worklog-reference.sql bench/write-path.sh   # another pgbench reference
#
# Shorter smoke run (figures not comparable): BENCH_SECONDS=5 BENCH_FILL=2000 bench/write-path.sh
set -euo pipefail

cd "$(dirname "$0")/.."
reference=${BENCH_REFERENCE:-../shared/bench/worklog-reference.sql}
if [[ ! -f $reference ]]; then
  echo "The pgbench reference $reference is missing (shared/ sits beside the checkout); set BENCH_REFERENCE" >&2
  exit 1
fi

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null && command -v psql >/dev/null || missing+=(postgresql-client)
if ((${#missing[@]})); then
  sudo=$([[ $(id -u) -eq 0 ]] || echo sudo)
  echo "Installing ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

./mvnw -q package -DskipTests

./mvnw -q -pl local-stack exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.wuaigou.ops.local.bench.WritePathBenchmark \
  -Dbench.reference="$(realpath "$reference")" \
  -Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.fill="${BENCH_FILL:-50000}" &
benchmark=$!
# Ctrl-C or an error here: the benchmark's JVM stops the services, Kafka and PostgreSQL it started.
trap 'kill -TERM $benchmark 2>/dev/null || true; wait $benchmark 2>/dev/null || true' EXIT
wait $benchmark
