"""ARRAY, MAP, MULTISET and ROW values in Python, as PyFlink has them: ``DataTypes.ARRAY``/``MAP``/``MULTISET``/
``ROW`` in schemas and function signatures; lists, dicts and ``Row``s in ``from_elements``, ``from_pandas``,
``collect()``, ``to_pandas()`` and Python functions."""

import unittest

import pandas as pd

from sluice.common import Row
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import col
from sluice.table.udf import AggregateFunction, udaf, udf, udtf


class CollectionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())

    def test_collect_gives_lists_dicts_and_rows(self):
        sql = ("SELECT ARRAY[1, 2, 3] AS a, MAP['k', 1, 'j', 2] AS m, ROW(1, 'x') AS r, "
               "ARRAY[ARRAY['p'], ARRAY['q', CAST(NULL AS STRING)]] AS nested, CASE WHEN 1 = 0 THEN ARRAY[1] END AS n")
        with self.t_env.execute_sql(sql).collect() as results:
            rows = list(results)
        self.assertEqual(1, len(rows))
        a, m, r, nested, n = rows[0]
        self.assertEqual([1, 2, 3], a)
        self.assertEqual({'k': 1, 'j': 2}, m)
        self.assertEqual([1, 'x'], list(r))
        self.assertEqual([['p'], ['q', None]], nested)
        self.assertIsNone(n)

    def test_to_pandas_holds_python_objects(self):
        df = self.t_env.sql_query("SELECT * FROM (VALUES (1, ARRAY[10, 20]), (2, ARRAY[30])) AS t(id, xs)") \
            .to_pandas()
        self.assertEqual(object, df['xs'].dtype)
        self.assertEqual([[10, 20], [30]], sorted(df['xs'].tolist()))

    def test_from_elements_with_a_schema(self):
        schema = DataTypes.ROW([DataTypes.FIELD("id", DataTypes.INT()),
                                DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())),
                                DataTypes.FIELD("attrs", DataTypes.MAP(DataTypes.STRING(), DataTypes.BIGINT())),
                                DataTypes.FIELD("point", DataTypes.ROW([DataTypes.FIELD("x", DataTypes.DOUBLE()),
                                                                        DataTypes.FIELD("y", DataTypes.DOUBLE())]))])
        table = self.t_env.from_elements(
            [(1, ['a', 'b'], {'x': 1, 'y': 2}, Row(1.5, 2.5)), (2, [], {}, None), (3, None, None, Row(0.0, -1.0))],
            schema)
        self.assertEqual("ARRAY<STRING>", str(table.get_schema().get_field_data_type("tags")))
        self.t_env.create_temporary_view("things", table)
        result = self.t_env.execute_sql(
            "SELECT id, CARDINALITY(tags) AS n, attrs['y'] AS y, point.x AS px FROM things ORDER BY id")
        with result.collect() as it:
            self.assertEqual([[1, 2, 2, 1.5], [2, 0, None, None], [3, None, None, 0.0]], [list(r) for r in it])
        with table.execute().collect() as it:
            back = list(it)
        self.assertEqual(['a', 'b'], back[0][1])
        self.assertEqual({'x': 1, 'y': 2}, back[0][2])
        self.assertEqual(Row(x=1.5, y=2.5), back[0][3])
        self.assertEqual(1.5, back[0][3].x)

    def test_from_elements_infers_collection_types(self):
        table = self.t_env.from_elements([(1, ['a', 'b'], {'k': 1.5})], ['id', 'tags', 'm'])
        self.assertEqual(["BIGINT", "ARRAY<STRING>", "MAP<STRING, DOUBLE>"],
                         [str(t) for t in table.get_schema().get_field_data_types()])

    def test_from_pandas_round_trip(self):
        df = pd.DataFrame({'id': [1, 2], 'xs': [[1, 2], [3]], 'm': [{'a': 'b'}, None]})
        schema = DataTypes.ROW([DataTypes.FIELD("id", DataTypes.BIGINT()),
                                DataTypes.FIELD("xs", DataTypes.ARRAY(DataTypes.BIGINT())),
                                DataTypes.FIELD("m", DataTypes.MAP(DataTypes.STRING(), DataTypes.STRING()))])
        out = self.t_env.from_pandas(df, schema).to_pandas()
        self.assertEqual([[1, 2], [3]], out['xs'].tolist())
        self.assertEqual([{'a': 'b'}, None], out['m'].tolist())

    def test_python_functions_take_and_return_collections(self):
        @udf(input_types=[DataTypes.ARRAY(DataTypes.BIGINT())], result_type=DataTypes.ARRAY(DataTypes.STRING()))
        def labels(xs):
            return ["#%d" % x for x in xs]

        @udf(input_types=[DataTypes.ARRAY(DataTypes.BIGINT())],
             result_type=DataTypes.MAP(DataTypes.STRING(), DataTypes.BIGINT()), func_type="pandas")
        def stats(xs):
            return pd.Series([{'n': len(x), 'sum': sum(x)} for x in xs])

        @udf(input_types=[DataTypes.MAP(DataTypes.STRING(), DataTypes.BIGINT())],
             result_type=DataTypes.ROW([DataTypes.FIELD("k", DataTypes.STRING()),
                                        DataTypes.FIELD("v", DataTypes.BIGINT())]))
        def largest(m):
            k = max(m, key=m.get)
            return Row(k, m[k])

        table = self.t_env.from_elements([([3, 1, 2],), ([5],)], ['xs'])
        result = table.select(labels(col('xs')).alias('l'), stats(col('xs')).alias('s')) \
            .select(col('l'), col('s'), largest(col('s')).alias('top'))
        with result.execute().collect() as it:
            rows = [list(r) for r in it]
        self.assertEqual(['#3', '#1', '#2'], rows[0][0])
        self.assertEqual({'n': 3, 'sum': 6}, rows[0][1])
        self.assertEqual(['sum', 6], list(rows[0][2]))
        self.assertEqual(['#5'], rows[1][0])
        self.assertEqual(['sum', 5], list(rows[1][2]))

    def test_table_and_aggregate_functions_return_collections(self):
        @udtf(result_types=[DataTypes.STRING(), DataTypes.ARRAY(DataTypes.BIGINT())])
        def positions(line):
            words = line.split()
            for w in sorted(set(words)):
                yield w, [i for i, x in enumerate(words) if x == w]

        class Collect(AggregateFunction):
            def create_accumulator(self):
                return []

            def accumulate(self, acc, v):
                acc.append(v)

            def get_value(self, acc):
                return sorted(acc)

        collect = udaf(Collect(), result_type=DataTypes.ARRAY(DataTypes.BIGINT()))
        lines = self.t_env.from_elements([(1, 'a b a')], ['id', 'line'])
        with lines.join_lateral(positions(col('line')).alias('w', 'at')).select(col('w'), col('at')) \
                .execute().collect() as it:
            self.assertEqual([['a', [0, 2]], ['b', [1]]], sorted(list(r) for r in it))
        sales = self.t_env.from_elements([('x', 3), ('x', 1), ('y', 2)], ['k', 'v'])
        with sales.group_by(col('k')).select(col('k'), collect(col('v')).alias('vs')).execute().collect() as it:
            self.assertEqual([['x', [1, 3]], ['y', [2]]], sorted(list(r) for r in it))

    def test_data_types_print_as_sql(self):
        t = DataTypes.MAP(DataTypes.STRING(), DataTypes.ARRAY(DataTypes.INT(False)), nullable=False)
        self.assertEqual("MAP<STRING, ARRAY<INT NOT NULL>> NOT NULL", str(t))
        self.assertEqual("MULTISET<STRING>", str(DataTypes.MULTISET(DataTypes.STRING())))


if __name__ == '__main__':
    unittest.main()
