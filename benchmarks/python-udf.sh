#!/usr/bin/env bash
# Rows per second of a trivial scalar function as a Python UDF, a pandas UDF and a Java UDF (and the built-in
# expression) over generated rows; prints the median of RUNS runs of each.
# Usage: benchmarks/python-udf.sh [ROWS (default 10000000)] [RUNS (default 3)]
# Builds the engine first unless SKIP_BUILD=1 (extra Maven flags, e.g. -o: MVN_ARGS). The interpreter is
# /usr/bin/python3 (Debian's, with pandas) unless SLUICE_TEST_PYTHON names another.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q ${MVN_ARGS:-} -pl python-gateway -am package -DskipTests
fi
export SLUICE_GATEWAY_CLASSPATH="$PWD/python-gateway/target/classes:$PWD/python-gateway/target/test-classes:$PWD/python-gateway/target/lib/*"
export PYTHONPATH="$PWD/python"
exec "${SLUICE_TEST_PYTHON:-/usr/bin/python3}" python/benchmarks/udf_benchmark.py "${1:-10000000}" "${2:-3}"
