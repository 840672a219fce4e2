"""Python aggregate functions per group window (``window(...).group_by(...).aggregate``/``flat_aggregate``,
general and pandas), in session windows, and PyFlink's row-based ``aggregate`` with a ROW result."""

import os
import shutil
import tempfile
import unittest

from sluice.common import Row
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table import expressions as expr
from sluice.table.expressions import col, lit
from sluice.table.udf import AggregateFunction, TableAggregateFunction, udaf, udtaf
from sluice.table.window import Session, Slide, Tumble
from sluice.util.exceptions import ValidationException


def rows_of(table):
    with table.execute().collect() as results:
        return [tuple(r) for r in results]


def as_text(rows):
    return sorted(tuple(str(v) for v in r) for r in rows)


class PySum(AggregateFunction):
    """A sum with ``merge``, as PyFlink's session windows and two-phase aggregation ask of a function."""

    def create_accumulator(self):
        return [0]

    def accumulate(self, accumulator, value):
        accumulator[0] += value

    def retract(self, accumulator, value):
        accumulator[0] -= value

    def merge(self, accumulator, accumulators):
        for other in accumulators:
            accumulator[0] += other[0]

    def get_value(self, accumulator):
        return accumulator[0]


py_sum = udaf(PySum(), result_type=DataTypes.BIGINT())


@udaf(result_type=DataTypes.DOUBLE(), func_type="pandas")
def mean_udaf(v):
    return v.mean()


class RankedTop2(TableAggregateFunction):
    def create_accumulator(self):
        return []

    def accumulate(self, accumulator, value):
        accumulator.append(value)

    def emit_value(self, accumulator):
        for rank, value in enumerate(sorted(accumulator, reverse=True)[:2], start=1):
            yield value, rank


ranked_top2 = udtaf(RankedTop2(), result_type=DataTypes.ROW([DataTypes.FIELD("v", DataTypes.INT()),
                                                            DataTypes.FIELD("rank", DataTypes.INT())]))


class MyMinMax(AggregateFunction):
    """PyFlink's documented row-based aggregate: every column arrives as one Row, the result is a Row."""

    def create_accumulator(self):
        return Row(0, 0)

    def accumulate(self, accumulator, row):
        if row.a < accumulator[0]:
            accumulator[0] = row.a
        if row.a > accumulator[1]:
            accumulator[1] = row.a

    def get_value(self, accumulator):
        return Row(accumulator[0], accumulator[1])


class StreamingWindowAggregateTest(unittest.TestCase):
    """Event-time windows over a CSV table with a watermark, in streaming mode."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        with open(os.path.join(cls.dir, "events.csv"), "w") as f:
            f.write("a,1,2024-01-01 00:00:01\n"
                    "a,2,2024-01-01 00:00:02\n"
                    "b,5,2024-01-01 00:00:03\n"
                    "a,7,2024-01-01 00:00:12\n"
                    "a,4,2024-01-01 00:00:15\n")
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        cls.t_env.execute_sql("CREATE TABLE events (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
                              "WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv')" % cls.dir)
        cls.events = cls.t_env.from_path("events")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_pandas_aggregate_per_tumble_window(self):
        result = self.events.window(Tumble.over(lit(10).seconds).on(col('ts')).alias('w')) \
            .group_by(col('k'), col('w')) \
            .aggregate(mean_udaf(col('v')).alias('m')) \
            .select(col('k'), col('m'), col('w').start.alias('ws'), col('w').end.alias('we'))
        self.assertEqual(['k', 'm', 'ws', 'we'], result.get_schema().get_field_names())
        self.assertEqual([('a', '1.5', '2024-01-01 00:00:00', '2024-01-01 00:00:10'),
                          ('a', '5.5', '2024-01-01 00:00:10', '2024-01-01 00:00:20'),
                          ('b', '5.0', '2024-01-01 00:00:00', '2024-01-01 00:00:10')], as_text(rows_of(result)))

    def test_documented_pandas_aggregate_with_row_result(self):
        # PyFlink's "Row-based Operations: Aggregate" window example: the function gets every column as a DataFrame
        pandas_udaf = udaf(lambda pd: (pd.v.mean(), pd.v.max()),
                           result_type=DataTypes.ROW([DataTypes.FIELD("a", DataTypes.DOUBLE()),
                                                      DataTypes.FIELD("b", DataTypes.INT())]),
                           func_type="pandas")
        tumble_window = Tumble.over(expr.lit(10).seconds).on(expr.col("ts")).alias("w")
        result = self.events.select(self.events.v, self.events.ts) \
            .window(tumble_window) \
            .group_by(col("w")) \
            .aggregate(pandas_udaf.alias("d", "e")) \
            .select(col("w").rowtime, col("d"), col("e"))
        self.assertEqual([('2024-01-01 00:00:09.999000', '2.6666666666666665', '5'),
                          ('2024-01-01 00:00:19.999000', '5.5', '7')], as_text(rows_of(result)))

    def test_general_aggregate_per_session_window(self):
        # the engine recomputes a merged session from its rows; the function's merge is not needed
        result = self.events.window(Session.with_gap(lit(5).seconds).on(col('ts')).alias('w')) \
            .group_by(col('k'), col('w')) \
            .aggregate(py_sum(col('v')).alias('total')) \
            .select(col('k'), col('total'), col('w').start.alias('ws'), col('w').end.alias('we'))
        self.assertEqual([('a', '11', '2024-01-01 00:00:12', '2024-01-01 00:00:20'),
                          ('a', '3', '2024-01-01 00:00:01', '2024-01-01 00:00:07'),
                          ('b', '5', '2024-01-01 00:00:03', '2024-01-01 00:00:08')], as_text(rows_of(result)))

    def test_python_aggregates_in_window_select_and_sql_session_window(self):
        windowed = self.events.window(Slide.over(lit(10).seconds).every(lit(5).seconds).on(col('ts')).alias('w')) \
            .group_by(col('w')) \
            .select(col('w').start.alias('ws'), py_sum(col('v')).alias('s'), mean_udaf(col('v')).alias('m'))
        self.assertEqual([('2023-12-31 23:59:55', '8', '2.6666666666666665'),
                          ('2024-01-01 00:00:00', '8', '2.6666666666666665'),
                          ('2024-01-01 00:00:05', '7', '7.0'),
                          ('2024-01-01 00:00:10', '11', '5.5'),
                          ('2024-01-01 00:00:15', '4', '4.0')], as_text(rows_of(windowed)))
        self.t_env.create_temporary_system_function("py_sum", py_sum)
        sql = self.t_env.sql_query(
            "SELECT k, window_start, window_end, py_sum(v) AS s FROM TABLE(SESSION(TABLE events PARTITION BY k, "
            "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY k, window_start, window_end")
        self.assertEqual([('a', '2024-01-01 00:00:01', '2024-01-01 00:00:07', '3'),
                          ('a', '2024-01-01 00:00:12', '2024-01-01 00:00:20', '11'),
                          ('b', '2024-01-01 00:00:03', '2024-01-01 00:00:08', '5')], as_text(rows_of(sql)))

    def test_session_windows_that_touch_merge(self):
        # as in Flink, rows exactly the gap apart are one session: a's three rows 5 s apart form [1 s, 16 s); b's
        # second row, 1 ms more than the gap after the first, opens a session of its own
        with open(os.path.join(self.dir, "touching.csv"), "w") as f:
            f.write("a,1,2024-01-01 00:00:01\n"
                    "a,2,2024-01-01 00:00:06\n"
                    "a,3,2024-01-01 00:00:11\n"
                    "b,4,2024-01-01 00:00:01\n"
                    "b,5,2024-01-01 00:00:06.001\n")
        self.t_env.execute_sql("CREATE TABLE touching (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
                               "WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv')"
                               % os.path.join(self.dir, "touching.csv"))
        self.t_env.create_temporary_system_function("touch_sum", py_sum)
        expected = [('a', '2024-01-01 00:00:01', '2024-01-01 00:00:16', '6'),
                    ('b', '2024-01-01 00:00:01', '2024-01-01 00:00:06', '4'),
                    ('b', '2024-01-01 00:00:06.001000', '2024-01-01 00:00:11.001000', '5')]
        sql = self.t_env.sql_query(
            "SELECT k, window_start, window_end, touch_sum(v) AS s FROM TABLE(SESSION(TABLE touching PARTITION BY k, "
            "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY k, window_start, window_end")
        self.assertEqual(expected, as_text(rows_of(sql)))
        table = self.t_env.from_path("touching") \
            .window(Session.with_gap(lit(5).seconds).on(col('ts')).alias('w')) \
            .group_by(col('k'), col('w')) \
            .select(col('k'), col('w').start.alias('ws'), col('w').end.alias('we'), col('v').sum.alias('s'))
        self.assertEqual(expected, as_text(rows_of(table)))

    def test_flat_aggregate_per_window(self):
        result = self.events.window(Tumble.over(lit(10).seconds).on(col('ts')).alias('w')) \
            .group_by(col('k'), col('w')) \
            .flat_aggregate(ranked_top2(col('v')).alias('top', 'rank')) \
            .select(col('k'), col('top'), col('rank'), col('w').start.alias('ws'))
        self.assertEqual([('a', '1', '2', '2024-01-01 00:00:00'), ('a', '2', '1', '2024-01-01 00:00:00'),
                          ('a', '4', '2', '2024-01-01 00:00:10'), ('a', '7', '1', '2024-01-01 00:00:10'),
                          ('b', '5', '1', '2024-01-01 00:00:00')], as_text(rows_of(result)))

    def test_flat_aggregate_per_session_window(self):
        result = self.events.window(Session.with_gap(lit(5).seconds).on(col('ts')).alias('w')) \
            .group_by(col('k'), col('w')) \
            .flat_aggregate(ranked_top2(col('v')).alias('top', 'rank')) \
            .select(col('k'), col('top'), col('rank'), col('w').start.alias('ws'), col('w').end.alias('we'))
        self.assertEqual([('a', '1', '2', '2024-01-01 00:00:01', '2024-01-01 00:00:07'),
                          ('a', '2', '1', '2024-01-01 00:00:01', '2024-01-01 00:00:07'),
                          ('a', '4', '2', '2024-01-01 00:00:12', '2024-01-01 00:00:20'),
                          ('a', '7', '1', '2024-01-01 00:00:12', '2024-01-01 00:00:20'),
                          ('b', '5', '1', '2024-01-01 00:00:03', '2024-01-01 00:00:08')], as_text(rows_of(result)))

    def test_flat_aggregate_per_window_with_every_column(self):
        class MaxOfRow(TableAggregateFunction):
            def create_accumulator(self):
                return [None]

            def accumulate(self, accumulator, row):
                if accumulator[0] is None or row.v > accumulator[0]:
                    accumulator[0] = row.v

            def emit_value(self, accumulator):
                yield Row(accumulator[0])

        max_of_row = udtaf(MaxOfRow(), result_type=DataTypes.ROW([DataTypes.FIELD("mx", DataTypes.INT())]))
        result = self.events.select(col('v'), col('ts')) \
            .window(Tumble.over(lit(10).seconds).on(col('ts')).alias('w')) \
            .group_by(col('w')) \
            .flat_aggregate(max_of_row) \
            .select(col('mx'), col('w').end.alias('we'))
        self.assertEqual([('5', '2024-01-01 00:00:10'), ('7', '2024-01-01 00:00:20')], as_text(rows_of(result)))

class TwoPhaseAggregateTest(unittest.TestCase):
    def test_python_aggregate_with_the_two_phase_strategy(self):
        # PyFlink splits an aggregation with merge into local and global phases; the engine aggregates user-defined
        # functions in one phase, with the same results
        t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        config = t_env.get_config()
        config.set("table.exec.mini-batch.enabled", "true")
        config.set("table.exec.mini-batch.allow-latency", "100 ms")
        config.set("table.exec.mini-batch.size", "100")
        config.set("table.optimizer.agg-phase-strategy", "TWO_PHASE")
        t = t_env.from_elements([(i % 3, i) for i in range(30)], ['k', 'v'])
        result = t.group_by(col('k')).select(col('k'), py_sum(col('v')).alias('s'), col('v').sum.alias('s2'),
                                             mean_udaf(col('v')).alias('m'))
        with result.execute().collect() as results:
            final = {}
            for r in results:
                if r.get_row_kind().name in ('INSERT', 'UPDATE_AFTER'):
                    final[r[0]] = tuple(r)[1:]
                else:
                    final.pop(r[0], None)
        self.assertEqual({0: (135, 135, 13.5), 1: (145, 145, 14.5), 2: (155, 155, 15.5)}, final)


class RowBasedAggregateTest(unittest.TestCase):
    """PyFlink's documented ``aggregate`` with a general and a pandas function returning several columns."""

    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        cls.t = cls.t_env.from_elements([(1, 2), (2, 1), (1, 3)], ['a', 'b'])

    def test_documented_group_by_aggregate(self):
        row = DataTypes.ROW([DataTypes.FIELD("a", DataTypes.BIGINT()), DataTypes.FIELD("b", DataTypes.BIGINT())])
        agg = udaf(MyMinMax(), result_type=row, accumulator_type=row)
        result = self.t.group_by(self.t.a).aggregate(agg.alias("c", "d")).select(col('*'))
        self.assertEqual(['a', 'c', 'd'], result.get_schema().get_field_names())
        self.assertEqual([(1, 0, 1), (2, 0, 2)], sorted(rows_of(result)))
        # without alias the columns take the ROW's field names
        named = udaf(MyMinMax(), result_type=DataTypes.ROW([DataTypes.FIELD("mn", DataTypes.BIGINT()),
                                                            DataTypes.FIELD("mx", DataTypes.BIGINT())]))
        self.assertEqual([(0, 1, 1), (0, 2, 2)], sorted(rows_of(
            self.t.group_by(col('a')).aggregate(named).select(col('mn'), col('mx'), col('a')))))

    def test_documented_pandas_aggregate_of_the_whole_table(self):
        pandas_udaf = udaf(lambda pd: (pd.b.mean(), pd.b.max()),
                           result_type=DataTypes.ROW([DataTypes.FIELD("a", DataTypes.FLOAT()),
                                                      DataTypes.FIELD("b", DataTypes.INT())]),
                           func_type="pandas")
        result = self.t.aggregate(pandas_udaf.alias("a", "b")).select(col('*'))
        self.assertEqual([(2.0, 3)], rows_of(result))

    def test_one_value_aggregate_and_errors(self):
        result = self.t.group_by(col('a')).aggregate(py_sum(col('b')).alias('s')).select(col('a'), col('s'))
        self.assertEqual([(1, 5), (2, 1)], sorted(rows_of(result)))
        with self.assertRaisesRegex(ValidationException, "names 2 columns"):
            self.t.group_by(col('a')).aggregate(py_sum(col('b')).alias('x', 'y'))


if __name__ == "__main__":
    unittest.main()
