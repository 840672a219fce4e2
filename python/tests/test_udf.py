"""Python user-defined functions, as in PyFlink's "General User-defined Functions" and "Vectorized User-defined
Functions" pages."""

import unittest

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import call, col, lit
from sluice.table.udf import AggregateFunction, ScalarFunction, udf, udaf, udtf
from sluice.common import Row
from sluice.table.window import Tumble
from sluice.util.exceptions import JavaException


# the documentation's ways of defining a scalar function
class HashCode(ScalarFunction):
    def __init__(self):
        self.factor = 0

    def open(self, function_context):
        self.factor = int(function_context.get_job_parameter("hashcode_factor", "12"))

    def eval(self, s):
        return len(s) * self.factor


@udf(result_type=DataTypes.BIGINT())
def add(i, j):
    return i + j


class SubtractOne(ScalarFunction):
    def eval(self, i):
        return i - 1


subtract_one = udf(SubtractOne(), result_type=DataTypes.BIGINT())
add_lambda = udf(lambda i, j: i + j, result_type=DataTypes.BIGINT())


@udf(result_type='BIGINT', func_type="pandas")
def pandas_add(i, j):
    return i + j


def rows_of(table):
    with table.execute().collect() as results:
        return [tuple(r) for r in results]


class UdfTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        cls.t_env.get_config().set("parallelism.default", "1")
        cls.table = cls.t_env.from_elements([(1, 2, 'Hi'), (2, 5, 'Hello')], ['a', 'b', 'c'])

    def test_scalar_function_in_table_api_and_sql(self):
        hash_code = udf(HashCode(), result_type=DataTypes.BIGINT())
        self.assertEqual([('Hi', 24), ('Hello', 60)], rows_of(self.table.select(col('c'), hash_code(col('c')))))
        self.t_env.create_temporary_system_function("hash_code", udf(HashCode(), result_type=DataTypes.BIGINT()))
        self.t_env.create_temporary_view("MyTable", self.table)
        self.assertEqual([('Hi', 24), ('Hello', 60)],
                         rows_of(self.t_env.sql_query("SELECT c, hash_code(c) FROM MyTable")))

    def test_open_sees_job_parameters(self):
        # the documentation's HashCode example reads its factor from the global job parameters
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t_env.get_config().set("pipeline.global-job-parameters", "hashcode_factor:31")
        hash_code = udf(HashCode(), result_type=DataTypes.BIGINT())
        t = t_env.from_elements([('Hi',), ('Hello',)], ['c'])
        self.assertEqual([(62,), (155,)], rows_of(t.select(hash_code(col('c')))))

    def test_decorator_lambda_and_call(self):
        self.assertEqual([(3,), (7,)], rows_of(self.table.select(add(col('a'), col('b')))))
        self.assertEqual([(0,), (1,)], rows_of(self.table.select(subtract_one(col('a')))))
        self.assertEqual([(11,), (12,)], rows_of(self.table.select(add_lambda(col('a'), lit(10)))))
        self.t_env.create_temporary_system_function("add", add)
        self.assertEqual([(3,), (7,)], rows_of(self.table.select(call("add", col('a'), col('b')))))
        self.assertEqual([(3,), (7,)], rows_of(self.table.select(call(add, col('a'), col('b')))))

    def test_pandas_function(self):
        self.assertEqual([(3,), (7,)], rows_of(self.table.select(pandas_add(col('a'), col('b')))))
        self.t_env.create_temporary_system_function("pandas_add", pandas_add)
        self.t_env.create_temporary_view("PandasTable", self.table)
        self.assertEqual([(3,), (7,)], rows_of(self.t_env.sql_query("SELECT pandas_add(a, b) FROM PandasTable")))

    def test_pandas_function_receives_whole_batches(self):
        import pandas as pd

        @udf(result_type=DataTypes.BIGINT(), func_type="pandas")
        def batch_size(x):
            return pd.Series([len(x)] * len(x))

        t = self.t_env.from_elements([(i,) for i in range(100)], ['v'])
        self.assertEqual({100}, {r[0] for r in rows_of(t.select(batch_size(col('v'))))})

    def test_filter_and_nested_calls_with_python_functions(self):
        t = self.t_env.from_elements([(i,) for i in range(10)], ['v'])
        result = t.filter(col('v') > 6).select(add(subtract_one(col('v')), lit(100)), pandas_add(col('v'), col('v')))
        self.assertEqual([(106, 14), (107, 16), (108, 18)], rows_of(result))
        in_condition = t.filter(subtract_one(col('v')) > 7).select(col('v'))
        self.assertEqual([(9,)], rows_of(in_condition))

    def test_declared_input_types_and_other_result_types(self):
        @udf(input_types=[DataTypes.STRING()], result_type=DataTypes.STRING())
        def shout(s):
            return None if s == 'Hi' else s.upper() + '!'

        @udf(result_type=DataTypes.DOUBLE())
        def half(x):
            return x / 2

        @udf(result_type=DataTypes.BOOLEAN())
        def is_long(s):
            return len(s) > 3

        result = rows_of(self.table.select(shout(col('c')), half(col('b')), is_long(col('c'))))
        self.assertEqual([(None, 1.0, False), ('HELLO!', 2.5, True)], result)

    def test_null_arguments_reach_python_as_none(self):
        @udf(result_type=DataTypes.STRING())
        def describe(v):
            return "none" if v is None else "value %s" % v

        t = self.t_env.from_elements([(1,), (None,)], DataTypes.ROW([DataTypes.FIELD('v', DataTypes.BIGINT())]))
        self.assertEqual([('value 1',), ('none',)], rows_of(t.select(describe(col('v')))))

    def test_error_fails_the_job_with_the_python_traceback(self):
        @udf(result_type=DataTypes.BIGINT())
        def divide_by_zero(i):
            return i // 0

        with self.assertRaises(JavaException) as e:
            rows_of(self.table.select(divide_by_zero(col('a'))))
        message = str(e.exception)
        self.assertIn("Traceback (most recent call last)", message)
        self.assertIn("ZeroDivisionError", message)
        self.assertIn("return i // 0", message)

    def test_table_function(self):
        # "Table Functions" in PyFlink's documentation
        @udtf(result_types=[DataTypes.STRING(), DataTypes.INT()])
        def split(s):
            for w in s.split(" "):
                yield w, len(w)

        t = self.t_env.from_elements([(1, 'Hi world'), (2, ''), (3, 'Hello')], ['a', 'c'])
        joined = t.join_lateral(split(col('c')).alias('word', 'length')).select(col('a'), col('word'), col('length'))
        self.assertEqual([(1, 'Hi', 2), (1, 'world', 5), (2, '', 0), (3, 'Hello', 5)], rows_of(joined))
        self.t_env.create_temporary_system_function("split", split)
        self.t_env.create_temporary_view("Sentences", t)
        self.assertEqual([(1, 'Hi'), (1, 'world'), (3, 'Hello')], rows_of(self.t_env.sql_query(
            "SELECT a, word FROM Sentences, LATERAL TABLE(split(c)) AS T(word, length) WHERE length > 0")))

        @udtf(result_types=DataTypes.BIGINT())
        def nothing_for_odd(n):
            return [] if n % 2 else [n, n * 10]

        left = t.left_outer_join_lateral(nothing_for_odd(col('a')).alias('x')).select(col('a'), col('x'))
        self.assertEqual([(1, None), (2, 2), (2, 20), (3, None)], rows_of(left))

    def test_aggregate_function(self):
        # "Aggregate Functions" in PyFlink's documentation: a weighted average
        class WeightedAvg(AggregateFunction):
            def create_accumulator(self):
                return Row(0, 0)

            def get_value(self, accumulator):
                return None if accumulator[1] == 0 else accumulator[0] // accumulator[1]

            def accumulate(self, accumulator, value, weight):
                accumulator[0] += value * weight
                accumulator[1] += weight

            def retract(self, accumulator, value, weight):
                accumulator[0] -= value * weight
                accumulator[1] -= weight

            def get_result_type(self):
                return DataTypes.BIGINT()

            def get_accumulator_type(self):
                return DataTypes.ROW([DataTypes.FIELD("f0", DataTypes.BIGINT()),
                                      DataTypes.FIELD("f1", DataTypes.BIGINT())])

        weighted_avg = udaf(WeightedAvg())
        t = self.t_env.from_elements([(1, 2, "Lee"), (3, 4, "Jay"), (5, 6, "Jay"), (7, 8, "Lee")],
                                     ["value", "count", "name"])
        result = t.group_by(col('name')).select(col('name'), weighted_avg(col('value'), col('count')).alias('avg'))
        self.assertEqual([('Jay', 4), ('Lee', 5)], sorted(rows_of(result)))
        self.t_env.create_temporary_system_function("weighted_avg", udaf(WeightedAvg()))
        self.t_env.create_temporary_view("Scores", t)
        self.assertEqual([('Jay', 4), ('Lee', 5)], sorted(rows_of(self.t_env.sql_query(
            "SELECT name, weighted_avg(`value`, `count`) FROM Scores GROUP BY name"))))

    def test_pandas_aggregate_function(self):
        @udaf(result_type=DataTypes.DOUBLE(), func_type="pandas")
        def mean_udaf(v):
            return v.mean()

        t = self.t_env.from_elements([(1, 2.0), (1, 4.0), (2, 10.0)], ['k', 'v'])
        result = t.group_by(col('k')).select(col('k'), mean_udaf(col('v')).alias('m'))
        self.assertEqual([(1, 3.0), (2, 10.0)], sorted(rows_of(result)))
        timed = self.t_env.sql_query("SELECT * FROM (VALUES (TIMESTAMP '2024-01-01 12:00:00', 1.0),"
                                     " (TIMESTAMP '2024-01-01 12:10:00', 3.0), (TIMESTAMP '2024-01-01 13:10:00', 5.0))"
                                     " AS t(ts, v)")
        windowed = timed.window(Tumble.over(lit(1).hours).on(col('ts')).alias('w')).group_by(col('w')) \
            .select(col('w').start, mean_udaf(col('v')))
        self.assertEqual([2.0, 5.0], sorted(r[1] for r in rows_of(windowed)))

    def test_not_supported_yet(self):
        with self.assertRaises(NotImplementedError) as e:
            udtf(lambda s: [s], result_types=[DataTypes.STRING()], func_type="pandas")
        self.assertTrue(str(e.exception).startswith("not supported yet: "))


if __name__ == '__main__':
    unittest.main()
