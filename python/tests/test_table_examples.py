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


class RowBasedOperationsTest(unittest.TestCase):
    """The "Row-based Operations" page: map and flat_map with a function call or the function itself."""

    @classmethod
    def setUpClass(cls):
        cls.table_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        cls.table = cls.table_env.from_elements([(1, 'Hi'), (2, 'Hello')], ['id', 'data'])

    def frame(self, table):
        pdf = table.to_pandas()
        return list(pdf.columns), [tuple(r) for r in pdf.itertuples(index=False, name=None)]

    def test_map(self):
        import pandas as pd
        from sluice.table.expressions import col

        @udf(result_type=DataTypes.ROW([DataTypes.FIELD("id", DataTypes.BIGINT()),
                                        DataTypes.FIELD("data", DataTypes.STRING())]))
        def func1(id: int, data: str) -> Row:
            return Row(id, data * 2)

        self.assertEqual([(1, 'HiHi'), (2, 'HelloHello')], self.frame(self.table.map(func1(col('id'), col('data'))))[1])

        @udf(result_type=DataTypes.ROW([DataTypes.FIELD("id", DataTypes.BIGINT()),
                                        DataTypes.FIELD("data", DataTypes.STRING())]))
        def func2(data: Row) -> Row:
            return Row(data[0], data[1] * 2)

        self.assertEqual((['id', 'data'], [(1, 'HiHi'), (2, 'HelloHello')]),
                         self.frame(self.table.map(func2).alias('id', 'data')))

        @udf(result_type=DataTypes.ROW([DataTypes.FIELD("id", DataTypes.BIGINT()),
                                        DataTypes.FIELD("data", DataTypes.STRING())]),
             func_type='pandas')
        def func3(data: pd.DataFrame) -> pd.DataFrame:
            res = pd.concat([data.id, data.data * 2], axis=1)
            return res

        self.assertEqual((['id', 'data'], [(1, 'HiHi'), (2, 'HelloHello')]),
                         self.frame(self.table.map(func3).alias('id', 'data')))

    def test_flat_map_and_join_lateral(self):
        table_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        table = table_env.from_elements([(1, 'Hi,Flink'), (2, 'Hello')], ['id', 'data'])

        @udtf(result_types=[DataTypes.INT(), DataTypes.STRING()])
        def split(x: Row) -> Row:
            for s in x[1].split(","):
                yield x[0], s

        self.assertEqual((['f0', 'f1'], [(1, 'Hi'), (1, 'Flink'), (2, 'Hello')]), self.frame(table.flat_map(split)))
        self.assertEqual((['id', 'data', 'a', 'b'], [(1, 'Hi,Flink', 1, 'Hi'), (1, 'Hi,Flink', 1, 'Flink'),
                                                     (2, 'Hello', 2, 'Hello')]),
                         self.frame(table.join_lateral(split.alias('a', 'b'))))


PRICES = [(1000, 'Alice', 110.1), (4000, 'Bob', 30.2), (3000, 'Alice', 20.0), (2000, 'Bob', 53.1),
          (5000, 'Alice', 13.1), (3000, 'Bob', 3.1), (7000, 'Bob', 16.1), (10000, 'Alice', 20.1)]


def rounded(rows):
    return sorted(tuple(round(v, 2) if isinstance(v, float) else v for v in r) for r in rows)


class StreamTableExamplesTest(unittest.TestCase):
    """examples/table/windowing/*.py, pandas/*.py, mixing_use_of_datastream_and_table.py, multi_sink.py and
    process_json_data*.py."""

    def stream_t_env(self):
        from sluice.datastream import StreamExecutionEnvironment
        from sluice.table import StreamTableEnvironment
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        return env, StreamTableEnvironment.create(stream_execution_environment=env)

    def prices(self, ts_type="TIMESTAMP(3)"):
        # the source with a watermark definition of the windowing examples
        from sluice.common import Types
        from sluice.common.time import Instant
        from sluice.table import Schema
        env, t_env = self.stream_t_env()
        ds = env.from_collection(
            collection=[(Instant.of_epoch_milli(ts), name, price) for ts, name, price in PRICES],
            type_info=Types.ROW([Types.INSTANT(), Types.STRING(), Types.FLOAT()]))
        table = t_env.from_data_stream(
            ds,
            Schema.new_builder()
                  .column_by_expression("ts", "CAST(f0 AS %s)" % ts_type)
                  .column("f1", DataTypes.STRING())
                  .column("f2", DataTypes.FLOAT())
                  .watermark("ts", "ts - INTERVAL '3' SECOND")
                  .build()
        ).alias("ts", "name", "price")
        return t_env, table

    @staticmethod
    def seconds(rows, per_second=1):
        """Window bounds as seconds of the epoch (or milliseconds with per_second=1000)."""
        import datetime
        out = []
        for r in rows:
            out.append(tuple(round((v if v.tzinfo else v.replace(tzinfo=datetime.timezone.utc)).timestamp()
                                   * per_second) if isinstance(v, datetime.datetime) else v for v in r))
        return out

    def test_tumble_window(self):
        from sluice.table.expressions import lit
        from sluice.table.window import Tumble
        t_env, table = self.prices()
        table = table.window(Tumble.over(lit(5).seconds).on(col("ts")).alias("w")) \
                     .group_by(table.name, col('w')) \
                     .select(table.name, table.price.sum, col("w").start, col("w").end)
        self.assertEqual([('Alice', 13.1, 5, 10), ('Alice', 20.1, 10, 15), ('Alice', 130.1, 0, 5),
                          ('Bob', 16.1, 5, 10), ('Bob', 86.4, 0, 5)],
                         rounded(self.seconds(final_rows(table))))

    def test_sliding_window(self):
        from sluice.table.expressions import lit
        from sluice.table.window import Slide
        t_env, table = self.prices()
        table = table.window(Slide.over(lit(5).seconds).every(lit(2).seconds).on(col("ts")).alias("w")) \
                     .group_by(col('name'), col('w')) \
                     .select(col('name'), col('price').sum, col("w").start, col("w").end)
        expected = []
        for start in range(-2, 12, 2):
            for name in ('Alice', 'Bob'):
                prices = [p for ts, n, p in PRICES if n == name and start * 1000 <= ts < (start + 5) * 1000]
                if prices:
                    expected.append((name, round(sum(prices), 2), start, start + 5))
        self.assertEqual(sorted(expected), rounded(self.seconds(final_rows(table))))

    def test_session_window(self):
        # the example's datagen source is random: the same window over the rows above, a 2.5-second gap
        from sluice.table.expressions import lit
        from sluice.table.window import Session
        t_env, table = self.prices("TIMESTAMP_LTZ(3)")
        table = table.window(Session.with_gap(lit(2500).millis).on(col("ts")).alias("w")) \
                     .group_by(table.name, col('w')) \
                     .select(table.name, table.price.sum, col("w").start, col("w").end)
        self.assertEqual([('Alice', 20.1, 10000, 12500), ('Alice', 143.2, 1000, 7500), ('Bob', 16.1, 7000, 9500),
                          ('Bob', 86.4, 2000, 6500)],
                         rounded(self.seconds(final_rows(table), 1000)))

    def test_over_window(self):
        from sluice.table.expressions import row_interval, CURRENT_ROW
        from sluice.table.window import Over
        env, t_env = self.stream_t_env()
        t_env.execute_sql("""
            CREATE TABLE source (
                ts TIMESTAMP(3),
                name STRING,
                price FLOAT,
                watermark FOR ts as ts - INTERVAL '3' SECOND
            ) with (
                'connector' = 'datagen',
                'number-of-rows' = '10'
            )
        """)
        table = t_env.from_path("source")
        table = table.over_window(
            Over.partition_by(col("name"))
                .order_by(col("ts"))
                .preceding(row_interval(2))
                .following(CURRENT_ROW)
                .alias('w')) \
            .select(table.name, table.price.max.over(col('w')))
        self.assertEqual(10, len(final_rows(table)))

    def test_pandas_udaf(self):
        from sluice.table.expressions import lit
        from sluice.table.window import Tumble
        t_env, table = self.prices("TIMESTAMP_LTZ(3)")

        @udaf(result_type=DataTypes.FLOAT(), func_type="pandas")
        def mean_udaf(v):
            return v.mean()

        table = table.window(Tumble.over(lit(5).seconds).on(col("ts")).alias("w")) \
                     .group_by(table.name, col('w')) \
                     .select(table.name, mean_udaf(table.price), col("w").start, col("w").end)
        self.assertEqual([('Alice', 13.1, 5, 10), ('Alice', 20.1, 10, 15), ('Alice', 65.05, 0, 5),
                          ('Bob', 16.1, 5, 10), ('Bob', 28.8, 0, 5)],
                         rounded(self.seconds(final_rows(table))))

    def test_conversion_from_dataframe(self):
        import numpy as np
        import pandas as pd
        t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        t_env.get_config().set("parallelism.default", "1")
        pdf = pd.DataFrame(np.random.rand(1000, 2))
        table = t_env.from_pandas(
            pdf,
            schema=DataTypes.ROW([DataTypes.FIELD("a", DataTypes.DOUBLE()),
                                  DataTypes.FIELD("b", DataTypes.DOUBLE())]))
        back = table.to_pandas()
        self.assertEqual(['a', 'b'], list(back.columns))
        self.assertEqual(sorted(pdf[0]), sorted(back['a']))

    def test_mixing_use_of_datastream_and_table(self):
        from sluice.common import Types
        from sluice.table import Schema, TableDescriptor
        env, t_env = self.stream_t_env()
        t_env.create_temporary_table(
            'source',
            TableDescriptor.for_connector('datagen')
                           .schema(Schema.new_builder()
                                   .column('id', DataTypes.BIGINT())
                                   .column('data', DataTypes.STRING())
                                   .build())
                           .option("number-of-rows", "10")
                           .build())

        @udf(result_type=DataTypes.BIGINT())
        def length(data):
            return len(data)

        table = t_env.from_path("source")
        table = table.select(table.id, length(table.data))
        ds = t_env.to_data_stream(table)
        ds = ds.map(lambda i: i[0] + i[1], output_type=Types.LONG())
        table = t_env.from_data_stream(ds, Schema.new_builder().column("f0", DataTypes.BIGINT()).build())
        self.assertEqual(10, len(final_rows(table)))

    def test_multi_sink(self):
        # the example's two print tables, as filesystem tables read back
        import tempfile
        t_env = TableEnvironment.create(EnvironmentSettings.new_instance().in_streaming_mode().build())
        table = t_env.from_elements(
            elements=[(1, 'Hello'), (2, 'World'), (3, "Flink"), (4, "PyFlink")],
            schema=['id', 'data'])
        out = tempfile.mkdtemp()
        for name in ("first_sink", "second_sink"):
            t_env.execute_sql("""
                CREATE TABLE %s (
                    id BIGINT,
                    data VARCHAR
                ) WITH (
                    'connector' = 'filesystem', 'format' = 'csv', 'path' = '%s/%s'
                )
            """ % (name, out, name))
        statement_set = t_env.create_statement_set()
        statement_set.add_insert_sql("INSERT INTO first_sink SELECT * FROM %s WHERE id <= 3" % table)

        @udf(result_type=DataTypes.BOOLEAN())
        def contains_flink(data):
            return "Flink" in data

        second_table = table.where(contains_flink(table.data))
        statement_set.add_insert("second_sink", second_table)
        statement_set.execute().wait()
        self.assertEqual([(1, 'Hello'), (2, 'World'), (3, 'Flink')], final_rows(t_env.from_path("first_sink")))
        self.assertEqual([(3, 'Flink'), (4, 'PyFlink')], final_rows(t_env.from_path("second_sink")))

    def test_process_json_data(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        table = t_env.from_elements(elements=ELEMENTS, schema=['id', 'data'])
        self.assertEqual([(1, 'Germany'), (2, 'China'), (3, 'USA'), (4, 'China')],
                         final_rows(table.select(col('id'), col('data').json_value('$.addr.country',
                                                                                   DataTypes.STRING()))))

        @udf(result_type=DataTypes.STRING())
        def update_tel(data):
            json_data = json.loads(data)
            json_data['tel'] += 1
            return json.dumps(json_data)

        updated = final_rows(table.select(table.id, update_tel(table.data)))
        self.assertEqual([124, 136, 125, 33], [json.loads(d)['tel'] for _, d in updated])


if __name__ == "__main__":
    unittest.main()
