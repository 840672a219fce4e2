"""Python table aggregate functions (``udtaf``) with ``flat_aggregate``, as in PyFlink's "Table Aggregate
Functions" and "FlatAggregate" documentation."""

import unittest

from sluice.common import Row, RowKind
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import call, col
from sluice.table.udf import TableAggregateFunction, udtaf


class Top2(TableAggregateFunction):
    """PyFlink's documented example: called with every column of the table as one Row."""

    def emit_value(self, accumulator):
        yield Row(accumulator[0])
        yield Row(accumulator[1])

    def create_accumulator(self):
        return [None, None]

    def accumulate(self, accumulator, row):
        if row[0] is not None:
            if accumulator[0] is None or row[0] > accumulator[0]:
                accumulator[1] = accumulator[0]
                accumulator[0] = row[0]
            elif accumulator[1] is None or row[0] > accumulator[1]:
                accumulator[1] = row[0]

    def get_accumulator_type(self):
        return DataTypes.ARRAY(DataTypes.BIGINT())

    def get_result_type(self):
        return DataTypes.ROW([DataTypes.FIELD("a", DataTypes.BIGINT())])


class RankedTop2(TableAggregateFunction):
    """The two largest values with their rank; retractable, so it also runs over an updating input."""

    def create_accumulator(self):
        return []

    def accumulate(self, accumulator, value):
        accumulator.append(value)

    def retract(self, accumulator, value):
        accumulator.remove(value)

    def emit_value(self, accumulator):
        for rank, value in enumerate(sorted(accumulator, reverse=True)[:2], start=1):
            yield value, rank


ranked_top2 = udtaf(RankedTop2(), result_type=DataTypes.ROW([DataTypes.FIELD("v", DataTypes.BIGINT()),
                                                            DataTypes.FIELD("rank", DataTypes.INT())]))


def changelog(table):
    with table.execute().collect() as results:
        return [(r.get_row_kind().name,) + tuple(r) for r in results]


class TableAggregateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        cls.t_env.get_config().set("parallelism.default", "1")
        cls.t = cls.t_env.from_elements([(1, 'Hi', 'Hello'), (3, 'Hi', 'hi'), (5, 'Hi2', 'hi'), (7, 'Hi', 'Hello'),
                                         (2, 'Hi', 'Hello')], ['a', 'b', 'c'])

    def test_documented_top2_over_all_columns(self):
        top2 = udtaf(Top2())
        result = self.t.group_by(col('b')).flat_aggregate(top2).select(col('*')).to_pandas()
        self.assertEqual(['b', 'a'], list(result.columns))
        rows = sorted(((b, None if a != a else int(a)) for b, a in zip(result['b'], result['a'])),
                      key=lambda r: (r[0], -1 if r[1] is None else r[1]))
        self.assertEqual([('Hi', 3), ('Hi', 7), ('Hi2', None), ('Hi2', 5)], rows)

    def test_call_with_alias_emits_retractions_in_streaming_mode(self):
        result = self.t.group_by(col('b')).flat_aggregate(ranked_top2(col('a')).alias('value', 'rank')) \
            .select(col('b'), col('value'), col('rank'))
        got = changelog(result)
        self.assertEqual(('INSERT', 'Hi', 1, 1), got[0])
        self.assertEqual([('DELETE', 'Hi', 1, 1), ('INSERT', 'Hi', 3, 1), ('INSERT', 'Hi', 1, 2)], got[1:4])
        final = {}
        for kind, b, v, rank in got:
            if kind == 'INSERT':
                self.assertNotIn((b, rank), final)
                final[(b, rank)] = v
            else:
                self.assertEqual(RowKind.DELETE.name, kind)
                self.assertEqual(v, final.pop((b, rank)))
        self.assertEqual({('Hi', 1): 7, ('Hi', 2): 3, ('Hi2', 1): 5}, final)

    def test_whole_table_registered_function_and_batch_mode(self):
        batch = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        batch.create_temporary_system_function("ranked_top2", ranked_top2)
        t = batch.from_elements([(1, 'x'), (4, 'y'), (3, 'x')], ['a', 'k'])
        with t.flat_aggregate(call("ranked_top2", col('a'))).select(col('*')).execute().collect() as results:
            rows = sorted((r.get_row_kind(), r[0], r[1]) for r in results)
        self.assertEqual([(RowKind.INSERT, 3, 2), (RowKind.INSERT, 4, 1)], rows)
        grouped = t.group_by(col('k')).flat_aggregate(ranked_top2(col('a'))).select(col('k'), col('v'), col('rank'))
        with grouped.execute().collect() as results:
            self.assertEqual([('x', 1, 2), ('x', 3, 1), ('y', 4, 1)], sorted(tuple(r) for r in results))

    def test_updating_input_calls_retract(self):
        sums = self.t_env.from_elements([('x', 'a', 5), ('x', 'b', 7), ('x', 'a', 10)], ['g', 'k', 'v']) \
            .group_by(col('g'), col('k')).select(col('g'), col('k'), col('v').sum.alias('s'))
        result = sums.group_by(col('g')).flat_aggregate(ranked_top2(col('s'))).select(col('g'), col('v'), col('rank'))
        final = {}
        for kind, g, v, rank in changelog(result):
            if kind == 'INSERT':
                final[rank] = v
            else:
                self.assertEqual(v, final.pop(rank))
        self.assertEqual({1: 15, 2: 7}, final)

    def test_errors(self):
        # PyFlink has no vectorized table aggregate functions and says so the same way
        with self.assertRaises(ValueError) as e:
            udtaf(RankedTop2(), result_type=DataTypes.ROW([DataTypes.FIELD("v", DataTypes.BIGINT())]),
                  func_type="pandas")
        self.assertEqual("The func_type must be 'general', got pandas.", str(e.exception))
        with self.assertRaises(TypeError) as e:
            udtaf(RankedTop2())
        self.assertIn("result_type is required", str(e.exception))
        with self.assertRaises(TypeError) as e:
            udtaf(lambda acc: acc, result_type=DataTypes.ROW([DataTypes.FIELD("v", DataTypes.BIGINT())]))
        self.assertIn("udtaf takes a TableAggregateFunction instance", str(e.exception))

        class Failing(RankedTop2):
            def emit_value(self, accumulator):
                raise ValueError("no rows today")

        failing = udtaf(Failing(), result_type=DataTypes.ROW([DataTypes.FIELD("v", DataTypes.BIGINT()),
                                                             DataTypes.FIELD("rank", DataTypes.INT())]))
        with self.assertRaises(Exception) as e:
            changelog(self.t.group_by(col('b')).flat_aggregate(failing(col('a'))).select(col('*')))
        self.assertIn("no rows today", str(e.exception))


if __name__ == '__main__':
    unittest.main()
