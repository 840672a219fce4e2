"""Rows per second of a trivial scalar function (v + 1) over N generated rows, as a Python function (row at a time),
a pandas function and the same function in Java, each in `INSERT INTO blackhole SELECT f(id) FROM datagen`.

Run from the repository root after `mvn -pl python-gateway -am test-compile package -DskipTests`:

    SLUICE_GATEWAY_CLASSPATH="python-gateway/target/classes:python-gateway/target/test-classes:python-gateway/target/lib/*" \\
        PYTHONPATH=python /usr/bin/python3 python/benchmarks/udf_benchmark.py 10000000
"""

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


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
    t_env.get_config().set("parallelism.default", "1")
    t_env.execute_sql("CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '%d', "
                      "'rows-per-second' = '1000000000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
                      "'fields.id.end' = '%d')" % (rows, rows))
    t_env.execute_sql("CREATE TABLE sink (v BIGINT) WITH ('connector' = 'blackhole')")
    t_env.create_temporary_system_function("plus_one", plus_one)
    t_env.create_temporary_system_function("pandas_plus_one", pandas_plus_one)
    t_env.create_java_temporary_system_function("java_plus_one", "io.sluice.python.PlusOne")
    for name, expr in (("built-in id + 1", "id + 1"), ("Java UDF", "java_plus_one(id)"),
                       ("pandas UDF", "pandas_plus_one(id)"), ("Python UDF", "plus_one(id)")):
        start = time.time()
        t_env.execute_sql("INSERT INTO sink SELECT %s FROM gen" % expr).wait()
        seconds = time.time() - start
        print("%-16s %10d rows %7.2f s %12.0f rows/s" % (name, rows, seconds, rows / seconds), flush=True)


if __name__ == '__main__':
    main()
