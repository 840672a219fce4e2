#!/usr/bin/env bash
# Nexmark's GROUP BY queries with one-phase vs two-phase (local-global) aggregation and split distinct aggregation
# (table.optimizer.agg-phase-strategy, table.optimizer.distinct-agg.split.enabled), mini-batch on in every run, one JVM
# per setting, same events. q17 (COUNT/SUM/MIN/MAX/AVG with FILTER per auction and day) runs in two phases; q15
# (COUNT DISTINCT with FILTER per day: one hot group per day) only when split distinct aggregation is on.
# Usage: benchmarks/two-phase-aggregate.sh [events] [timed runs] [warm-up runs]   (defaults: 2000000 3 1)
# Other queries: QUERIES=q15,q17; parallelism: PARALLELISM=2 (default); SKIP_BUILD=1 and MVN_ARGS pass to run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-2000000}"
runs="${2:-3}"
warmups="${3:-1}"
minibatch="table.exec.mini-batch.enabled=true;table.exec.mini-batch.allow-latency=1s;table.exec.mini-batch.size=5000"
for setting in \
    "one-phase|$minibatch;table.optimizer.agg-phase-strategy=ONE_PHASE" \
    "two-phase|$minibatch;table.optimizer.agg-phase-strategy=TWO_PHASE" \
    "two-phase + split distinct|$minibatch;table.optimizer.agg-phase-strategy=TWO_PHASE;table.optimizer.distinct-agg.split.enabled=true"; do
  echo "== ${setting%%|*}"
  JAVA_OPTS="${JAVA_OPTS:-} -Dnexmark.queries=${QUERIES:-q15,q17} -Dnexmark.parallelism=${PARALLELISM:-2}\
 -Dnexmark.options=${setting#*|}" \
    benchmarks/run.sh NexmarkBenchmark "$events" "$runs" "$warmups" \
    | grep -E '^\| |^options|events \('
  export SKIP_BUILD=1 # built once
done
