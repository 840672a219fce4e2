#!/usr/bin/env bash
# Runs the Nexmark queries q0-q22 on Sluice and on Apache Flink 2.3.0 (embedded, from Maven Central) side by
# side: the same generated CSV files, streaming mode, parallelism 1 and 2, blackhole sinks; per query Flink's JVM
# then Sluice's, warm-up + timed runs, medians. Prints a Markdown table: query, Flink ev/s p1, Sluice ev/s p1,
# ratio, Flink p2, Sluice p2, ratio (a query that fails shows the first line of its error).
#
# Usage: benchmarks/nexmark-vs-flink.sh [events (1000000)] [timed runs (3)]
# Environment: QUERIES (e.g. q0,q5; default all), WARMUPS (1), NEXMARK_CSV_DIR (where the CSV files are written
# once: /tmp/sluice-nexmark-csv), SKIP_BUILD=1 (use the built classes and
# the class path files under target/ as they are), MVN_ARGS (e.g. -o),
# MVN (the Maven command, e.g. a wrapper that takes a lock), JAVA_OPTS (extra JVM flags for both engines;
# -Dflink.cluster=session submits all Flink jobs to one embedded cluster instead of one cluster per job),
# OUT (file for the raw log; default
# benchmarks/target/nexmark-vs-flink.log).
# The Flink peer (benchmarks/flink-peer) is built here with its own pom; it is not part of the main build.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
runs="${2:-3}"
warmups="${WARMUPS:-1}"
csv_base="${NEXMARK_CSV_DIR:-/tmp/sluice-nexmark-csv}"
out="${OUT:-$PWD/benchmarks/target/nexmark-vs-flink.log}"
all="q0 q1 q2 q3 q4 q5 q6 q7 q8 q9 q10 q11 q12 q13 q14 q15 q16 q17 q18 q19 q20 q21 q22"
queries="${QUERIES:-$all}"
queries="${queries//,/ }"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ${MVN:-mvn} -q ${MVN_ARGS:-} -pl benchmarks -am install -DskipTests
  ${MVN:-mvn} -q ${MVN_ARGS:-} -f benchmarks/flink-peer/pom.xml package -DskipTests
fi
mkdir -p benchmarks/target benchmarks/flink-peer/target
sluice_cp_file="$PWD/benchmarks/target/classpath.txt"
flink_cp_file="$PWD/benchmarks/flink-peer/target/classpath.txt"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$sluice_cp_file" || ! -s "$flink_cp_file" ]]; then
  ${MVN:-mvn} -q ${MVN_ARGS:-} -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$sluice_cp_file" >/dev/null
  ${MVN:-mvn} -q ${MVN_ARGS:-} -f benchmarks/flink-peer/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$flink_cp_file" >/dev/null
fi
sluice_cp="benchmarks/target/classes:$(cat "$sluice_cp_file")"
flink_cp="benchmarks/flink-peer/target/classes:$(cat "$flink_cp_file")"

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
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $events events, $runs timed + $warmups warm-up runs, $(nproc) CPUs," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee -a "$out"
# shellcheck disable=SC2086
mapfile -t scripts < <(java $heap $sluice_flags -cp "$sluice_cp" io.sluice.benchmarks.NexmarkBenchmark \
  --write-csv "$events" "$csv_base" 1,2 2>/dev/null)
[[ ${#scripts[@]} -eq 2 ]] || { echo "writing the CSV files failed" >&2; exit 1; }

for q in $queries; do
  echo "== $q (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out"
  # shellcheck disable=SC2086
  java $heap $flink_flags ${JAVA_OPTS:-} -cp "$flink_cp" io.sluice.benchmarks.flinkpeer.FlinkNexmark \
    "$q" "$runs" "$warmups" "1:${scripts[0]}" "2:${scripts[1]}" >> "$out" 2>&1 || echo "flink JVM exited $?" >> "$out"
  # shellcheck disable=SC2086
  java $heap $sluice_flags ${JAVA_OPTS:-} -Dnexmark.source=csv -Dnexmark.csv-dir="$csv_base" \
    -Dnexmark.queries="$q" -Dnexmark.parallelism=1,2 -cp "$sluice_cp" io.sluice.benchmarks.NexmarkBenchmark \
    "$events" "$runs" "$warmups" >> "$out" 2>&1 || echo "sluice JVM exited $?" >> "$out"
  grep '^RESULT' "$out" | grep " query=$q " || true
done

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw log: $out"
echo
grep '^RESULT' "$out" | awk -v order="$queries" '
function rate(v) { return v >= 1e6 ? sprintf("%.2fM", v / 1e6) : sprintf("%.0fk", v / 1e3) }
function cell(e, q, p,   k) { k = e SUBSEP q SUBSEP p; return (k in err) ? "fails: " err[k] : ((k in eps) ? rate(eps[k]) : "-") }
function ratio(q, p,   f, s) { f = "flink" SUBSEP q SUBSEP p; s = "sluice" SUBSEP q SUBSEP p
  return ((f in eps) && (s in eps) && eps[f] > 0) ? sprintf("**%.1f×**", eps[s] / eps[f]) : "" }
{
  e = ""; q = ""; p = ""
  for (i = 2; i <= NF; i++) {
    split($i, kv, "=")
    if (kv[1] == "engine") e = kv[2]; else if (kv[1] == "query") q = kv[2]; else if (kv[1] == "p") p = kv[2]
    else if (kv[1] == "seconds") secs[e SUBSEP q SUBSEP p] = kv[2]
    else if (kv[1] == "events_per_s") eps[e SUBSEP q SUBSEP p] = kv[2]
    else if (kv[1] == "error") { msg = $0; sub(/^.* error=/, "", msg); gsub(/\|/, "\\|", msg)
      if (length(msg) > 140) msg = substr(msg, 1, 140) "…"; err[e SUBSEP q SUBSEP p] = msg; break }
  }
}
END {
  print "| query | Flink p1 ev/s | Sluice p1 ev/s | Sluice/Flink p1 | Flink p2 ev/s | Sluice p2 ev/s | Sluice/Flink p2 |"
  print "|---|---:|---:|---:|---:|---:|---:|"
  n = split(order, qs, " ")
  for (i = 1; i <= n; i++) {
    q = qs[i]
    print "| " q " | " cell("flink", q, 1) " | " cell("sluice", q, 1) " | " ratio(q, 1) " | " cell("flink", q, 2) \
      " | " cell("sluice", q, 2) " | " ratio(q, 2) " |"
  }
  s1 = "flink" SUBSEP "startup" SUBSEP 1; s2 = "flink" SUBSEP "startup" SUBSEP 2
  if (s1 in secs) printf "\nFlink: one empty job (INSERT INTO blackhole VALUES (1)) takes %.2f s at p1, %.2f s at p2 (median).\n", secs[s1], secs[s2]
}'
