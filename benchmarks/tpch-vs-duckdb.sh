#!/usr/bin/env bash
# Runs the 22 TPC-H queries on Sluice (batch mode, filesystem tables over '|'-delimited CSV files) and on
# DuckDB (its JDBC driver from Maven Central, in the same JVM) side by side, on the same files generated
# once by io.sluice.benchmarks.tpch.TpchGenerator; checks Sluice's rows against DuckDB's; prints per query
# the median time of each engine and the ratios, with DuckDB both on its in-memory tables (loaded from the
# files first, load timed apart) and straight over the files, as a Markdown table per thread count.
#
# Usage: benchmarks/tpch-vs-duckdb.sh [scale factor (1)] [timed runs (3)]
# Environment: QUERIES (e.g. q1,q6; default all), THREADS (e.g. 1,2; default 1: Sluice's parallelism.default
# and DuckDB's threads), WARMUPS (1), TPCH_DIR (where the tables are written once; default
# /tmp/sluice-tpch-sf<sf>), TIMEOUT (seconds per query run, 600), HEAP (Java heap, 8g), DIRECT (the JVM's
# -XX:MaxDirectMemorySize, which bounds Sluice's Arrow memory, 6g), DUCKDB_MEMORY (DuckDB's memory_limit, 6GB),
# LOCK (a file to hold with flock while DuckDB loads its tables and while each query is measured on both
# engines, for a shared machine: others that take the same lock, such as builds run under
# `flock <file> mvn ...`, wait, and may run between queries; data generation does not hold it), LOCK_HOLD
# (seconds: with LOCK, keep the lock for the next queries until it has been held that long, which means fewer
# waits for a turn on a busy machine; 0, the default, gives it back after every query), SKIP_BUILD=1 (use
# the built classes and the class path files under target/ as they are), MVN_ARGS (e.g. -o), MVN (the Maven
# command, e.g. a wrapper that takes a lock), JAVA_OPTS (extra JVM flags; -Dtpch.engines=sluice runs Sluice alone,
# e.g. under -XX:StartFlightRecording), CP_PREFIX (class path entries put first, e.g. a changed module's
# target/classes), OUT (file for the raw log; default
# benchmarks/target/tpch-vs-duckdb.log).
# The DuckDB driver comes from benchmarks/duckdb-peer/pom.xml, which is not part of the main build.
set -euo pipefail
cd "$(dirname "$0")/.."
sf="${1:-1}"
runs="${2:-3}"
warmups="${WARMUPS:-1}"
data="${TPCH_DIR:-/tmp/sluice-tpch-sf$sf}"
out="${OUT:-$PWD/benchmarks/target/tpch-vs-duckdb.log}"
heap="${HEAP:-8g}"
direct="${DIRECT:-6g}"
duck_memory="${DUCKDB_MEMORY:-6GB}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ${MVN:-mvn} -q ${MVN_ARGS:-} -pl benchmarks -am install -DskipTests
fi
mkdir -p benchmarks/target benchmarks/duckdb-peer/target
sluice_cp_file="$PWD/benchmarks/target/classpath.txt"
duck_cp_file="$PWD/benchmarks/duckdb-peer/target/classpath.txt"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$sluice_cp_file" || ! -s "$duck_cp_file" ]]; then
  ${MVN:-mvn} -q ${MVN_ARGS:-} -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$sluice_cp_file" >/dev/null
  ${MVN:-mvn} -q ${MVN_ARGS:-} -f benchmarks/duckdb-peer/pom.xml dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$duck_cp_file" >/dev/null
fi
cp="${CP_PREFIX:+$CP_PREFIX:}benchmarks/target/classes:$(cat "$sluice_cp_file"):$(cat "$duck_cp_file")"

flags="-Xms$heap -Xmx$heap -XX:MaxDirectMemorySize=$direct --add-opens=java.base/java.nio=ALL-UNNAMED"
flags="$flags -Darrow.enable_unsafe_memory_access=true -Darrow.enable_null_check_for_get=false"
version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p')
if [[ "$version" -ge 24 ]]; then
  flags="$flags --sun-misc-unsafe-memory-access=allow"
fi

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), sf $sf, $runs timed + $warmups warm-up runs, $(nproc) CPUs," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), heap $heap, direct $direct," \
  "DuckDB memory_limit $duck_memory${LOCK:+, lock $LOCK (LOCK_HOLD ${LOCK_HOLD:-0} s)}" | tee "$out"
# shellcheck disable=SC2086
java $flags ${JAVA_OPTS:-} -Dtpch.queries="${QUERIES:-}" -Dtpch.threads="${THREADS:-1}" \
  -Dtpch.timeout="${TIMEOUT:-600}" -Dtpch.duckdb-memory="$duck_memory" -Dtpch.lock="${LOCK:-}" \
  -Dtpch.lock-hold="${LOCK_HOLD:-0}" -cp "$cp" io.sluice.benchmarks.tpch.TpchBenchmark "$data" "$sf" "$runs" "$warmups" \
  2>&1 | tee -a "$out" | grep -E '^(RESULT|generated|TPC-H data|== )' || true
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw log: $out"
echo
sed -n '/^TPC-H sf .* thread(s)/,$p' "$out"
