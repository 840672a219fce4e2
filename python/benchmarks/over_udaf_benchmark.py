"""Seconds for a pandas aggregate function in an OVER window over N generated rows in one partition, batch mode,
parallelism 1: `mean(v) OVER (ORDER BY id ROWS 10 PRECEDING)` and `... ROWS UNBOUNDED PRECEDING`, and the built-in
AVG for comparison. Each variant runs once on a smaller input to warm the JVM up, then RUNS times; the figures are
the medians.

Run from the repository root after `mvn -pl python-gateway -am package -DskipTests`:

    PYTHONPATH=python /usr/bin/python3 python/benchmarks/over_udaf_benchmark.py 10000 3
"""

import statistics
import sys
import time

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.udf import udaf


@udaf(result_type=DataTypes.DOUBLE(), func_type="pandas")
def mean_udaf(v):
    return v.mean()


VARIANTS = (("built-in AVG, ROWS 10 PRECEDING", "AVG(v)", "ROWS BETWEEN 10 PRECEDING AND CURRENT ROW"),
            ("pandas UDAF, ROWS 10 PRECEDING", "mean_udaf(v)", "ROWS BETWEEN 10 PRECEDING AND CURRENT ROW"),
            ("pandas UDAF, ROWS UNBOUNDED PRECEDING", "mean_udaf(v)",
             "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"))


def source(t_env, name, rows):
    t_env.execute_sql("CREATE TEMPORARY TABLE %s (id BIGINT, v DOUBLE) WITH ('connector' = 'datagen', "
                      "'number-of-rows' = '%d', 'rows-per-second' = '1000000000', 'fields.id.kind' = 'sequence', "
                      "'fields.id.start' = '1', 'fields.id.end' = '%d', 'fields.v.min' = '0', 'fields.v.max' = '100')"
                      % (name, rows, rows))


def run(t_env, table, agg, frame):
    start = time.time()
    t_env.execute_sql("INSERT INTO sink SELECT id, %s OVER (ORDER BY id %s) FROM %s" % (agg, frame, table)).wait()
    return time.time() - start


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
    t_env.get_config().set("parallelism.default", "1")
    t_env.create_temporary_function("mean_udaf", mean_udaf)
    t_env.execute_sql("CREATE TEMPORARY TABLE sink (id BIGINT, m DOUBLE) WITH ('connector' = 'blackhole')")
    source(t_env, "warm", 1000)
    source(t_env, "src", rows)
    print("| variant (%d rows, one partition) | median s | rows/s |" % rows)
    print("| --- | ---: | ---: |")
    for name, agg, frame in VARIANTS:
        run(t_env, "warm", agg, frame)
        median = statistics.median(run(t_env, "src", agg, frame) for _ in range(runs))
        print("| %s | %.2f | %s |" % (name, median, format(int(rows / median), ",")))


if __name__ == "__main__":
    main()
