"""``FileSink.for_bulk_format`` with ``ParquetBulkWriters`` and ``AvroBulkWriters``: files the engine's Parquet and
Avro formats read back (PyFlink's documented file sink examples)."""

import datetime
import os
import shutil
import tempfile
import unittest

from sluice.common import Configuration, Row, Types
from sluice.datastream import StreamExecutionEnvironment
from sluice.common import WatermarkStrategy
from sluice.datastream.connectors.file_system import (BucketAssigner, FileSink, FileSource, OutputFileConfig,
                                                      RollingPolicy)
from sluice.datastream.formats.avro import (AvroBulkWriters, AvroInputFormat, AvroSchema, AvroWriters,
                                           GenericRecordAvroTypeInfo)
from sluice.datastream.formats.csv import CsvBulkWriters, CsvReaderFormat, CsvSchema
from sluice.datastream.formats.parquet import ParquetBulkWriters, ParquetColumnarRowInputFormat
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment

AVRO_SCHEMA = """
{
    "type": "record",
    "name": "User",
    "fields": [
        {"name": "name", "type": "string"},
        {"name": "favorite_number", "type": ["int", "null"]},
        {"name": "favorite_color", "type": ["string", "null"]}
    ]
}
"""


def read_back(directory, ddl_columns, fmt):
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
    t_env.execute_sql("CREATE TABLE files (%s) WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = '%s')"
                      % (ddl_columns, directory, fmt))
    with t_env.execute_sql("SELECT * FROM files").collect() as results:
        return sorted((tuple(r) for r in results), key=repr)


def read_with_file_source(source):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(2)
    ds = env.from_source(source, WatermarkStrategy.no_watermarks(), "files")
    with ds.execute_and_collect() as results:
        return sorted((tuple(r) for r in results), key=repr)


def visible_files(directory):
    return sorted(f for _, _, files in os.walk(directory) for f in files if not f.startswith("."))


class BulkFileSinkTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_parquet_rows(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        row_type = DataTypes.ROW([DataTypes.FIELD('string', DataTypes.STRING()),
                                  DataTypes.FIELD('int_array', DataTypes.ARRAY(DataTypes.INT())),
                                  DataTypes.FIELD('amount', DataTypes.DOUBLE()),
                                  DataTypes.FIELD('day', DataTypes.DATE())])
        type_info = Types.ROW_NAMED(['string', 'int_array', 'amount', 'day'],
                                    [Types.STRING(), Types.LIST(Types.INT()), Types.DOUBLE(), Types.SQL_DATE()])
        ds = env.from_collection([Row('a', [1, 2], 1.5, datetime.date(2024, 1, 2)), Row('b', [], None, None),
                                  Row(None, [3], -2.0, datetime.date(1999, 12, 31))], type_info=type_info)
        config = Configuration()
        config.set_string("parquet.compression", "SNAPPY")
        out = os.path.join(self.dir, "parquet")
        sink = FileSink.for_bulk_format(out, ParquetBulkWriters.for_row_type(row_type, hadoop_config=config,
                                                                              utc_timestamp=True)) \
            .with_bucket_assigner(BucketAssigner.base_path_bucket_assigner()) \
            .with_output_file_config(OutputFileConfig.builder().with_part_prefix("pre").with_part_suffix(".parquet")
                                     .build()) \
            .with_rolling_policy(RollingPolicy.on_checkpoint_rolling_policy()) \
            .build()
        ds.sink_to(sink)
        env.execute("parquet")
        files = visible_files(out)
        self.assertEqual(1, len(files), files)
        self.assertTrue(files[0].startswith("pre-") and files[0].endswith(".parquet"), files)
        self.assertEqual([('a', [1, 2], 1.5, datetime.date(2024, 1, 2)), ('b', [], None, None),
                          (None, [3], -2.0, datetime.date(1999, 12, 31))],
                         read_back(out, "`string` STRING, int_array ARRAY<INT>, amount DOUBLE, `day` DATE",
                                   "parquet"))
        # and a DataStream FileSource reads them as rows
        self.assertEqual([('a', [1, 2], 1.5, datetime.date(2024, 1, 2)), ('b', [], None, None),
                          (None, [3], -2.0, datetime.date(1999, 12, 31))],
                         read_with_file_source(FileSource.for_bulk_file_format(
                             ParquetColumnarRowInputFormat(row_type), out).build()))

    def test_avro_generic_records(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        schema = AvroSchema.parse_string(AVRO_SCHEMA)
        out = os.path.join(self.dir, "avro")
        users = [('alice', 7, 'red'), ('bob', None, None), ('carol', 3, 'blue'), ('dave', 1, None)]
        env.from_collection(users) \
            .map(lambda u: {'name': u[0], 'favorite_number': u[1], 'favorite_color': u[2]},
                 output_type=GenericRecordAvroTypeInfo(schema)) \
            .sink_to(FileSink.for_bulk_format(out, AvroBulkWriters.for_generic_record(schema))
                     .with_bucket_assigner(BucketAssigner.base_path_bucket_assigner()).build())
        env.execute("avro")
        self.assertEqual(sorted(users, key=repr),
                         read_back(out, "name STRING, favorite_number INT, favorite_color STRING", "avro"))

    def test_avro_input_format_reads_generic_records_as_dicts(self):
        # written with PyFlink's AvroWriters name, read back with env.create_input(AvroInputFormat(...))
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        schema = AvroSchema.parse_string(AVRO_SCHEMA)
        out = os.path.join(self.dir, "avro")
        users = [('alice', 7, 'red'), ('bob', None, None), ('carol', 3, 'blue')]
        env.from_collection(users) \
            .map(lambda u: {'name': u[0], 'favorite_number': u[1], 'favorite_color': u[2]},
                 output_type=GenericRecordAvroTypeInfo(schema)) \
            .sink_to(FileSink.for_bulk_format(out, AvroWriters.for_generic_record(schema))
                     .with_bucket_assigner(BucketAssigner.base_path_bucket_assigner()).build())
        env.execute("avro")
        ds = env.create_input(AvroInputFormat(out, schema))
        self.assertEqual(GenericRecordAvroTypeInfo(schema), ds.get_type())
        with ds.map(lambda r: (type(r).__name__, r['name'], r['favorite_number'], r['favorite_color']),
                    Types.TUPLE([Types.STRING(), Types.STRING(), Types.INT(), Types.STRING()])) \
                .execute_and_collect() as results:
            self.assertEqual([('dict',) + u for u in sorted(users, key=repr)], sorted(results, key=repr))

    def test_avro_input_format_nested_values(self):
        # a file the engine's Avro format wrote from SQL: a nested record, an array, a map and a date
        out = os.path.join(self.dir, "nested")
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t_env.execute_sql("CREATE TABLE f (id INT, r ROW<x INT, s STRING>, tags ARRAY<STRING>, "
                          "m MAP<STRING, BIGINT>, d DATE) WITH ('connector' = 'filesystem', 'path' = '%s', "
                          "'format' = 'avro')" % out)
        t_env.execute_sql("INSERT INTO f VALUES (1, ROW(2, 'a'), ARRAY['p', 'q'], MAP['k', 5], DATE '2024-02-29'), "
                          "(2, CAST(NULL AS ROW<x INT, s STRING>), ARRAY['z'], MAP['j', 6], NULL)").wait()
        schema = AvroSchema.parse_string("""
        {"type": "record", "name": "F", "fields": [
            {"name": "id", "type": ["null", "int"]},
            {"name": "r", "type": ["null", {"type": "record", "name": "R", "fields": [
                {"name": "x", "type": ["null", "int"]}, {"name": "s", "type": ["null", "string"]}]}]},
            {"name": "tags", "type": ["null", {"type": "array", "items": ["null", "string"]}]},
            {"name": "m", "type": ["null", {"type": "map", "values": ["null", "long"]}]},
            {"name": "d", "type": ["null", {"type": "int", "logicalType": "date"}]}]}
        """)
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        with env.create_input(AvroInputFormat(out, schema)).map(repr, Types.STRING()).execute_and_collect() as rows:
            self.assertEqual(["{'id': 1, 'r': {'x': 2, 's': 'a'}, 'tags': ['p', 'q'], 'm': {'k': 5}, "
                              "'d': datetime.date(2024, 2, 29)}",
                              "{'id': 2, 'r': None, 'tags': ['z'], 'm': {'j': 6}, 'd': None}"], sorted(rows))

    def test_create_input_of_other_formats_is_not_supported_yet(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        with self.assertRaisesRegex(NotImplementedError, "^not supported yet: create_input"):
            env.create_input(object())

    def test_csv_schema(self):
        # PyFlink's documented CsvBulkWriters example
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        schema = CsvSchema.builder() \
            .add_number_column('id', number_type=DataTypes.INT()) \
            .add_string_column('name') \
            .add_array_column('list', ',', element_type=DataTypes.STRING()) \
            .set_column_separator('|') \
            .set_null_value('NULL') \
            .build()
        out = os.path.join(self.dir, "csv")
        env.from_collection([(1, 'a', ['x', 'y']), (2, None, [])]) \
            .map(lambda e: Row(e[0], e[1], e[2]), output_type=schema.get_type_info()) \
            .sink_to(FileSink.for_bulk_format(out, CsvBulkWriters.for_schema(schema))
                     .with_bucket_assigner(BucketAssigner.base_path_bucket_assigner()).build())
        env.execute("csv")
        files = visible_files(out)
        with open(os.path.join(out, files[0])) as f:
            self.assertEqual("1|a|x,y\n2|NULL|\n", f.read())
        self.assertEqual([(1, 'a', ['x', 'y']), (2, None, [])],
                         read_with_file_source(FileSource.for_record_stream_format(
                             CsvReaderFormat.for_schema(schema), out).build()))
        with self.assertRaisesRegex(NotImplementedError, "^not supported yet: "):
            CsvSchema.builder().add_string_column('s').set_use_header()

    def test_a_restored_file_source_goes_on_from_its_savepoint(self):
        import time
        from sluice.common import Encoder
        rows = 200000  # many batches: the source waits for the slow map (backpressure) and is stopped part way
        csv_dir = os.path.join(self.dir, "in")
        os.makedirs(csv_dir)
        with open(os.path.join(csv_dir, "numbers.csv"), "w") as f:
            f.write("".join("%d\n" % i for i in range(rows)))
        schema = CsvSchema.builder().add_number_column('n').build()

        def slowly(row):
            if row[0] % 100 == 0:
                time.sleep(0.005)
            return str(row[0])

        def start(out, savepoint=None):
            config = Configuration()
            config.set_string("execution.checkpointing.dir", tempfile.mkdtemp(dir=self.dir))
            if savepoint is not None:
                config.set_string("execution.savepoint.path", savepoint)
            env = StreamExecutionEnvironment.get_execution_environment(config)
            env.set_parallelism(1)
            env.enable_checkpointing(100)
            env.from_source(FileSource.for_record_stream_format(CsvReaderFormat.for_schema(schema), csv_dir).build(),
                            WatermarkStrategy.no_watermarks(), "numbers") \
                .map(slowly, Types.STRING()) \
                .sink_to(FileSink.for_row_format(out, Encoder.simple_string_encoder())
                         .with_bucket_assigner(BucketAssigner.base_path_bucket_assigner()).build())
            return env.execute_async("numbers")

        def numbers(out):
            found = []
            for name in visible_files(out):
                with open(os.path.join(out, name)) as f:
                    found += [int(line) for line in f.read().split()]
            return found

        first_out, second_out = os.path.join(self.dir, "first"), os.path.join(self.dir, "second")
        client = start(first_out)
        deadline = time.time() + 60
        while not numbers(first_out) and time.time() < deadline:  # a checkpoint finished a part file
            time.sleep(0.05)
        savepoint = client.stop_with_savepoint(False, os.path.join(self.dir, "savepoints")).result()
        client.get_job_execution_result().result()
        before = numbers(first_out)
        self.assertTrue(0 < len(before) < rows, "stopped part way: %d rows" % len(before))
        start(second_out, savepoint).get_job_execution_result().result()
        self.assertEqual(list(range(rows)), sorted(before + numbers(second_out)), "every row once")

    def test_the_records_must_be_rows(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        row_type = DataTypes.ROW([DataTypes.FIELD('s', DataTypes.STRING())])
        sink = FileSink.for_bulk_format(self.dir, ParquetBulkWriters.for_row_type(row_type)).build()
        with self.assertRaisesRegex(TypeError, "give the function before the sink that output_type"):
            env.from_collection(['x']).sink_to(sink)
        with self.assertRaisesRegex(NotImplementedError, "^not supported yet: "):
            FileSink.for_bulk_format(self.dir, ParquetBulkWriters.for_row_type(row_type)) \
                .with_rolling_policy(RollingPolicy.default_rolling_policy())
        bad = Configuration()
        bad.set_string("parquet.bloom.filter.enabled", "true")
        with self.assertRaisesRegex(NotImplementedError, "^not supported yet: "):
            ParquetBulkWriters.for_row_type(row_type, hadoop_config=bad)


if __name__ == "__main__":
    unittest.main()
