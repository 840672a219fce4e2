"""TableEnvironment creation, configuration, descriptors and column operations as PyFlink's documentation uses
them."""

import unittest

from sluice.common import Configuration
from sluice.table import (DataTypes, EnvironmentSettings, FormatDescriptor, Schema, TableDescriptor,
                          TableEnvironment)
from sluice.table.expressions import call_sql, col, concat, if_then_else, lit


def rows_of(table):
    with table.execute().collect() as results:
        return [tuple(r) for r in results]


class EnvironmentTest(unittest.TestCase):
    def test_settings_builder_and_configuration(self):
        config = Configuration()
        config.set_string("parallelism.default", "2")
        settings = EnvironmentSettings.new_instance().in_batch_mode().with_configuration(config).build()
        self.assertFalse(settings.is_streaming_mode())
        t_env = TableEnvironment.create(settings)
        self.assertEqual("2", t_env.get_config().get("parallelism.default"))
        t_env.get_config().get_configuration().set_string("table.exec.batch-size", "128")
        self.assertEqual("128", t_env.get_config().get("table.exec.batch-size"))
        batch_env = TableEnvironment.create(Configuration().set_string("execution.runtime-mode", "batch"))
        with batch_env.execute_sql("SET").collect() as results:
            options = {r[0]: r[1] for r in results}
        self.assertEqual("batch", options.get("execution.runtime-mode").lower())

    def test_table_descriptor(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t_env.create_temporary_table("SourceTable", TableDescriptor.for_connector("datagen")
                                     .schema(Schema.new_builder()
                                             .column("f0", DataTypes.STRING())
                                             .column("id", DataTypes.BIGINT())
                                             .build())
                                     .option("number-of-rows", "10")
                                     .option("fields.id.kind", "sequence")
                                     .option("fields.id.start", "1")
                                     .option("fields.id.end", "10")
                                     .build())
        self.assertIn("SourceTable", t_env.list_tables())
        total = t_env.from_path("SourceTable").select(col('id').sum.alias('total'))
        self.assertEqual([(55,)], rows_of(total))
        csv = TableDescriptor.for_connector("filesystem") \
            .schema(Schema.new_builder().column("a", DataTypes.INT()).build()) \
            .option("path", "/nonexistent-sluice-dir") \
            .format(FormatDescriptor.for_format("csv").option("field-delimiter", "|").build()) \
            .build()
        t_env.create_temporary_table("CsvTable", csv)
        self.assertEqual(['a'], t_env.from_path("CsvTable").get_schema().get_field_names())

    def test_column_operations_and_functions(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t = t_env.from_elements([(1, 'a', 10.0), (2, 'b', 20.0)], ['id', 'name', 'amount'])
        t2 = t.add_columns((col('amount') * 2).alias('doubled')) \
            .rename_columns(col('name').alias('label')) \
            .drop_columns(col('amount'))
        self.assertEqual(['id', 'label', 'doubled'], t2.get_schema().get_field_names())
        result = t2.select(col('id'), if_then_else(col('id') > 1, 'big', 'small'),
                           concat(col('label'), lit('!')), call_sql("UPPER(label)"))
        self.assertEqual([(1, 'small', 'a!', 'A'), (2, 'big', 'b!', 'B')], rows_of(result))
        casted = t.select(col('amount').cast(DataTypes.DECIMAL(10, 2)).alias('d'),
                          col('id').cast(DataTypes.STRING()).alias('s'))
        self.assertEqual(['DECIMAL(10, 2)', 'STRING'],
                         [str(x) for x in casted.get_schema().get_field_data_types()])

    def test_statements_without_rows(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        result = t_env.execute_sql("CREATE TABLE x (a INT) WITH ('connector' = 'blackhole')")
        self.assertEqual("SUCCESS", result.get_result_kind().name)
        self.assertIsNone(result.get_job_client())
        self.assertEqual(['result'], result.get_table_schema().get_field_names())

    def test_catalog_objects_of_the_environment(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        self.assertEqual(("default_catalog", "default_database"),
                         (t_env.get_current_catalog(), t_env.get_current_database()))
        self.assertIn("UPPER", t_env.list_functions())
        self.assertEqual(["core"], t_env.list_modules())
        t_env.execute_sql("CREATE TABLE dropped (a INT) WITH ('connector' = 'blackhole')")
        self.assertTrue(t_env.drop_table("dropped"))
        self.assertFalse(t_env.drop_table("dropped"))
        with self.assertRaisesRegex(Exception, "does not exist"):
            t_env.drop_table("dropped", ignore_if_not_exists=False)
        t_env.create_view("answers", t_env.sql_query("SELECT 42 AS answer"))
        self.assertIn("answers", t_env.list_views())
        self.assertEqual([(42,)], rows_of(t_env.from_path("answers")))
        t_env.create_view("answers", t_env.sql_query("SELECT 43 AS answer"), ignore_if_exists=True)
        self.assertTrue(t_env.drop_view("answers"))
        self.assertFalse(t_env.drop_view("answers"))
        self.assertFalse(t_env.drop_function("no_such_function"))


if __name__ == '__main__':
    unittest.main()
