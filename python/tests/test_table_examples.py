"""PyFlink's Table API example programs (``flink-python/pyflink/examples/table``), with the module renamed, and
their documented results. Where an example writes to a ``print`` table, the test collects the table it would write
instead and checks the rows."""

import io
import json
import unittest
from contextlib import redirect_stdout

from sluice.common import Row
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import col, concat
from sluice.table.udf import udaf, udf, udtf, AggregateFunction, TableAggregateFunction, udtaf

ELEMENTS = [
    (1, '{"name": "Flink", "tel": 123, "addr": {"country": "Germany", "city": "Berlin"}}'),
    (2, '{"name": "hello", "tel": 135, "addr": {"country": "China", "city": "Shanghai"}}'),
    (3, '{"name": "world", "tel": 124, "addr": {"country": "USA", "city": "NewYork"}}'),
    (4, '{"name": "PyFlink", "tel": 32, "addr": {"country": "China", "city": "Hangzhou"}}')]


def final_rows(table_or_result):
    """The rows left once the changelog is applied (+I/+U add a row, -U/-D take one back), sorted."""
    result = table_or_result.execute() if hasattr(table_or_result, "execute") else table_or_result
    rows = []
    with result.collect() as results:
        for r in results:
            kind = r.get_row_kind().name
            values = tuple(r)
            if kind in ("INSERT", "UPDATE_AFTER"):
                rows.append(values)
            else:
                rows.remove(values)
    return sorted(rows, key=repr)


def json_columns(table):
    return table.add_columns(
        col('data').json_value('$.name', DataTypes.STRING()).alias('name'),
        col('data').json_value('$.tel', DataTypes.STRING()).alias('tel'),
        col('data').json_value('$.addr.country', DataTypes.STRING()).alias('country'))


class BasicOperationsExampleTest(unittest.TestCase):
    """examples/table/basic_operations.py"""

    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        cls.source = cls.t_env.from_elements(elements=ELEMENTS, schema=['id', 'data'])
        cls.table = json_columns(cls.source).drop_columns(col('data'))

    def test_basic_operations(self):
        table = self.table
        people = [(1, 'Flink', '123', 'Germany'), (2, 'hello', '135', 'China'), (3, 'world', '124', 'USA'),
                  (4, 'PyFlink', '32', 'China')]
        self.assertEqual(people, final_rows(table))
        self.assertEqual(3, len(final_rows(table.limit(3))))
        self.assertEqual([p for p in people if p[0] != 3], final_rows(table.filter(col('id') != 3)))
        self.assertEqual([('China', 2, 135), ('Germany', 1, 123), ('USA', 1, 124)],
                         final_rows(table.group_by(col('country'))
                                    .select(col('country'), col('id').count, col('tel').cast(DataTypes.BIGINT()).max)))
        self.assertEqual([('China',), ('Germany',), ('USA',)], final_rows(table.select(col('country')).distinct()))
        right_table = self.t_env.from_elements(elements=[(1, 18), (2, 30), (3, 25), (4, 10)], schema=['id', 'age'])
        joined = table.join(right_table.rename_columns(col('id').alias('r_id')), col('id') == col('r_id'))
        self.assertEqual([p + (p[0], age) for p, age in zip(people, (18, 30, 25, 10))], final_rows(joined))

        @udtf(result_types=[DataTypes.STRING()])
        def split(r: Row):
            for s in r.name.split("i"):
                yield s

        self.assertEqual(sorted([people[0] + ('Fl',), people[0] + ('nk',), people[1] + ('hello',),
                                 people[2] + ('world',), people[3] + ('PyFl',), people[3] + ('nk',)], key=repr),
                         final_rows(table.join_lateral(split.alias('a'))))
        out = io.StringIO()
        with redirect_stdout(out):
            table.print_schema()
        self.assertEqual("(\n  `id` BIGINT,\n  `name` STRING,\n  `tel` STRING,\n  `country` STRING\n)\n",
                         out.getvalue())
        self.assertIn("Correlate", table.join_lateral(split.alias('a')).explain())

    def test_sql_operations(self):
        table = self.source
        self.assertEqual(sorted(ELEMENTS), final_rows(self.t_env.sql_query("SELECT * FROM %s" % table)))

        @udtf(result_types=[DataTypes.STRING(), DataTypes.INT(), DataTypes.STRING()])
        def parse_data(data: str):
            json_data = json.loads(data)
            yield json_data['name'], json_data['tel'], json_data['addr']['country']

        self.t_env.create_temporary_function('parse_data', parse_data)
        sql = "SELECT * FROM %s, LATERAL TABLE(parse_data(`data`)) t(name, tel, country)" % table
        self.assertEqual([e + (json.loads(e[1])['name'], json.loads(e[1])['tel'], json.loads(e[1])['addr']['country'])
                          for e in ELEMENTS], final_rows(self.t_env.execute_sql(sql)))
        self.assertIn("parse_data", self.t_env.explain_sql(sql))

    def test_column_operations(self):
        table = json_columns(self.source)
        self.assertEqual(['id', 'data', 'name', 'tel', 'country'], table.get_schema().get_field_names())
        table = table.drop_columns(col('data'))
        table = table.rename_columns(col('tel').alias('telephone'))
        self.assertEqual(['id', 'name', 'telephone', 'country'], table.get_schema().get_field_names())
        table = table.add_or_replace_columns(concat(col('id').cast(DataTypes.STRING()), '_', col('name')).alias('id'))
        self.assertEqual([('1_Flink', 'Flink', '123', 'Germany'), ('2_hello', 'hello', '135', 'China'),
                          ('3_world', 'world', '124', 'USA'), ('4_PyFlink', 'PyFlink', '32', 'China')],
                         final_rows(table))

    def test_row_operations(self):
        # the example's elements have USA in row 3 replaced by China
        elements = [(i, d.replace('"USA"', '"China"')) for i, d in ELEMENTS]
        table = self.t_env.from_elements(elements=elements, schema=['id', 'data'])

        @udf(result_type=DataTypes.ROW([DataTypes.FIELD("id", DataTypes.BIGINT()),
                                        DataTypes.FIELD("country", DataTypes.STRING())]))
        def extract_country(input_row: Row):
            data = json.loads(input_row.data)
            return Row(input_row.id, data['addr']['country'])

        self.assertEqual([(1, 'Germany'), (2, 'China'), (3, 'China'), (4, 'China')],
                         final_rows(table.map(extract_country)))

        @udtf(result_types=[DataTypes.BIGINT(), DataTypes.STRING()])
        def extract_city(input_row: Row):
            data = json.loads(input_row.data)
            yield input_row.id, data['addr']['city']

        city = table.flat_map(extract_city)
        self.assertEqual(['f0', 'f1'], city.get_schema().get_field_names())
        self.assertEqual([(1, 'Berlin'), (2, 'Shanghai'), (3, 'NewYork'), (4, 'Hangzhou')], final_rows(city))

        class CountAndSumAggregateFunction(AggregateFunction):

            def get_value(self, accumulator):
                return Row(accumulator[0], accumulator[1])

            def create_accumulator(self):
                return Row(0, 0)

            def accumulate(self, accumulator, input_row):
                accumulator[0] += 1
                accumulator[1] += int(input_row.tel)

            def retract(self, accumulator, input_row):
                accumulator[0] -= 1
                accumulator[1] -= int(input_row.tel)

            def merge(self, accumulator, accumulators):
                for other_acc in accumulators:
                    accumulator[0] += other_acc[0]
                    accumulator[1] += other_acc[1]

            def get_accumulator_type(self):
                return DataTypes.ROW(
                    [DataTypes.FIELD("cnt", DataTypes.BIGINT()),
                     DataTypes.FIELD("sum", DataTypes.BIGINT())])

            def get_result_type(self):
                return DataTypes.ROW(
                    [DataTypes.FIELD("cnt", DataTypes.BIGINT()),
                     DataTypes.FIELD("sum", DataTypes.BIGINT())])

        count_sum = udaf(CountAndSumAggregateFunction())
        self.assertEqual([('China', 3, 291), ('Germany', 1, 123)],
                         final_rows(json_columns(table).group_by(col('country'))
                                    .aggregate(count_sum.alias("cnt", "sum"))
                                    .select(col('country'), col('cnt'), col('sum'))))

        class Top2(TableAggregateFunction):

            def emit_value(self, accumulator):
                for v in accumulator:
                    if v:
                        yield Row(v)

            def create_accumulator(self):
                return [None, None]

            def accumulate(self, accumulator, input_row):
                tel = int(input_row.tel)
                if accumulator[0] is None or tel > accumulator[0]:
                    accumulator[1] = accumulator[0]
                    accumulator[0] = tel
                elif accumulator[1] is None or tel > accumulator[1]:
                    accumulator[1] = tel

            def get_accumulator_type(self):
                return DataTypes.ARRAY(DataTypes.BIGINT())

            def get_result_type(self):
                return DataTypes.ROW(
                    [DataTypes.FIELD("tel", DataTypes.BIGINT())])

        top2 = udtaf(Top2())
        self.assertEqual([('China', 124), ('China', 135), ('Germany', 123)],
                         final_rows(json_columns(table).group_by(col('country')).flat_aggregate(top2)
                                    .select(col('country'), col('tel'))))


if __name__ == "__main__":
    unittest.main()
