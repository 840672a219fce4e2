"""ROW, ARRAY and MAP values in Table API expressions (row, array, map_, get, at, cardinality, collect)."""

import unittest

from sluice.common import Row
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import array, col, lit, map_, row


def rows_of(table):
    with table.execute().collect() as results:
        return [tuple(r) for r in results]


class CompositeExpressionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        cls.tab = cls.t_env.from_elements([(1, 'Hi'), (2, 'Hello'), (2, 'Hi')], ['a', 'b'])

    def composite(self):
        return self.tab.select(col('a'), row(col('a'), col('b')).alias('r'),
                               array(col('a'), lit(10)).alias('arr'), map_(col('b'), col('a')).alias('m'))

    def test_values_come_back_as_rows_lists_and_dicts(self):
        result = rows_of(self.composite())
        self.assertIsInstance(result[0][1], Row)
        self.assertEqual([(1, (1, 'Hi'), [1, 10], {'Hi': 1}), (2, (2, 'Hello'), [2, 10], {'Hello': 2}),
                          (2, (2, 'Hi'), [2, 10], {'Hi': 2})], [(a, tuple(r), arr, m) for a, r, arr, m in result])
        self.assertEqual('Hello', result[1][1]['EXPR$1'])

    def test_field_and_element_access(self):
        t = self.composite()
        self.assertEqual([('Hi', 1, 10, 1, 2), ('Hello', 2, 10, None, 2), ('Hi', 2, 10, 2, 2)],
                         rows_of(t.select(col('r').get(1), col('r').get('EXPR$0'), col('arr').at(2),
                                          col('m').at('Hi'), col('arr').cardinality)))

    def test_row_typed_input_columns(self):
        # PyFlink's from_elements with a ROW schema; fields are read by name and by position
        t = self.t_env.from_elements(
            [(1, Row(1, 'x'), [3, 4], {'k': 5})],
            DataTypes.ROW([DataTypes.FIELD('id', DataTypes.INT()),
                           DataTypes.FIELD('r', DataTypes.ROW([DataTypes.FIELD('n', DataTypes.INT()),
                                                               DataTypes.FIELD('s', DataTypes.STRING())])),
                           DataTypes.FIELD('arr', DataTypes.ARRAY(DataTypes.INT())),
                           DataTypes.FIELD('m', DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()))]))
        self.assertEqual([('x', 1, 4, 5)],
                         rows_of(t.select(col('r').get('s'), col('r').get(0), col('arr').at(2), col('m').at('k'))))

    def test_collect_aggregate_gives_a_multiset(self):
        t = self.tab.group_by(col('a')).select(col('a'), col('b').collect.alias('bs'))
        self.assertEqual({1: {'Hi': 1}, 2: {'Hello': 1, 'Hi': 1}}, dict(rows_of(t)))

    def test_bad_arguments(self):
        with self.assertRaises(TypeError):
            col('r').get(1.5)

    def test_flatten_is_the_engine_s(self):
        # the Java Table API's flatten: the fields of a ROW as columns, or 'not supported yet' where it has none
        t = self.t_env.sql_query("SELECT CAST(ROW(1, 'x') AS ROW<n INT, s STRING>) AS r")
        try:
            flat = t.select(col('r').flatten)
        except NotImplementedError as e:
            self.assertTrue(str(e).startswith('not supported yet: '), str(e))
            return
        self.assertEqual([(1, 'x')], rows_of(flat))


if __name__ == '__main__':
    unittest.main()
