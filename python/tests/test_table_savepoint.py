"""``TableResult.get_job_client()``: stop a running INSERT with a savepoint and resume it from the savepoint."""

import os
import shutil
import tempfile
import time
import unittest

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.table_result import JobStatus
from sluice.table.udf import udaf, udf

ROWS = 3000


def lines(directory):
    out = []
    for root, _, files in os.walk(directory):
        for name in files:
            if not name.startswith("."):
                with open(os.path.join(root, name)) as f:
                    out += [line for line in f.read().splitlines() if line]
    return out


@udf(result_type=DataTypes.BIGINT())
def times_ten(v):
    return v * 10


def environment(out, savepoint=None):
    t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
    if savepoint is not None:
        t_env.get_config().set("execution.savepoint.path", savepoint)
    t_env.execute_sql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1500', "
                      "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '%d')" % ROWS)
    t_env.execute_sql("CREATE TABLE snk (id BIGINT, x BIGINT) WITH ('connector' = 'filesystem', 'path' = '%s', "
                      "'format' = 'csv')" % out)
    t_env.create_temporary_system_function("times_ten", times_ten)
    return t_env


@udaf(result_type=DataTypes.BIGINT(), func_type="pandas")
def row_count(v):
    return len(v)


class TableSavepointTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_stop_with_savepoint_and_resume(self):
        out = os.path.join(self.dir, "out")
        insert = "INSERT INTO snk SELECT id, times_ten(id) FROM src"
        result = environment(out).execute_sql(insert)
        client = result.get_job_client()
        time.sleep(0.8)  # the source needs 2 s for all its rows: stop it part way
        self.assertEqual(JobStatus.RUNNING, client.get_job_status().result())
        kept = client.trigger_savepoint(os.path.join(self.dir, "kept")).result()
        self.assertTrue(os.path.exists(kept), kept)
        savepoint = client.stop_with_savepoint(False, os.path.join(self.dir, "savepoints")).result()
        self.assertTrue(os.path.exists(savepoint), savepoint)
        client.get_job_execution_result().result()
        before = len(lines(out))
        self.assertTrue(0 < before < ROWS, "stopped part way: %d rows" % before)

        environment(out, savepoint).execute_sql(insert).wait()
        rows = sorted(tuple(map(int, line.split(","))) for line in lines(out))
        self.assertEqual([(i, i * 10) for i in range(1, ROWS + 1)], rows, "every row once")

    def test_over_window_accumulators_resume_from_a_savepoint(self):
        # a pandas aggregate over UNBOUNDED PRECEDING frames: each partition's accumulator is in the savepoint, so
        # the resumed job continues every partition's count
        out = os.path.join(self.dir, "out")
        insert = ("INSERT INTO snk SELECT id, row_count(id) OVER (PARTITION BY MOD(id, 3) ORDER BY pt "
                  "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM timed")

        def over_environment(savepoint=None):
            t_env = environment(out, savepoint)
            t_env.execute_sql("CREATE TEMPORARY VIEW timed AS SELECT id, PROCTIME() AS pt FROM src")
            t_env.create_temporary_system_function("row_count", row_count)
            return t_env

        client = over_environment().execute_sql(insert).get_job_client()
        time.sleep(0.8)
        savepoint = client.stop_with_savepoint(False, os.path.join(self.dir, "savepoints")).result()
        client.get_job_execution_result().result()
        before = len(lines(out))
        self.assertTrue(0 < before < ROWS, "stopped part way: %d rows" % before)

        over_environment(savepoint).execute_sql(insert).wait()
        rows = sorted(tuple(map(int, line.split(","))) for line in lines(out))
        self.assertEqual([(i, (i - 1) // 3 + 1) for i in range(1, ROWS + 1)], rows, "every row once, counts go on")

    def test_stop_with_savepoint_and_drain_fires_every_window(self):
        # the watermark lags an hour behind the rows, so no window fires while the job runs; draining (Flink's
        # advance_to_end_of_event_time=True) sends the final watermark through the job before the savepoint
        out = os.path.join(self.dir, "out")
        t_env = environment(out)
        t_env.execute_sql("CREATE TABLE timed (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), "
                          "WATERMARK FOR ts AS ts - INTERVAL '1' HOUR) WITH ('connector' = 'datagen', "
                          "'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
                          "'fields.id.end' = '%d')" % ROWS)
        client = t_env.execute_sql("INSERT INTO snk SELECT COUNT(*), MAX(id) FROM TABLE(TUMBLE(TABLE timed, "
                                   "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end") \
            .get_job_client()
        time.sleep(0.8)
        self.assertEqual([], lines(out), "no window fired before the drain")
        savepoint = client.stop_with_savepoint(True, os.path.join(self.dir, "savepoints")).result()
        self.assertTrue(os.path.exists(savepoint), savepoint)
        client.get_job_execution_result().result()
        self.assertEqual(JobStatus.FINISHED, client.get_job_status().result())
        windows = [tuple(map(int, line.split(","))) for line in lines(out)]
        count = sum(c for c, _ in windows)
        self.assertTrue(0 < count < ROWS, "stopped part way: %d rows" % count)
        self.assertEqual(max(hi for _, hi in windows), count, "every row read (1 .. n) is in an emitted window")

    def test_savepoint_directory_from_the_config(self):
        out = os.path.join(self.dir, "out")
        t_env = environment(out)
        client = t_env.execute_sql("INSERT INTO snk SELECT id, id FROM src").get_job_client()
        try:
            with self.assertRaisesRegex(ValueError, "needs a savepoint_directory"):
                client.trigger_savepoint()
            t_env.get_config().set("execution.checkpointing.savepoint-dir", os.path.join(self.dir, "configured"))
            savepoint = client.stop_with_savepoint(False).result()
            self.assertTrue(savepoint.startswith(os.path.join(self.dir, "configured")), savepoint)
        finally:
            client.cancel()


if __name__ == "__main__":
    unittest.main()
