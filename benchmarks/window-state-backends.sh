#!/usr/bin/env bash
# Nexmark's window aggregate queries (q5: HOP window count per auction, then the hottest auctions of each window; q7:
# TUMBLE window maximum price joined back to the bids) with their state on the heap and in RocksDB, one JVM per
# backend, same events and queries.
# Usage: benchmarks/window-state-backends.sh [events] [timed runs] [warm-up runs]   (defaults: 1000000 3 1)
# Other queries: QUERIES=q5; parallelism: PARALLELISM=1,2. SKIP_BUILD=1 and MVN_ARGS pass to run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
runs="${2:-3}"
warmups="${3:-1}"
for backend in hashmap rocksdb; do
  echo "== state.backend.type: $backend"
  JAVA_OPTS="${JAVA_OPTS:-} -Dnexmark.queries=${QUERIES:-q5,q7} -Dnexmark.parallelism=${PARALLELISM:-1}\
 -Dnexmark.state-backend=$backend" benchmarks/run.sh NexmarkBenchmark "$events" "$runs" "$warmups" \
    | grep -E '^\| |^state|events \('
  export SKIP_BUILD=1 # built once
done
