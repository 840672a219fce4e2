"""Rows per second of a trivial scalar function (v + 1) over N generated rows, as a Python function (row at a time),
a pandas function and the same function in Java, each in `INSERT INTO blackhole SELECT f(id) FROM datagen`
(parallelism 1, batch mode). Each variant runs once on a smaller input to warm the JVM up, then RUNS times; the
figures are the medians.

Run from the repository root with `benchmarks/python-udf.sh [ROWS] [RUNS]` (it builds the engine first), or after
`mvn -pl python-gateway -am package -DskipTests`:

    SLUICE_GATEWAY_CLASSPATH="python-gateway/target/classes:python-gateway/target/test-classes:python-gateway/target/lib/*" \\
        PYTHONPATH=python /usr/bin/python3 python/benchmarks/udf_benchmark.py 10000000 3
"""

import statistics
import sys
import time

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.udf import udf


@udf(result_type=DataTypes.BIGINT())
def plus_one(v):
    return v + 1


@udf(result_type=DataTypes.BIGINT(), func_type="pandas")
def pandas_plus_one(v):
    return v + 1


VARIANTS = (("built-in id + 1", "id + 1"), ("Java UDF", "java_plus_one(id)"),
            ("pandas UDF", "pandas_plus_one(id)"), ("Python UDF", "plus_one(id)"))


def source(t_env, name, rows):
    t_env.execute_sql("CREATE TEMPORARY TABLE %s (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '%d', "
                      "'rows-per-second' = '1000000000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
                      "'fields.id.end' = '%d')" % (name, rows, rows))


def run(t_env, table, expr):
    start = time.time()
    t_env.execute_sql("INSERT INTO sink SELECT %s FROM %s" % (expr, table)).wait()
    return time.time() - start


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
    t_env.get_config().set("parallelism.default", "1")
    source(t_env, "gen", rows)
    source(t_env, "warm_up", min(rows, 1000000))
    t_env.execute_sql("CREATE TEMPORARY TABLE sink (v BIGINT) WITH ('connector' = 'blackhole')")
    t_env.create_temporary_system_function("plus_one", plus_one)
    t_env.create_temporary_system_function("pandas_plus_one", pandas_plus_one)
    t_env.create_java_temporary_system_function("java_plus_one", "io.sluice.python.PlusOne")
    for _, expr in VARIANTS:
        run(t_env, "warm_up", expr)
    print("%-16s %10s %5s %10s %14s" % ("function", "rows", "runs", "median s", "rows/s"), flush=True)
    for name, expr in VARIANTS:
        seconds = statistics.median(run(t_env, "gen", expr) for _ in range(runs))
        print("%-16s %10d %5d %10.2f %14.0f" % (name, rows, runs, seconds, rows / seconds), flush=True)


if __name__ == '__main__':
    main()
