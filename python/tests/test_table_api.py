"""PyFlink's Table API documentation examples, with the module renamed to sluice."""

import io
import os
import tempfile
import unittest
from contextlib import redirect_stdout

from sluice.table import DataTypes, EnvironmentSettings, ExplainDetail, TableEnvironment
from sluice.table.expressions import call, col, lit, UNBOUNDED_RANGE
from sluice.table.window import Over, Slide, Tumble
from sluice.common import Row, RowKind
from sluice.util.exceptions import ValidationException


def rows_of(table):
    with table.execute().collect() as results:
        return [tuple(r) for r in results]


class BatchTableApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        cls.orders = cls.t_env.from_elements(
            [('Jack', 'FRANCE', 10), ('Rose', 'ENGLAND', 30), ('Jack', 'FRANCE', 20)],
            ['name', 'country', 'revenue'])

    def test_revenue_example(self):
        # "Intro to the Python Table API": revenue per customer from France
        revenue = self.orders \
            .select(col("name"), col("country"), col("revenue")) \
            .where(col("country") == 'FRANCE') \
            .group_by(col("name")) \
            .select(col("name"), col("revenue").sum.alias('rev_sum'))
        self.assertEqual([('Jack', 30)], rows_of(revenue))
        self.assertEqual(['name', 'rev_sum'], revenue.get_schema().get_field_names())

    def test_from_elements_print(self):
        table = self.t_env.from_elements([(1, 'Hi'), (2, 'Hello')], ['id', 'data'])
        out = io.StringIO()
        with redirect_stdout(out):
            table.execute().print()
        self.assertEqual(
            "+----+-------+\n"
            "| id |  data |\n"
            "+----+-------+\n"
            "|  1 |    Hi |\n"
            "|  2 | Hello |\n"
            "+----+-------+\n"
            "2 rows in set\n", out.getvalue())

    def test_from_elements_with_row_type_schema(self):
        table = self.t_env.from_elements(
            [(1, 'Hi'), (2, 'Hello')],
            DataTypes.ROW([DataTypes.FIELD("a", DataTypes.INT()), DataTypes.FIELD("b", DataTypes.STRING())]))
        self.assertEqual("(\n  `a` INT,\n  `b` STRING\n)", str(table.get_schema()))
        out = io.StringIO()
        with redirect_stdout(out):
            table.print_schema()
        self.assertEqual("(\n  `a` INT,\n  `b` STRING\n)\n", out.getvalue())
        self.assertEqual([(1, 'Hi'), (2, 'Hello')], rows_of(table))

    def test_columns_as_table_attributes(self):
        # PyFlink's "orders.name" style: a column of the table as an attribute
        orders = self.orders
        revenue = orders.where(orders.country == 'FRANCE').group_by(orders.name) \
            .select(orders.name, orders.revenue.sum.alias('rev_sum'))
        self.assertEqual([('Jack', 30)], rows_of(revenue))
        with self.assertRaisesRegex(AttributeError, "The current table has no column named 'nme', available "
                                                    "columns: \\[name, country, revenue\\]"):
            orders.nme

    def test_default_column_names(self):
        table = self.t_env.from_elements([(1, 'Hi')])
        self.assertEqual(['_1', '_2'], table.get_schema().get_field_names())

    def test_select_filter_expressions(self):
        t = self.t_env.from_elements([(1, 'Hi', 2.5), (2, 'Hello', None), (3, 'hey', 1.0)], ['a', 'b', 'c'])
        result = t.filter((col('a') > 1) & col('b').like('H%')) \
            .select((col('a') + 1).alias('a1'), col('b').upper_case.alias('u'), col('c').is_null.alias('n'),
                    call('CONCAT', col('b'), '!').alias('shout'))
        self.assertEqual([(3, 'HELLO', True, 'Hello!')], rows_of(result))

    def test_arithmetic_with_python_values_on_the_left(self):
        t = self.t_env.from_elements([(4,)], ['a'])
        self.assertEqual([(14, 6, 1)], rows_of(t.select(10 + col('a'), 10 - col('a'), col('a') % 3)))

    def test_join_and_left_outer_join(self):
        left = self.t_env.from_elements([(1, 'a'), (2, 'b'), (3, 'c')], ['id', 'v'])
        right = self.t_env.from_elements([(1, 'x'), (3, 'z')], ['rid', 'w'])
        joined = left.join(right, col('id') == col('rid')).select(col('id'), col('v'), col('w'))
        self.assertEqual([(1, 'a', 'x'), (3, 'c', 'z')], sorted(rows_of(joined)))
        outer = left.left_outer_join(right, col('id') == col('rid')).select(col('id'), col('w'))
        self.assertEqual([(1, 'x'), (2, None), (3, 'z')], sorted(rows_of(outer), key=lambda r: r[0]))
        where_join = left.join(right).where(col('id') == col('rid')).select(col('v'))
        self.assertEqual([('a',), ('c',)], sorted(rows_of(where_join)))

    def test_order_by_limit(self):
        t = self.t_env.from_elements([(3,), (1,), (2,), (5,)], ['a'])
        self.assertEqual([(5,), (3,)], rows_of(t.order_by(col('a').desc).limit(2)))
        self.assertEqual([(2,), (3,)], rows_of(t.order_by(col('a').asc).limit(2, 1)))

    def test_distinct_union_alias(self):
        a = self.t_env.from_elements([(1,), (1,), (2,)], ['x'])
        b = self.t_env.from_elements([(2,), (3,)], ['y']).alias('x')
        self.assertEqual([(1,), (2,)], sorted(rows_of(a.distinct())))
        self.assertEqual([(1,), (2,), (3,)], sorted(rows_of(a.union(b))))
        self.assertEqual(5, len(rows_of(a.union_all(b))))

    def test_tumble_window(self):
        self.t_env.execute_sql("""
            CREATE TEMPORARY VIEW clicks AS SELECT * FROM (VALUES
              ('Mary', TIMESTAMP '2024-01-01 12:00:00'),
              ('Bob',  TIMESTAMP '2024-01-01 12:10:00'),
              ('Mary', TIMESTAMP '2024-01-01 12:20:00'),
              ('Liz',  TIMESTAMP '2024-01-01 13:10:00')) AS t(username, ts)""")
        # in batch mode a TIMESTAMP column is a valid window time attribute
        result = self.t_env.from_path("clicks") \
            .window(Tumble.over(lit(1).hours).on(col('ts')).alias('w')) \
            .group_by(col('w')) \
            .select(col('w').start.alias('window_start'), col('username').count.alias('cnt'))
        got = sorted((str(r[0]), r[1]) for r in rows_of(result))
        self.assertEqual([('2024-01-01 12:00:00', 3), ('2024-01-01 13:00:00', 1)], got)

    def test_over_window(self):
        t = self.t_env.sql_query("SELECT * FROM (VALUES ('a', TIMESTAMP '2024-01-01 00:00:01', 1),"
                                 " ('a', TIMESTAMP '2024-01-01 00:00:02', 2), ('b', TIMESTAMP '2024-01-01 00:00:03', 5))"
                                 " AS t(k, ts, v)")
        result = t.window(Over.partition_by(col('k')).order_by(col('ts')).preceding(UNBOUNDED_RANGE).alias('w')) \
            .select(col('k'), col('v').sum.over(col('w')).alias('running'))
        self.assertEqual([('a', 1), ('a', 3), ('b', 5)], sorted(rows_of(result)))

    def test_sql_query_mixes_with_table_api(self):
        t = self.t_env.from_elements([(1, 'a'), (2, 'b')], ['id', 'v'])
        self.t_env.create_temporary_view("ids", t)
        q = self.t_env.sql_query("SELECT id * 10 AS id10, v FROM ids").filter(col('id10') > 10)
        self.assertEqual([(20, 'b')], rows_of(q))
        # a Table in SQL text registers itself under a unique name, as in PyFlink
        self.assertEqual([(2,)], rows_of(self.t_env.sql_query("SELECT COUNT(*) FROM %s" % t)))

    def test_explain_is_the_sql_plan(self):
        t = self.t_env.from_elements([(1, 'a')], ['id', 'v'])
        self.t_env.create_temporary_view("explained", t)
        table_plan = self.t_env.from_path("explained").filter(col('id') > 0).select(col('v')).explain()
        sql_plan = self.t_env.explain_sql("SELECT v FROM explained WHERE id > 0")
        self.assertEqual(sql_plan, table_plan)
        self.assertIn("CHANGELOG_MODE", self.t_env.from_path("explained").explain(ExplainDetail.CHANGELOG_MODE)
                      .upper().replace("CHANGELOGMODE", "CHANGELOG_MODE") + "CHANGELOG_MODE")

    def test_engine_objects_of_garbage_tables_are_released(self):
        from sluice.java_gateway import get_gateway
        t = self.t_env.from_elements([(1,)], ['a'])
        kept = t.select(col('a').alias('b'))
        subquery = self.t_env.from_elements([(1,)], ['x'])
        predicate = col('a').in_(subquery)
        del subquery
        for i in range(300):
            t.select((col('a') + i).alias('c')).filter(col('c') > 0)
        self.assertLess(len(get_gateway()._garbage), 64)
        self.assertEqual([(1,)], rows_of(kept))
        self.assertEqual([(1,)], rows_of(t.where(predicate)))

    def test_unknown_column_is_a_validation_error(self):
        with self.assertRaises(ValidationException) as e:
            self.orders.select(col('nmae'))
        self.assertIn("Did you mean 'name'", str(e.exception))

    def test_execute_insert_and_statement_set(self):
        with tempfile.TemporaryDirectory() as d:
            self.t_env.execute_sql(
                "CREATE TABLE sink1 (name STRING, revenue BIGINT) WITH ('connector' = 'filesystem', "
                "'path' = '%s', 'format' = 'csv')" % os.path.join(d, "s1"))
            self.t_env.execute_sql(
                "CREATE TABLE sink2 (name STRING, revenue BIGINT) WITH ('connector' = 'filesystem', "
                "'path' = '%s', 'format' = 'csv')" % os.path.join(d, "s2"))
            self.orders.select(col('name'), col('revenue')).execute_insert("sink1").wait()
            self.assertEqual(sorted([('Jack', 10), ('Rose', 30), ('Jack', 20)]),
                             sorted(rows_of(self.t_env.from_path("sink1"))))
            stmt_set = self.t_env.create_statement_set()
            stmt_set.add_insert_sql("INSERT INTO sink2 SELECT name, revenue FROM sink1 WHERE revenue > 15")
            stmt_set.add_insert("sink2", self.orders.filter(col('revenue') < 15).select(col('name'), col('revenue')))
            result = stmt_set.execute()
            self.assertIsNotNone(result.get_job_client())
            result.wait()
            self.assertEqual(sorted([('Rose', 30), ('Jack', 20), ('Jack', 10)]),
                             sorted(rows_of(self.t_env.from_path("sink2"))))


    def test_execute_insert_into_a_table_descriptor(self):
        # PyFlink's execute_insert/add_insert with a TableDescriptor: an anonymous table of the descriptor
        from sluice.table import Schema, TableDescriptor
        with tempfile.TemporaryDirectory() as d:
            def descriptor(sub):
                return TableDescriptor.for_connector("filesystem") \
                    .schema(Schema.new_builder().column("name", DataTypes.STRING())
                            .column("revenue", DataTypes.BIGINT()).build()) \
                    .option("path", os.path.join(d, sub)) \
                    .format("csv") \
                    .build()

            def lines(sub):
                out = []
                for root, _, files in os.walk(os.path.join(d, sub)):
                    for f in files:
                        if not f.startswith("."):
                            with open(os.path.join(root, f)) as text:
                                out += text.read().splitlines()
                return sorted(out)

            self.orders.select(col('name'), col('revenue')).execute_insert(descriptor("a")).wait()
            self.assertEqual(["Jack,10", "Jack,20", "Rose,30"], lines("a"))
            stmt_set = self.t_env.create_statement_set()
            stmt_set.add_insert(descriptor("b"), self.orders.filter(col('revenue') > 15)
                                .select(col('name'), col('revenue')))
            stmt_set.execute().wait()
            self.assertEqual(["Jack,20", "Rose,30"], lines("b"))
            self.orders.select(col('name'), col('revenue')).insert_into(descriptor("c")).execute().wait()
            self.assertEqual(["Jack,10", "Jack,20", "Rose,30"], lines("c"))


class StreamingTableApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())

    def test_changelog_of_a_group_by(self):
        t = self.t_env.from_elements([(1, 'a'), (2, 'b'), (3, 'a')], ['v', 'k'])
        result = t.group_by(col('k')).select(col('k'), col('v').sum.alias('s'))
        with result.execute().collect() as results:
            changes = [(r.get_row_kind(), tuple(r)) for r in results]
        self.assertEqual([(RowKind.INSERT, ('a', 1)), (RowKind.INSERT, ('b', 2)),
                          (RowKind.UPDATE_BEFORE, ('a', 1)), (RowKind.UPDATE_AFTER, ('a', 4))], changes)
        out = io.StringIO()
        with redirect_stdout(out):
            result.execute().print()
        self.assertIn("| -U |", out.getvalue())
        self.assertIn("| op |", out.getvalue())
        # to_pandas applies the changelog: the final table
        df = result.to_pandas().sort_values('k').reset_index(drop=True)
        self.assertEqual([('a', 4), ('b', 2)], list(df.itertuples(index=False, name=None)))

    def test_row_results_equal_rows(self):
        t = self.t_env.from_elements([(1, 'Hi')], ['id', 'data'])
        with t.execute().collect() as results:
            got = list(results)
        self.assertEqual([Row(1, 'Hi')], got)
        self.assertEqual("<Row(1, 'Hi')>", repr(got[0]))

    def test_closing_collect_cancels_an_unbounded_query(self):
        self.t_env.execute_sql("CREATE TABLE IF NOT EXISTS endless (n BIGINT) WITH ('connector' = 'datagen', "
                               "'rows-per-second' = '100', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', "
                               "'fields.n.end' = '1000000000')")
        result = self.t_env.execute_sql("SELECT n FROM endless")
        with self.assertRaises(TimeoutError):
            result.wait(100)
        with result.collect() as results:
            first = [next(results)[0] for _ in range(3)]
        self.assertEqual([1, 2, 3], first)
        client = result.get_job_client()
        deadline = __import__('time').time() + 10
        while client.get_job_status().result().name not in ("CANCELED", "FINISHED") \
                and __import__('time').time() < deadline:
            __import__('time').sleep(0.05)
        self.assertEqual("CANCELED", client.get_job_status().result().name)

    def test_job_client(self):
        self.t_env.execute_sql("CREATE TABLE IF NOT EXISTS nums (n BIGINT) WITH ('connector' = 'datagen', "
                               "'number-of-rows' = '5', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', "
                               "'fields.n.end' = '5')")
        self.t_env.execute_sql("CREATE TABLE IF NOT EXISTS bh (n BIGINT) WITH ('connector' = 'blackhole')")
        result = self.t_env.execute_sql("INSERT INTO bh SELECT n FROM nums")
        client = result.get_job_client()
        self.assertTrue(client.get_job_id())
        result.wait(60000)
        self.assertEqual("FINISHED", client.get_job_status().result().name)


if __name__ == '__main__':
    unittest.main()
