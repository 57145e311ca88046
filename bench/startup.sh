#!/usr/bin/env bash
# Startup and footprint of each service alone (docs/benchmarks.md, "Startup and footprint"): one run, figures printed.
# Needs a JDK 17. Packages the services (with the AppCDS archive each build writes) and the benchmark driver, then
# StartupBenchmark starts PostgreSQL and Kafka on free ports with fresh data in local-stack/target/bench-startup/,
# starts each service alone twice (empty database, then a restart) as in production, without the demo data, prints the
# table and stops everything it started.
# Exits non-zero only when the benchmark could not run; missed aims are printed, not failed.
#
#   bench/startup.sh        # about 2 minutes on 2 cores, plus the build
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -q package -DskipTests

./mvnw -q -pl local-stack exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.wuaigou.ops.local.bench.StartupBenchmark &
benchmark=$!
# Ctrl-C or an error here: the benchmark's JVM stops the services, Kafka and PostgreSQL it started.
trap 'kill -TERM $benchmark 2>/dev/null || true; wait $benchmark 2>/dev/null || true' EXIT
wait $benchmark
