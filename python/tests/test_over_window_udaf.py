"""Vectorized (pandas) Python aggregate functions in OVER windows, as PyFlink runs them: the Table API's
``over_window(Over...)`` with ``f(col('x')).over(col('w'))`` and SQL's ``f(x) OVER (...)``, ROWS and RANGE frames from an
offset or UNBOUNDED PRECEDING, in batch and streaming mode; general Python aggregate functions are rejected there with
PyFlink's errors."""

import os
import shutil
import tempfile
import unittest

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import array, col, lit, UNBOUNDED_RANGE, UNBOUNDED_ROW
from sluice.table.udf import AggregateFunction, udaf, udf
from sluice.table.window import Over
from sluice.util.exceptions import TableException, ValidationException


def rows_of(table):
    with table.execute().collect() as results:
        return sorted(tuple(r) for r in results)


@udaf(result_type=DataTypes.DOUBLE(), func_type="pandas")
def mean_udaf(v):
    return v.mean()


@udaf(result_type=DataTypes.STRING(), func_type="pandas")
def joined(s, n):
    # two arguments, each a pandas.Series of the frame's rows in window order
    return "|".join("%s%d" % (a, b) for a, b in zip(s, n))


class PySum(AggregateFunction):
    def create_accumulator(self):
        return [0]

    def accumulate(self, accumulator, value):
        accumulator[0] += value

    def retract(self, accumulator, value):
        accumulator[0] -= value

    def get_value(self, accumulator):
        return accumulator[0]


py_sum = udaf(PySum(), result_type=DataTypes.BIGINT())


class BatchOverWindowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        cls.t = cls.t_env.from_elements([(1, 'a', 1.0), (2, 'a', 2.0), (3, 'b', 3.0), (4, 'a', 6.0), (5, 'a', 7.0)],
                                        ['id', 'k', 'v'])

    def over(self, window, *select):
        return rows_of(self.t.over_window(window.alias('w')).select(*select))

    def test_rows_preceding(self):
        w = Over.partition_by(col('k')).order_by(col('id')).preceding(lit(1).rows)
        self.assertEqual([(1, 1.0), (2, 1.5), (3, 3.0), (4, 4.0), (5, 6.5)],
                         self.over(w, col('id'), mean_udaf(col('v')).over(col('w'))))

    def test_unbounded_rows_and_range(self):
        rows = Over.partition_by(col('k')).order_by(col('id')).preceding(UNBOUNDED_ROW)
        self.assertEqual([(1, 1.0), (2, 1.5), (3, 3.0), (4, 3.0), (5, 4.0)],
                         self.over(rows, col('id'), mean_udaf(col('v')).over(col('w'))))
        # RANGE over k: rows with the same k are peers and share the frame
        peers = Over.order_by(col('k')).preceding(UNBOUNDED_RANGE)
        self.assertEqual([(1, 4.0), (2, 4.0), (3, 3.8), (4, 4.0), (5, 4.0)],
                         self.over(peers, col('id'), mean_udaf(col('v')).over(col('w'))))

    def test_two_arguments(self):
        w = Over.order_by(col('id')).preceding(lit(2).rows)
        self.assertEqual([(1, 'a1'), (2, 'a1|a2'), (3, 'a1|a2|b3'), (4, 'a2|b3|a4'), (5, 'b3|a4|a5')],
                         self.over(w, col('id'), joined(col('k'), col('id')).over(col('w'))))

    def test_sql(self):
        self.t_env.create_temporary_function("mean_udaf", mean_udaf)
        self.t_env.create_temporary_view("readings", self.t)
        result = self.t_env.execute_sql(
            "SELECT id, mean_udaf(v) OVER (PARTITION BY k ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) "
            "FROM readings")
        with result.collect() as rows:
            self.assertEqual([(1, 1.0), (2, 1.5), (3, 3.0), (4, 3.0), (5, 5.0)], sorted(tuple(r) for r in rows))

    def test_general_python_aggregate_is_rejected_as_in_pyflink(self):
        w = Over.partition_by(col('k')).order_by(col('id')).preceding(lit(1).rows)
        with self.assertRaisesRegex(TableException, "non-Pandas UDAFs are not supported in batch mode currently"):
            self.over(w, col('id'), py_sum(col('id')).over(col('w')))

    def test_scalar_function_over_a_window_names_the_function(self):
        plus_one = udf(lambda i: i + 1, result_type=DataTypes.BIGINT(), name="plus_one")
        w = Over.partition_by(col('k')).order_by(col('id')).preceding(lit(1).rows)
        with self.assertRaisesRegex(ValidationException, "^OVER must be applied to an aggregate function, and "
                                                         "Python function plus_one is not one"):
            self.over(w, col('id'), plus_one(col('id')).over(col('w')))

    def test_sum0_over_a_window(self):
        w = Over.partition_by(col('k')).order_by(col('id')).preceding(lit(1).rows)
        self.assertEqual([(1, 1), (2, 3), (3, 3), (4, 6), (5, 9)],
                         self.over(w, col('id'), col('id').sum0.over(col('w'))))

    def test_element_of_an_array_constructor(self):
        self.assertEqual([(1, 'a'), (2, 'a'), (3, 'b'), (4, 'a'), (5, 'a')],
                         rows_of(self.t.select(array(col('id'), col('id') * 10).at(1),
                                               array(col('k'), lit('x')).at(1))))


class StreamingOverWindowTest(unittest.TestCase):
    """Event-time OVER windows over a CSV table with a watermark: each row is emitted once, with its frame's result,
    when the watermark passes its time."""

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

    def test_rows_and_range_frames(self):
        rows = self.events.over_window(Over.partition_by(col('k')).order_by(col('ts')).preceding(lit(1).rows)
                                       .alias('w')) \
            .select(col('k'), col('v'), mean_udaf(col('v')).over(col('w')))
        self.assertEqual([('a', 1, 1.0), ('a', 2, 1.5), ('a', 4, 5.5), ('a', 7, 4.5), ('b', 5, 5.0)], rows_of(rows))
        # RANGE 10 seconds: the frame of the row at 00:00:12 reaches back to 00:00:02
        ranged = self.events.over_window(Over.partition_by(col('k')).order_by(col('ts'))
                                         .preceding(lit(10).seconds).alias('w')) \
            .select(col('k'), col('v'), mean_udaf(col('v')).over(col('w')))
        self.assertEqual([('a', 1, 1.0), ('a', 2, 1.5), ('a', 4, 5.5), ('a', 7, 4.5), ('b', 5, 5.0)],
                         rows_of(ranged))

    def test_unbounded_preceding_in_sql(self):
        self.t_env.create_temporary_function("mean_udaf", mean_udaf)
        result = self.t_env.execute_sql(
            "SELECT k, v, mean_udaf(v) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN UNBOUNDED PRECEDING AND "
            "CURRENT ROW) FROM events")
        with result.collect() as rows:
            self.assertEqual([('a', 1, 1.0), ('a', 2, 1.5), ('a', 4, 3.5), ('a', 7, 10 / 3), ('b', 5, 5.0)],
                             sorted(tuple(r) for r in rows))

    def test_general_python_aggregate_is_rejected_as_in_pyflink(self):
        with self.assertRaisesRegex(TableException,
                                    "Non-Pandas Python UDAFs are not supported in stream mode currently"):
            rows_of(self.events.over_window(Over.partition_by(col('k')).order_by(col('ts'))
                                            .preceding(UNBOUNDED_RANGE).alias('w'))
                    .select(col('k'), py_sum(col('v')).over(col('w'))))


class LongPartitionTest(unittest.TestCase):
    """The accumulators live in the worker: a frame step sends one row. A long UNBOUNDED partition of strings and
    NULLs (kept as lists) and of numbers (kept in numpy columns), with results checked against pandas."""

    def test_unbounded_frames_of_mixed_values(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        n = 3000
        rows = [(i, None if i % 7 == 0 else float(i % 13), 's%d' % (i % 5)) for i in range(n)]
        t = t_env.from_elements(rows, DataTypes.ROW([DataTypes.FIELD('id', DataTypes.BIGINT()),
                                                     DataTypes.FIELD('v', DataTypes.DOUBLE()),
                                                     DataTypes.FIELD('s', DataTypes.STRING())]))

        @udaf(result_type=DataTypes.STRING(), func_type="pandas")
        def summary(v, s):
            return "%d/%d/%s/%.3f" % (len(v), v.isna().sum(), s.iloc[-1], v.sum())

        got = rows_of(t.over_window(Over.order_by(col('id')).preceding(UNBOUNDED_ROW).alias('w'))
                      .select(col('id'), summary(col('v'), col('s')).over(col('w'))))
        expected, total, nulls = [], 0.0, 0
        for i, v, s in rows:
            nulls += v is None
            total += v or 0.0
            expected.append((i, "%d/%d/%s/%.3f" % (i + 1, nulls, s, total)))
        self.assertEqual(expected, got)

    def test_a_failing_accumulate_fails_the_job_with_its_traceback(self):
        class Failing(PySum):
            def accumulate(self, accumulator, value):
                if value == 4:
                    raise ZeroDivisionError("no four")
                accumulator[0] += value

        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t = t_env.from_elements([(1, 'a'), (4, 'a'), (2, 'b')], ['v', 'k'])
        failing = udaf(Failing(), result_type=DataTypes.BIGINT())
        with self.assertRaisesRegex(Exception, "ZeroDivisionError: no four"):
            rows_of(t.group_by(col('k')).select(col('k'), failing(col('v'))))


class FrameRowsTest(unittest.TestCase):
    """The accumulator of a pandas aggregate function, alone."""

    def test_columns_follow_pandas_inference(self):
        from sluice.fn_execution.frame_rows import FrameRows
        f = FrameRows()
        for row in [(1, 'a', True), (2, 'b', False)]:
            f.add(row)
        self.assertEqual(['int64', 'object', 'bool'], [str(c.dtype) for c in f.series()])
        f.add((2.5, None, True))
        self.assertEqual(['float64', 'object', 'bool'], [str(c.dtype) for c in f.series()])
        f.remove((1, 'a', True))
        self.assertEqual([[2.0, 2.5], ['b', None]], [list(c) for c in f.series()[:2]])

    def test_oldest_equal_row_leaves_and_nan_is_itself(self):
        import math
        import pickle
        from sluice.fn_execution.frame_rows import FrameRows
        f = FrameRows()
        for i in range(5000):
            f.add((i % 3, float('nan') if i % 4 == 0 else float(i)))
        for i in range(4000):
            f.remove((i % 3, float('nan') if i % 4 == 0 else float(i)))
        self.assertEqual(1000, len(f))
        f.remove((4501 % 3, 4501.0))
        self.assertEqual(999, len(f))
        back = pickle.loads(pickle.dumps(f))
        self.assertEqual([list(c) for c in f.series()][0], [list(c) for c in back.series()][0])
        self.assertTrue(math.isnan(back.series()[1].iloc[0]))
        with self.assertRaisesRegex(ValueError, "not given"):
            f.remove((9, 9.0))


if __name__ == '__main__':
    unittest.main()
