#!/usr/bin/env bash
# Runs two DataStream jobs (WordCount; a KeyedProcessFunction with value state) on Sluice and on Apache Flink 2.3.0
# (embedded, from Maven Central) on the same generated input at parallelism 1: the same program, but for its
# imports (benchmarks/src/.../DataStreamBenchmark.java, benchmarks/flink-peer/src/.../FlinkDataStream.java).
# Per engine one JVM with the same heap; warm-up + timed runs, medians. Prints a Markdown table: job, Flink
# records/s, Sluice records/s, ratio.
#
# Usage: benchmarks/datastream-vs-flink.sh [records (5000000)] [timed runs (3)]
# Environment: JOBS (wordcount,keyed-state), ENGINES (flink,sluice; sluice alone needs no Flink artifacts), WARMUPS (1),
# SKIP_BUILD=1 (use the built classes and class path files under target/ as they are), LOCK (a file to hold with
# flock while each engine's JVM runs, for a shared machine), MVN_ARGS (e.g. -o), MVN (the Maven command, e.g. a
# wrapper that takes a lock), SLUICE_CP_PREFIX (class path entries put before Sluice's, e.g. modules' target/classes),
# JAVA_OPTS (extra JVM flags for both engines, e.g. -XX:+FlightRecorder
# -XX:StartFlightRecording=filename=x.jfr), OUT (raw log; default benchmarks/target/datastream-vs-flink.log).
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-5000000}"
runs="${2:-3}"
warmups="${WARMUPS:-1}"
jobs="${JOBS:-wordcount,keyed-state}"
engines="${ENGINES:-flink,sluice}"
out="${OUT:-$PWD/benchmarks/target/datastream-vs-flink.log}"

with_flink=false
[[ ",$engines," == *,flink,* ]] && with_flink=true
with_sluice=false
[[ ",$engines," == *,sluice,* ]] && with_sluice=true
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  if $with_sluice; then
    ${MVN:-mvn} -q ${MVN_ARGS:-} -pl benchmarks -am install -DskipTests
  fi
  if $with_flink; then
    ${MVN:-mvn} -q ${MVN_ARGS:-} -f benchmarks/flink-peer/pom.xml package -DskipTests
  fi
fi
mkdir -p benchmarks/target benchmarks/flink-peer/target
sluice_cp_file="$PWD/benchmarks/target/classpath.txt"
flink_cp_file="$PWD/benchmarks/flink-peer/target/classpath.txt"
if $with_sluice && [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$sluice_cp_file" ]]; then
  ${MVN:-mvn} -q ${MVN_ARGS:-} -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$sluice_cp_file" >/dev/null
fi
if $with_flink && [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$flink_cp_file" ]]; then
  ${MVN:-mvn} -q ${MVN_ARGS:-} -f benchmarks/flink-peer/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$flink_cp_file" >/dev/null
fi

heap="-Xms4g -Xmx4g"
sluice_flags="--add-opens=java.base/java.nio=ALL-UNNAMED -XX:MaxDirectMemorySize=4g"
sluice_flags="$sluice_flags -Darrow.enable_unsafe_memory_access=true -Darrow.enable_null_check_for_get=false"
# the module openings Flink's own launcher passes on JDK 17
flink_flags="-XX:+IgnoreUnrecognizedVMOptions --add-exports=java.base/sun.net.util=ALL-UNNAMED"
flink_flags="$flink_flags --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"
flink_flags="$flink_flags --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
for pkg in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time java.util \
    java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  flink_flags="$flink_flags --add-opens=java.base/$pkg=ALL-UNNAMED"
done
version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p')
if [[ "$version" -ge 24 ]]; then
  sluice_flags="$sluice_flags --sun-misc-unsafe-memory-access=allow"
fi

: > "$out"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $records records, $runs timed + $warmups warm-up runs, $(nproc) CPUs," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee -a "$out"

# Runs one engine's JVM, holding $LOCK (if set) meanwhile.
measure() {
  if [[ -n "${LOCK:-}" ]]; then
    exec 9>>"$LOCK"
    flock 9
    echo "# $1 starts at load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
  fi
  case "$1" in
    flink)
      # shellcheck disable=SC2086
      java $heap $flink_flags ${JAVA_OPTS:-} -cp "benchmarks/flink-peer/target/classes:$(cat "$flink_cp_file")" \
        io.sluice.benchmarks.flinkpeer.FlinkDataStream "$records" "$runs" "$warmups" "$jobs" >> "$out" 2>&1 \
        || echo "flink JVM exited $?" >> "$out"
      ;;
    sluice)
      # shellcheck disable=SC2086
      java $heap $sluice_flags ${JAVA_OPTS:-} \
        -cp "${SLUICE_CP_PREFIX:-}benchmarks/target/classes:$(cat "$sluice_cp_file")" \
        io.sluice.benchmarks.DataStreamBenchmark "$records" "$runs" "$warmups" "$jobs" >> "$out" 2>&1 \
        || echo "sluice JVM exited $?" >> "$out"
      ;;
  esac
  if [[ -n "${LOCK:-}" ]]; then
    flock -u 9
  fi
}

if $with_flink; then
  measure flink
fi
if $with_sluice; then
  measure sluice
fi

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw log: $out"
echo
grep '^RESULT' "$out" | awk -v order="${jobs//,/ }" '
function rate(v) { return v >= 1e6 ? sprintf("%.2fM", v / 1e6) : sprintf("%.0fk", v / 1e3) }
{
  e = ""; j = ""
  for (i = 2; i <= NF; i++) {
    split($i, kv, "=")
    if (kv[1] == "engine") e = kv[2]; else if (kv[1] == "job") j = kv[2]
    else if (kv[1] == "records_per_s") rps[e SUBSEP j] = kv[2]
  }
}
END {
  print "| job | Flink records/s | Sluice records/s | Sluice/Flink |"
  print "|---|---:|---:|---:|"
  n = split(order, js, " ")
  for (i = 1; i <= n; i++) {
    j = js[i]; f = "flink" SUBSEP j; s = "sluice" SUBSEP j
    r = ((f in rps) && (s in rps) && rps[f] > 0) ? sprintf("**%.1f×**", rps[s] / rps[f]) : ""
    print "| " j " | " ((f in rps) ? rate(rps[f]) : "fails") " | " ((s in rps) ? rate(rps[s]) : "fails") " | " r " |"
  }
}'
