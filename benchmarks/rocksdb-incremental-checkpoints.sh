#!/usr/bin/env bash
# Bytes each checkpoint writes, full against incremental (execution.checkpointing.incremental), for RocksDB state of
# a few hundred MB that changes a little between checkpoints. Runs IncrementalCheckpointBenchmark from the
# state-rocksdb module's test classes.
# Usage: benchmarks/rocksdb-incremental-checkpoints.sh [keys] [value bytes] [checkpoints] [keys changed] [pause ms]
#   (defaults: 300000 1000 20 1000 1000; the work directory is WORK_DIR, default the temp directory)
# SKIP_BUILD=1 reuses the last build; MVN_ARGS are added to the Maven call (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=state-rocksdb/target/bench-classpath.txt
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q ${MVN_ARGS:-} -pl table-runtime,state-rocksdb test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
fi
classpath="state-rocksdb/target/test-classes:state-rocksdb/target/classes:table-runtime/target/classes:$(cat "$cp_file")"
java -Xmx512m -cp "$classpath" io.sluice.state.rocksdb.IncrementalCheckpointBenchmark "${WORK_DIR:-${TMPDIR:-/tmp}}" \
  "${1:-300000}" "${2:-1000}" "${3:-20}" "${4:-1000}" "${5:-1000}"
