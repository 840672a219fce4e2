"""StreamTableEnvironment over a Python StreamExecutionEnvironment: DataStreams to tables and back, as in PyFlink's
documentation."""

import io
import unittest
from contextlib import redirect_stdout

from sluice.common import Row, RowKind, Types
from sluice.datastream import StreamExecutionEnvironment
from sluice.table import ChangelogMode, DataTypes, Schema, StreamTableEnvironment
from sluice.table.expressions import col


def environment():
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(1)
    return env, StreamTableEnvironment.create(env)


def changes(result):
    """The rows of a TableResult as (row kind, fields), in order."""
    with result.collect() as rows:
        return [(r.get_row_kind().short_string(), tuple(r)) for r in rows]


class StreamTableEnvironmentTest(unittest.TestCase):
    def test_from_changelog_stream(self):
        # PyFlink's "Examples for fromChangelogStream", renamed, with their documented results (Flink prints Bob's
        # row first: its keys run in parallel instances)
        env, t_env = environment()
        ds = env.from_collection([
            Row.of_kind(RowKind.INSERT, "Alice", 12),
            Row.of_kind(RowKind.INSERT, "Bob", 5),
            Row.of_kind(RowKind.UPDATE_BEFORE, "Alice", 12),
            Row.of_kind(RowKind.UPDATE_AFTER, "Alice", 100)],
            type_info=Types.ROW([Types.STRING(), Types.INT()]))
        table = t_env.from_changelog_stream(ds)
        t_env.create_temporary_view("InputTable", table)
        result = changes(t_env.execute_sql("SELECT f0 AS name, SUM(f1) AS score FROM InputTable GROUP BY f0"))
        self.assertEqual([c for c in result if c[1][0] == "Bob"], [("+I", ("Bob", 5))])
        self.assertEqual([c for c in result if c[1][0] == "Alice"],
                         [("+I", ("Alice", 12)), ("-D", ("Alice", 12)), ("+I", ("Alice", 100))])

        # interpret the stream as an upsert stream (without a need for UPDATE_BEFORE)
        ds = env.from_collection([
            Row.of_kind(RowKind.INSERT, "Alice", 12),
            Row.of_kind(RowKind.INSERT, "Bob", 5),
            Row.of_kind(RowKind.UPDATE_AFTER, "Alice", 100)],
            type_info=Types.ROW([Types.STRING(), Types.INT()]))
        table = t_env.from_changelog_stream(
            ds,
            Schema.new_builder().primary_key("f0").build(),
            ChangelogMode.upsert())
        t_env.create_temporary_view("UpsertTable", table)
        result = changes(t_env.execute_sql("SELECT f0 AS name, SUM(f1) AS score FROM UpsertTable GROUP BY f0"))
        self.assertEqual([c for c in result if c[1][0] == "Bob"], [("+I", ("Bob", 5))])
        # Flink documents "-U Alice 12, +U Alice 100" here; the engine's aggregation says the same change as a
        # delete and an insert (as in the first example): the same table at every step
        self.assertEqual([c for c in result if c[1][0] == "Alice"],
                         [("+I", ("Alice", 12)), ("-D", ("Alice", 12)), ("+I", ("Alice", 100))])
        with self.assertRaisesRegex(TypeError, "from_changelog_stream takes a stream of rows"):
            t_env.from_changelog_stream(env.from_collection(["a"], Types.STRING()))

    def test_to_changelog_stream_in_upsert_mode(self):
        env, t_env = environment()
        simple_table = t_env.from_elements([Row("Alice", 12), Row("Alice", 2), Row("Bob", 12)],
                                           DataTypes.ROW([DataTypes.FIELD("name", DataTypes.STRING()),
                                                          DataTypes.FIELD("score", DataTypes.INT())]))
        simple_table = simple_table.group_by(col('name')).select(col('name'), col('score').sum.alias('score'))
        schema = Schema.new_builder().column("name", DataTypes.STRING().not_null()) \
            .column("score", DataTypes.INT()).primary_key("name").build()
        ds = t_env.to_changelog_stream(simple_table, schema, ChangelogMode.upsert())
        with ds.map(lambda r: "%s%s" % (r.get_row_kind().short_string(), list(r)), Types.STRING()) \
                .execute_and_collect() as it:
            got = list(it)
        # no update-before rows in upsert mode
        self.assertEqual(sorted(got), ["+I['Alice', 12]", "+I['Bob', 12]", "+U['Alice', 14]"])
        with self.assertRaisesRegex(TypeError, "needs a target_schema"):
            t_env.to_changelog_stream(simple_table, changelog_mode=ChangelogMode.upsert())

    def test_from_data_stream_and_back(self):
        # PyFlink's "DataStream API Integration" example, renamed
        env, t_env = environment()
        ds = env.from_collection(["Alice", "Bob", "John"], Types.STRING())
        input_table = t_env.from_data_stream(ds).alias("name")
        t_env.create_temporary_view("InputTable", input_table)
        result_table = t_env.sql_query("SELECT UPPER(name) FROM InputTable")
        result_stream = t_env.to_data_stream(result_table)
        result_stream.print()
        out = io.StringIO()
        with redirect_stdout(out):
            env.execute()
        self.assertEqual(out.getvalue().splitlines(), ["+I[ALICE]", "+I[BOB]", "+I[JOHN]"])

    def test_to_changelog_stream(self):
        env, t_env = environment()
        ds = env.from_collection([Row("Alice", 12), Row("Bob", 10), Row("Alice", 100)],
                                 type_info=Types.ROW_NAMED(["name", "score"], [Types.STRING(), Types.INT()]))
        t_env.create_temporary_view("InputTable", ds)
        result_table = t_env.sql_query("SELECT name, SUM(score) AS total FROM InputTable GROUP BY name")
        with t_env.to_changelog_stream(result_table).execute_and_collect() as rows:
            got = [(r.get_row_kind(), r.name, r.total) for r in rows]
        self.assertEqual(got, [(RowKind.INSERT, "Alice", 12), (RowKind.INSERT, "Bob", 10),
                               (RowKind.UPDATE_BEFORE, "Alice", 12), (RowKind.UPDATE_AFTER, "Alice", 112)])

    def test_python_functions_on_both_sides_of_a_table(self):
        env, t_env = environment()
        words = env.from_collection(["to be", "or not to be"]) \
            .flat_map(lambda line: line.split(), Types.STRING()) \
            .map(lambda w: Row(w, len(w)), Types.ROW_NAMED(["word", "length"], [Types.STRING(), Types.INT()]))
        table = t_env.from_data_stream(words)
        self.assertEqual(table.get_schema().get_field_names(), ["word", "length"])
        counts = table.group_by(col("word")).select(col("word"), col("length").sum.alias("total"))
        # the changelog of the streaming aggregation, applied
        final = counts.to_pandas().sort_values("word")
        self.assertEqual(list(zip(final["word"], final["total"])), [("be", 4), ("not", 3), ("or", 2), ("to", 4)])
        long_words = t_env.to_data_stream(table.where(col("length") > 2))
        self.assertEqual(list(long_words.map(lambda r: r.word.upper()).execute_and_collect()), ["NOT"])

    def test_field_names_schema_and_tuples(self):
        env, t_env = environment()
        ds = env.from_collection([(1, "a"), (2, "b")], type_info=Types.TUPLE([Types.INT(), Types.STRING()]))
        self.assertEqual(t_env.from_data_stream(ds).get_schema().get_field_names(), ["f0", "f1"])
        renamed = t_env.from_data_stream(ds, col("id"), col("name"))
        self.assertEqual(renamed.get_schema().get_field_names(), ["id", "name"])
        with_schema = t_env.from_data_stream(ds, Schema.new_builder().column("f0", DataTypes.BIGINT())
                                             .column("f1", DataTypes.STRING()).build())
        self.assertEqual([str(t) for t in with_schema.get_schema().get_field_data_types()], ["BIGINT", "STRING"])
        self.assertEqual(sorted(tuple(r) for r in renamed.execute().collect()), [(1, "a"), (2, "b")])

    def test_streams_of_pickled_objects_need_a_type(self):
        env, t_env = environment()
        with self.assertRaisesRegex(TypeError, "declare its type"):
            t_env.from_data_stream(env.from_collection([1, 2]))

    def test_streams_of_another_environment_are_refused(self):
        _, t_env = environment()
        other = StreamExecutionEnvironment.get_execution_environment()
        with self.assertRaisesRegex(ValueError, "another StreamExecutionEnvironment"):
            t_env.from_data_stream(other.from_collection([1], Types.INT()))


if __name__ == '__main__':
    unittest.main()
