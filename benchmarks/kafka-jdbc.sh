#!/usr/bin/env bash
# Connector throughput at parallelism 1 against the real systems: Kafka source -> filter -> Kafka sink (events/s)
# and JDBC upsert into PostgreSQL (rows/s). Starts a Kafka broker in the benchmark JVM and a throwaway PostgreSQL
# cluster (needs the distribution's PostgreSQL server package, e.g. Debian's postgresql), prints one RESULT line
# per measurement. Arguments (optional): events rows keys runs (defaults 1000000 300000 100000 3).
# Builds first unless SKIP_BUILD=1 (see benchmarks/run.sh; MVN_ARGS=-o for offline builds).
set -euo pipefail
cd "$(dirname "$0")/.."
exec benchmarks/run.sh KafkaJdbcBenchmark "$@"
