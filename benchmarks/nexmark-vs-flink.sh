#!/usr/bin/env bash
# Runs the Nexmark queries q0-q22 on Sluice and on Apache Flink 2.3.0 (embedded, from Maven Central) side by
# side: the same generated CSV files, streaming mode, parallelism 1 and 2, blackhole sinks; per query Flink's JVM
# then Sluice's, warm-up + timed runs, medians. Prints a Markdown table: query, Flink ev/s p1, Sluice ev/s p1,
# ratio, Flink p2, Sluice p2, ratio (a query that fails shows the first line of its error).
#
# Usage: benchmarks/nexmark-vs-flink.sh [events (1000000)] [timed runs (3)]
# Environment: QUERIES (e.g. q0,q5; default all; "stateful" = the queries that keep state: q3 q4 q5 q7 q8 q9 q11
# q12 q15 q16 q17 q18 q19 q20), PARALLELISM (1,2), BACKENDS (state.backend.type on both engines, one table
# column group each: hashmap, the default, or e.g. hashmap,rocksdb), CHECKPOINT (a checkpoint interval such as
# 10s: both engines checkpoint exactly-once at that interval into a temporary directory, and the table says how
# many checkpoints each timed run completed), INCREMENTAL=true (with CHECKPOINT: execution.checkpointing.incremental
# on both engines, which makes RocksDB checkpoints incremental), LOCK (a file to hold with flock while each query is measured, for
# a shared machine), SLUICE_JFR (a directory: Sluice's JVM records a JFR profile of each query and backend there,
# <query>-<backend>.jfr, warm-up and timed runs included; read it with jfr print --events jdk.ExecutionSample),
# WARMUPS (1), NEXMARK_CSV_DIR (where the CSV files are written
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
stateful="q3 q4 q5 q7 q8 q9 q11 q12 q15 q16 q17 q18 q19 q20"
queries="${QUERIES:-$all}"
[[ "$queries" == stateful ]] && queries="$stateful"
queries="${queries//,/ }"
parallelism="${PARALLELISM:-1,2}"
backends="${BACKENDS:-hashmap}"
backends="${backends//,/ }"
checkpoint="${CHECKPOINT:-}"

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
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)," \
  "state backends: $backends, checkpoint interval: ${checkpoint:-none}${INCREMENTAL:+, incremental: $INCREMENTAL}" \
  | tee -a "$out"
# shellcheck disable=SC2086
mapfile -t scripts < <(java $heap $sluice_flags -cp "$sluice_cp" io.sluice.benchmarks.NexmarkBenchmark \
  --write-csv "$events" "$csv_base" "$parallelism" 2>/dev/null)
IFS=, read -r -a ps <<< "$parallelism"
[[ ${#scripts[@]} -eq ${#ps[@]} ]] || { echo "writing the CSV files failed" >&2; exit 1; }
flink_specs=()
for i in "${!ps[@]}"; do flink_specs+=("${ps[$i]}:${scripts[$i]}"); done
checkpoint_flags=()
if [[ -n "$checkpoint" ]]; then
  checkpoint_flags=(-Dflink.checkpoint-interval="$checkpoint" -Dnexmark.checkpoint-interval="$checkpoint")
  if [[ "${INCREMENTAL:-false}" == true ]]; then
    checkpoint_flags+=(-Dflink.checkpoint-incremental=true
      -Dnexmark.options=execution.checkpointing.incremental=true)
  fi
fi

measure() { # one query, one state backend: Flink's JVM, then Sluice's
  local q="$1" backend="$2" jfr=()
  if [[ -n "${SLUICE_JFR:-}" ]]; then
    mkdir -p "$SLUICE_JFR"
    jfr=(-XX:StartFlightRecording=filename="$SLUICE_JFR/$q-$backend.jfr,settings=profile")
  fi
  echo "== $q, $backend (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out"
  # shellcheck disable=SC2086
  java $heap $flink_flags ${JAVA_OPTS:-} "${checkpoint_flags[@]}" -Dflink.state-backend="$backend" -cp "$flink_cp" \
    io.sluice.benchmarks.flinkpeer.FlinkNexmark "$q" "$runs" "$warmups" "${flink_specs[@]}" >> "$out" 2>&1 \
    || echo "flink JVM exited $?" >> "$out"
  # shellcheck disable=SC2086
  java $heap $sluice_flags ${JAVA_OPTS:-} "${jfr[@]}" "${checkpoint_flags[@]}" -Dnexmark.state-backend="$backend" \
    -Dnexmark.source=csv -Dnexmark.csv-dir="$csv_base" -Dnexmark.queries="$q" -Dnexmark.parallelism="$parallelism" \
    -cp "$sluice_cp" io.sluice.benchmarks.NexmarkBenchmark "$events" "$runs" "$warmups" >> "$out" 2>&1 \
    || echo "sluice JVM exited $?" >> "$out"
  grep '^RESULT' "$out" | grep " query=$q " | grep " backend=$backend " || true
}

for q in $queries; do
  for backend in $backends; do
    if [[ -n "${LOCK:-}" ]]; then
      exec 9>>"$LOCK"
      flock 9 # released after this query and backend, so others can take the lock between queries
      measure "$q" "$backend"
      flock -u 9
    else
      measure "$q" "$backend"
    fi
  done
done

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw log: $out"
echo
grep '^RESULT' "$out" | awk -v order="$queries" -v backends="$backends" -v ps="$parallelism" -v ckpt="$checkpoint" '
function rate(v) { return v >= 1e6 ? sprintf("%.2fM", v / 1e6) : sprintf("%.0fk", v / 1e3) }
function cell(k) { return (k in err) ? "fails: " err[k] : ((k in eps) ? rate(eps[k]) : "-") }
function ratio(f, s) { return ((f in eps) && (s in eps) && eps[f] > 0) ? sprintf("**%.1f×**", eps[s] / eps[f]) : "" }
function count(k) { return (k in cps) ? cps[k] : "-" }
{
  e = ""; q = ""; p = ""; b = "hashmap"
  for (i = 2; i <= NF; i++) {
    split($i, kv, "=")
    if (kv[1] == "engine") e = kv[2]; else if (kv[1] == "query") q = kv[2]; else if (kv[1] == "p") p = kv[2]
    else if (kv[1] == "backend") b = kv[2]
    else if (kv[1] == "seconds") { secs[e SUBSEP q SUBSEP p SUBSEP b] = kv[2]; if (q == "startup") startup[p] = kv[2] }
    else if (kv[1] == "events_per_s") eps[e SUBSEP q SUBSEP p SUBSEP b] = kv[2]
    else if (kv[1] == "checkpoints") { c = kv[2]; gsub(/,/, "/", c); cps[e SUBSEP q SUBSEP p SUBSEP b] = c }
    else if (kv[1] == "error") { msg = $0; sub(/^.* error=/, "", msg); gsub(/\|/, "\\|", msg)
      if (length(msg) > 140) msg = substr(msg, 1, 140) "…"; err[e SUBSEP q SUBSEP p SUBSEP b] = msg; break }
  }
}
END {
  nb = split(backends, bs, " "); np = split(ps, pp, ",")
  head = "| query"; rule = "|---"
  for (j = 1; j <= nb; j++) for (k = 1; k <= np; k++) {
    t = (backends == "hashmap" ? "" : " " bs[j]) " p" pp[k]
    head = head " | Flink" t " ev/s | Sluice" t " ev/s | Sluice/Flink" t; rule = rule "|---:|---:|---:"
    if (ckpt != "") { head = head " | checkpoints per run, Flink; Sluice" t; rule = rule "|---:" }
  }
  print head " |"; print rule "|"
  n = split(order, qs, " ")
  for (i = 1; i <= n; i++) {
    line = "| " qs[i]
    for (j = 1; j <= nb; j++) for (k = 1; k <= np; k++) {
      f = "flink" SUBSEP qs[i] SUBSEP pp[k] SUBSEP bs[j]; s = "sluice" SUBSEP qs[i] SUBSEP pp[k] SUBSEP bs[j]
      line = line " | " cell(f) " | " cell(s) " | " ratio(f, s)
      if (ckpt != "") line = line " | " count(f) "; " count(s)
    }
    print line " |"
  }
  if (length(startup) > 0) {
    printf "\nFlink: one empty job (INSERT INTO blackhole VALUES (1)) takes"
    for (k = 1; k <= np; k++) printf "%s %.2f s at p%s", (k > 1 ? "," : ""), startup[pp[k]], pp[k]
    printf " (median).\n"
  }
  if (ckpt != "") printf "Checkpoint interval %s on both engines; \"checkpoints per run\": completed checkpoints of each timed run.\n", ckpt
}'
