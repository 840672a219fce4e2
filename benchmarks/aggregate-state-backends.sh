#!/usr/bin/env bash
# Nexmark's GROUP BY queries (q4: max bid per auction then average per category, behind a join; q15: COUNT DISTINCT
# with FILTER per day; q17: aggregates per auction and day) with their state on the heap and in RocksDB, one JVM per
# backend, same events and queries.
# Usage: benchmarks/aggregate-state-backends.sh [events] [timed runs] [warm-up runs]   (defaults: 1000000 3 1)
# Other queries: QUERIES=q4,q16; parallelism: PARALLELISM=1,2. SKIP_BUILD=1 and MVN_ARGS pass to run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
runs="${2:-3}"
warmups="${3:-1}"
for backend in hashmap rocksdb; do
  echo "== state.backend.type: $backend"
  JAVA_OPTS="${JAVA_OPTS:-} -Dnexmark.queries=${QUERIES:-q4,q15,q17} -Dnexmark.parallelism=${PARALLELISM:-1}\
 -Dnexmark.state-backend=$backend" benchmarks/run.sh NexmarkBenchmark "$events" "$runs" "$warmups" \
    | grep -E '^\| |^state|events \('
  export SKIP_BUILD=1 # built once
done
