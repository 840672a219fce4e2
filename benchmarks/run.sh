#!/usr/bin/env bash
# Runs one benchmark main class with the benchmarks module's class path.
# Usage: benchmarks/run.sh [--no-arrow-flags] ClassName [args...]
#   ClassName is simple (ScanFilterAggregateBenchmark) or fully qualified.
# Builds the module (and what it needs) first unless SKIP_BUILD=1. Extra JVM flags: JAVA_OPTS;
# extra Maven flags (e.g. -o): MVN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
arrow_flags="-Darrow.enable_unsafe_memory_access=true -Darrow.enable_null_check_for_get=false"
if [[ "${1:-}" == "--no-arrow-flags" ]]; then
  arrow_flags=""
  shift
fi
main="${1:?usage: benchmarks/run.sh [--no-arrow-flags] ClassName [args...]}"
shift
[[ "$main" == *.* ]] || main="io.sluice.benchmarks.$main"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q ${MVN_ARGS:-} -pl benchmarks -am install -DskipTests
fi
cp_file="$PWD/benchmarks/target/classpath.txt"
mvn -q ${MVN_ARGS:-} -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p')
jdk_flags="--add-opens=java.base/java.nio=ALL-UNNAMED"
if [[ "$version" -ge 24 ]]; then
  jdk_flags="$jdk_flags --sun-misc-unsafe-memory-access=allow"
fi
# shellcheck disable=SC2086
exec java $jdk_flags -Xms4g -Xmx4g -XX:MaxDirectMemorySize=4g $arrow_flags ${JAVA_OPTS:-} \
  -cp "benchmarks/target/classes:$(cat "$cp_file")" "$main" "$@"
