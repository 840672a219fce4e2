"""Every public method name of PyFlink 2.x's main classes exists in sluice, under the same module path with
``pyflink`` renamed: a method either works or raises ``NotImplementedError("not supported yet: ...")`` (those are
listed in docs/python.md's "Not supported yet"). The names are kept here as data, per class, as PyFlink's sources
define them; a name missing from sluice fails the test."""

import importlib
import unittest

PYFLINK_METHODS = {
    "sluice.table.TableEnvironment": """
        create register_catalog create_catalog get_catalog load_module unload_module use_modules
        create_java_temporary_system_function create_temporary_system_function drop_temporary_system_function
        create_java_function drop_function create_java_temporary_function create_temporary_function
        drop_temporary_function create_temporary_table create_table from_path from_descriptor list_catalogs
        list_modules list_full_modules list_databases list_tables list_views list_user_defined_functions
        list_functions list_temporary_tables list_temporary_views drop_temporary_table drop_temporary_view
        explain_sql sql_query execute_sql create_statement_set get_current_catalog use_catalog
        get_current_database use_database get_config create_temporary_view add_python_file
        set_python_requirements add_python_archive from_elements from_pandas load_plan compile_plan_sql
        execute_plan""",
    "sluice.table.StreamTableEnvironment": """
        create from_data_stream from_changelog_stream to_data_stream to_changelog_stream to_append_stream
        to_retract_stream create_temporary_view""",
    "sluice.table.Table": """
        select alias filter where group_by distinct join left_outer_join right_outer_join full_outer_join
        join_lateral left_outer_join_lateral minus minus_all union union_all intersect intersect_all order_by
        offset fetch limit window over_window add_columns add_or_replace_columns rename_columns drop_columns
        map flat_map aggregate flat_aggregate to_pandas get_schema get_resolved_schema print_schema
        execute_insert insert_into execute explain""",
    "sluice.table.table.GroupedTable": "select aggregate flat_aggregate",
    "sluice.table.table.GroupWindowedTable": "group_by",
    "sluice.table.table.WindowGroupedTable": "select aggregate flat_aggregate",
    "sluice.table.table.OverWindowedTable": "select",
    "sluice.table.table.AggregatedTable": "select",
    "sluice.table.TableResult": """
        get_job_client wait get_table_schema get_resolved_schema get_result_kind collect print""",
    "sluice.table.table_result.JobClient": """
        get_job_id get_job_status cancel stop_with_savepoint trigger_savepoint get_job_execution_result""",
    "sluice.table.StatementSet": "add_insert_sql attach_as_datastream add_insert explain execute",
    "sluice.table.EnvironmentSettings": """
        new_instance from_configuration in_streaming_mode in_batch_mode is_streaming_mode get_configuration
        to_configuration""",
    "sluice.table.DataTypes": """
        NULL CHAR VARCHAR STRING BOOLEAN BINARY VARBINARY BYTES DECIMAL TINYINT SMALLINT INT BIGINT FLOAT
        DOUBLE DATE TIME TIMESTAMP TIMESTAMP_LTZ TIMESTAMP_WITH_LOCAL_TIME_ZONE ARRAY LIST_VIEW MAP MAP_VIEW
        MULTISET ROW FIELD SECOND MINUTE HOUR DAY MONTH YEAR INTERVAL""",
    "sluice.table.expressions": """
        col lit range_ and_ or_ not_ current_database current_date current_time current_timestamp
        current_watermark local_time local_timestamp to_date to_timestamp to_timestamp_ltz temporal_overlaps
        date_format timestamp_diff convert_tz from_unixtime unix_timestamp array row map_ map_from_arrays
        row_interval pi e rand rand_integer atan2 negative concat concat_ws uuid null_of log source_watermark
        if_then_else coalesce with_columns without_columns with_all_columns json_string json_object
        json_object_agg json_array json_array_agg call call_sql UNBOUNDED_ROW UNBOUNDED_RANGE CURRENT_ROW
        CURRENT_RANGE""",
    "sluice.table.expression.Expression": """
        alias asc desc nulls_first nulls_last in_ start end rowtime proctime is_null is_not_null is_true
        is_false is_not_true is_not_false between not_between then if_null distinct sum sum0 min max count
        avg first_value last_value list_agg stddev_pop stddev_samp var_pop var_samp collect array_agg over
        cast try_cast substring substr trim_leading trim_trailing trim replace char_length upper_case
        lower_case init_cap like similar position lpad rpad overlay regexp regexp_replace regexp_extract
        from_base64 to_base64 ascii chr decode encode left right instr locate parse_url ltrim rtrim repeat
        reverse split_index str_to_map to_date to_time to_timestamp extract floor ceil get flatten at
        cardinality element array_contains array_distinct array_position array_remove array_reverse
        array_union array_concat array_max array_min array_slice array_except array_intersect array_join
        array_sort array_append array_prepend map_keys map_values map_entries map_union sha1 sha224 sha256
        sha384 sha512 sha2 md5 is_json json_exists json_value json_query json_quote json_unquote abs exp
        log10 log2 ln log cosh sinh tanh sqrt power sin cos tan cot asin acos atan degrees radians sign round
        truncate bin hex unhex millis milli seconds second minutes minute hours hour days day weeks week
        months month quarters quarter years year rows percentile printf elt btrim translate starts_with
        ends_with url_decode url_encode regexp_count regexp_extract_all regexp_instr regexp_substr split""",
    "sluice.datastream.StreamExecutionEnvironment": """
        get_execution_environment get_config set_parallelism set_max_parallelism register_slot_sharing_group
        get_parallelism get_max_parallelism set_runtime_mode set_buffer_timeout get_buffer_timeout
        disable_operator_chaining is_chaining_enabled get_checkpoint_config enable_checkpointing
        get_checkpoint_interval get_checkpointing_mode get_state_backend set_state_backend
        enable_changelog_state_backend is_changelog_state_backend_enabled set_default_savepoint_directory
        get_default_savepoint_directory set_restart_strategy get_restart_strategy add_default_kryo_serializer
        register_type_with_kryo_serializer register_type set_stream_time_characteristic
        get_stream_time_characteristic configure add_python_file set_python_requirements add_python_archive
        set_python_executable add_jars add_classpaths get_default_local_parallelism
        set_default_local_parallelism execute execute_async get_execution_plan register_cached_file
        create_input add_source from_source read_text_file from_collection""",
    "sluice.datastream.data_stream.DataStream": """
        get_name name uid set_uid_hash set_parallelism set_max_parallelism get_type get_execution_environment
        force_non_parallel set_buffer_timeout start_new_chain disable_chaining slot_sharing_group
        set_description map flat_map key_by filter window_all count_window_all union connect shuffle project
        rescale rebalance forward broadcast process assign_timestamps_and_watermarks partition_custom
        add_sink sink_to execute_and_collect print get_side_output cache""",
    "sluice.datastream.data_stream.KeyedStream": """
        map flat_map reduce filter sum min max min_by max_by add_sink key_by process window count_window
        union connect partition_custom print""",
    "sluice.datastream.data_stream.WindowedStream": """
        get_execution_environment get_input_type trigger allowed_lateness evictor side_output_late_data reduce
        aggregate apply process""",
    "sluice.datastream.data_stream.AllWindowedStream": """
        get_execution_environment get_input_type trigger allowed_lateness evictor side_output_late_data reduce
        aggregate apply process""",
    "sluice.datastream.data_stream.ConnectedStreams": "key_by map flat_map process",
    "sluice.datastream.data_stream.BroadcastConnectedStream": "process",
    "sluice.datastream.data_stream.DataStreamSink": """
        name uid set_uid_hash set_parallelism set_description disable_chaining slot_sharing_group""",
    "sluice.datastream.AsyncDataStream": """
        unordered_wait ordered_wait unordered_wait_with_retry ordered_wait_with_retry unordered_wait_batch
        ordered_wait_batch""",
    "sluice.datastream.AsyncBatchFunction": "open close async_invoke_batch timeout_batch",
    "sluice.datastream.AsyncFunction": "open close async_invoke timeout",
    "sluice.datastream.AsyncRetryStrategy": """
        fixed_delay exponential_backoff can_retry get_backoff_time_millis get_retry_predicate""",
    "sluice.datastream.async_retry_predicates": """
        empty_result_predicate has_exception_predicate exception_type_predicate""",
    "sluice.datastream.functions.RuntimeContext": """
        get_task_name get_number_of_parallel_subtasks get_max_number_of_parallel_subtasks
        get_index_of_this_subtask get_attempt_number get_task_name_with_subtasks get_job_parameter
        get_metrics_group get_state get_list_state get_map_state get_reducing_state get_aggregating_state""",
    "sluice.datastream.state.StateDescriptor": "get_name enable_time_to_live",
    "sluice.datastream.state.ValueState": "value update clear",
    "sluice.datastream.state.ListState": "get add update add_all clear",
    "sluice.datastream.state.MapState": "get put put_all remove contains items keys values is_empty clear",
    "sluice.datastream.state.ReducingState": "get add clear",
    "sluice.datastream.state.AggregatingState": "get add clear",
    "sluice.datastream.state.StateTtlConfig": """
        get_update_type get_state_visibility get_ttl_time_characteristic get_ttl is_enabled
        get_cleanup_strategies new_builder""",
    "sluice.datastream.state.StateTtlConfig.Builder": """
        set_update_type update_ttl_on_create_and_write update_ttl_on_read_and_write set_state_visibility
        return_expired_if_not_cleaned_up never_return_expired set_ttl_time_characteristic use_processing_time
        cleanup_full_snapshot cleanup_incrementally cleanup_in_rocksdb_compact_filter
        disable_cleanup_in_background set_ttl build""",
    "sluice.common.typeinfo.Types": """
        STRING BYTE BOOLEAN SHORT INT LONG FLOAT DOUBLE CHAR BIG_INT BIG_DEC INSTANT SQL_DATE SQL_TIME
        SQL_TIMESTAMP LOCAL_DATE LOCAL_TIME LOCAL_DATE_TIME PICKLED_BYTE_ARRAY ROW ROW_NAMED TUPLE
        PRIMITIVE_ARRAY BASIC_ARRAY OBJECT_ARRAY MAP LIST""",
}

# PyFlink 2.x's modules, renamed: each imports; those marked * raise NotImplementedError for any name taken from them
PYFLINK_MODULES = """
    common common.configuration common.typeinfo common.types common.time common.watermark_strategy
    common.serialization common.job_client common.job_status common.job_execution_result common.execution_config
    common.restart_strategy
    datastream datastream.data_stream datastream.stream_execution_environment datastream.functions datastream.state
    datastream.window datastream.output_tag datastream.execution_mode datastream.checkpointing_mode
    datastream.time_characteristic datastream.checkpoint_config datastream.time_domain datastream.timerservice
    datastream.async_data_stream datastream.async_retry_strategies datastream.async_retry_predicates
    datastream.state_backend datastream.checkpoint_storage
    datastream.slot_sharing_group* datastream.connectors datastream.connectors.base datastream.connectors.file_system
    datastream.connectors.kafka datastream.connectors.number_seq datastream.connectors.datagen
    datastream.connectors.jdbc* datastream.connectors.elasticsearch* datastream.connectors.pulsar*
    datastream.connectors.kinesis* datastream.connectors.cassandra* datastream.connectors.rabbitmq*
    datastream.connectors.hybrid_source* datastream.connectors.dynamic_kafka* datastream.formats
    datastream.formats.avro datastream.formats.csv datastream.formats.json datastream.formats.parquet
    table table.table_environment table.table table.table_result table.statement_set table.table_config
    table.environment_settings table.expressions table.expression table.window table.udf table.data_view
    table.types table.catalog table.module table.changelog_mode table.compiled_plan table.plan_reference
    table.table_pipeline table.descriptors table.schema table.table_descriptor table.table_schema table.sql_dialect
    table.explain_detail table.result_kind table.model* table.model_descriptor* table.function_definition*
    metrics metrics.metricbase util util.exceptions"""

# the state descriptors PyFlink has, each constructed as in PyFlink
STATE_DESCRIPTORS = ("ValueStateDescriptor", "ListStateDescriptor", "MapStateDescriptor", "ReducingStateDescriptor",
                     "AggregatingStateDescriptor")


def _resolve(path):
    parts = path.split(".")
    for split in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            target = getattr(target, name)
        return target
    raise ImportError(path)


class PyFlinkSurfaceTest(unittest.TestCase):
    maxDiff = None

    def test_every_pyflink_method_exists(self):
        missing = []
        for path, names in PYFLINK_METHODS.items():
            target = _resolve(path)
            missing += ["%s.%s" % (path, n) for n in names.split() if not hasattr(target, n)]
        self.assertEqual([], missing)

    def test_every_pyflink_module_imports(self):
        for entry in PYFLINK_MODULES.split():
            module = importlib.import_module("sluice." + entry.rstrip("*"))
            if entry.endswith("*"):
                with self.assertRaisesRegex(NotImplementedError, "not supported yet", msg=entry):
                    getattr(module, "SomeClass")

    def test_state_descriptors(self):
        state = importlib.import_module("sluice.datastream.state")
        for name in STATE_DESCRIPTORS:
            self.assertTrue(issubclass(getattr(state, name), state.StateDescriptor), name)


class AddedMethodsTest(unittest.TestCase):
    """The methods the list above brought in, at work."""

    def test_table_environment(self):
        from sluice.table import EnvironmentSettings, TableEnvironment
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t_env.execute_sql("CREATE TEMPORARY TABLE tmp_t (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')")
        t_env.execute_sql("CREATE TABLE perm_t (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')")
        t_env.execute_sql("CREATE TEMPORARY VIEW tmp_v AS SELECT 1 AS x")
        t_env.execute_sql("CREATE VIEW perm_v AS SELECT 2 AS x")
        try:
            self.assertEqual(["tmp_t", "tmp_v"], sorted(t_env.list_temporary_tables()))
            self.assertEqual(["tmp_v"], t_env.list_temporary_views())
        finally:
            t_env.execute_sql("DROP TABLE perm_t")
            t_env.execute_sql("DROP VIEW perm_v")
        t_env.create_java_function("java_plus_one", "io.sluice.python.PlusOne")
        t_env.create_java_function("java_plus_one", "io.sluice.python.PlusOne", True)
        with t_env.execute_sql("SELECT java_plus_one(CAST(41 AS BIGINT))").collect() as rows:
            self.assertEqual([42], [r[0] for r in rows])
        t_env.drop_function("java_plus_one")

    def test_expressions_and_types(self):
        from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
        from sluice.table.expressions import array, col, lit, map_from_arrays
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t = t_env.from_elements([(1,)], ["a"]).select(map_from_arrays(array(lit("k")), array(col("a"))).alias("m"))
        with t.execute().collect() as rows:
            self.assertEqual([{"k": 1}], [r[0] for r in rows])
        for not_yet in (lambda: DataTypes.SECOND(), lambda: DataTypes.YEAR()):
            with self.assertRaisesRegex(NotImplementedError, "not supported yet"):
                not_yet()

    def test_order_by_nulls_first_and_last(self):
        from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
        from sluice.table.expressions import col
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        t = t_env.from_elements([(1, "x"), (None, "y"), (3, "z")],
                                DataTypes.ROW([DataTypes.FIELD("a", DataTypes.INT()),
                                               DataTypes.FIELD("b", DataTypes.STRING())]))

        def ordered(key):
            with t.order_by(key).select(col("a")).execute().collect() as rows:
                return [r[0] for r in rows]
        self.assertEqual([None, 3, 1], ordered(col("a").desc.nulls_first))
        self.assertEqual([1, 3, None], ordered(col("a").asc.nulls_last))
        self.assertEqual([None, 1, 3], ordered(col("a").nulls_first))
        self.assertEqual([3, 1, None], ordered(col("a").desc.nulls_last))
        with self.assertRaisesRegex(Exception, "NULL placement"):
            ordered(col("a").nulls_first.nulls_last)

    def test_execute_insert_into_descriptor_with_overwrite(self):
        import tempfile
        from sluice.table import DataTypes, EnvironmentSettings, Schema, TableDescriptor, TableEnvironment
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        with tempfile.TemporaryDirectory() as d:
            sink = TableDescriptor.for_connector("filesystem") \
                .schema(Schema.new_builder().column("a", DataTypes.BIGINT()).build()) \
                .option("path", d).format("csv").build()
            t_env.from_elements([(1,), (2,)], ["a"]).execute_insert(sink).wait()
            t_env.from_elements([(3,)], ["a"]).execute_insert(sink).wait()
            with t_env.from_descriptor(sink).execute().collect() as rows:
                self.assertEqual([1, 2, 3], sorted(r[0] for r in rows))
            t_env.from_elements([(4,)], ["a"]).execute_insert(sink, overwrite=True).wait()
            with t_env.from_descriptor(sink).execute().collect() as rows:
                self.assertEqual([4], [r[0] for r in rows])
            t_env.from_elements([(5,)], ["a"]).insert_into(sink, overwrite=True).execute().wait()
            with t_env.from_descriptor(sink).execute().collect() as rows:
                self.assertEqual([5], [r[0] for r in rows])

    def test_stream_execution_environment(self):
        from sluice.common.typeinfo import Types
        from sluice.datastream import StreamExecutionEnvironment
        from sluice.datastream.state import StateTtlConfig
        import datetime
        env = StreamExecutionEnvironment.get_execution_environment()
        self.assertEqual(100, env.get_buffer_timeout())
        self.assertEqual(20, env.set_buffer_timeout(20).get_buffer_timeout())
        self.assertTrue(env.is_chaining_enabled())
        self.assertFalse(env.disable_operator_chaining().is_chaining_enabled())
        self.assertIsNone(env.get_default_savepoint_directory())
        env.set_default_savepoint_directory("/tmp/savepoints")
        self.assertEqual("/tmp/savepoints", env.get_default_savepoint_directory())
        self.assertEqual(1, StreamExecutionEnvironment.get_default_local_parallelism())
        self.assertFalse(env.is_changelog_state_backend_enabled())
        for not_yet in (lambda: env.register_type("a.B"),
                        lambda: env.register_cached_file("/x", "x"), lambda: env.enable_changelog_state_backend(True)):
            with self.assertRaisesRegex(NotImplementedError, "not supported yet"):
                not_yet()
        ttl = StateTtlConfig.new_builder(1000).use_processing_time().build()
        self.assertEqual(StateTtlConfig.TtlTimeCharacteristic.ProcessingTime, ttl.get_ttl_time_characteristic())
        ds = env.from_collection([(1, "a", datetime.date(2024, 1, 2))],
                                 Types.TUPLE([Types.INT(), Types.STRING(), Types.LOCAL_DATE()]))
        with ds.project(2, 0).execute_and_collect() as results:
            self.assertEqual([(datetime.date(2024, 1, 2), 1)], [tuple(r) for r in results])
        with self.assertRaisesRegex(Exception, "Only Tuple DataStreams can be projected"):
            env.from_collection(["a"]).project(0)

    def test_state_backend_checkpoint_storage_and_restart_strategy_objects(self):
        # the options each object stands for (test_datastream_restart runs a job with them)
        from datetime import timedelta
        from sluice.common import Configuration
        from sluice.common.restart_strategy import RestartStrategies
        from sluice.datastream import StreamExecutionEnvironment
        from sluice.datastream.checkpoint_storage import FileSystemCheckpointStorage, JobManagerCheckpointStorage
        from sluice.datastream.state_backend import EmbeddedRocksDBStateBackend, HashMapStateBackend
        env = StreamExecutionEnvironment.get_execution_environment()
        self.assertIsNone(env.get_state_backend())
        self.assertIsNone(env.get_checkpoint_config().get_checkpoint_storage())
        self.assertEqual(RestartStrategies.fall_back_restart(), env.get_restart_strategy())
        env.set_state_backend(EmbeddedRocksDBStateBackend(True))
        self.assertEqual({"state.backend.type": "rocksdb", "execution.checkpointing.incremental": "true"},
                         {k: v for k, v in env._config.items() if k.startswith(("state.", "execution.check"))})
        self.assertTrue(env.get_state_backend().is_incremental_checkpoints_enabled())
        env.set_state_backend(HashMapStateBackend())
        self.assertEqual("hashmap", env._config["state.backend.type"])
        self.assertEqual(HashMapStateBackend(), env.get_state_backend())
        env.set_restart_strategy(RestartStrategies.fixed_delay_restart(3, 500))
        self.assertEqual({"restart-strategy.type": "fixed-delay", "restart-strategy.fixed-delay.attempts": "3",
                          "restart-strategy.fixed-delay.delay": "500 ms"},
                         {k: v for k, v in env._config.items() if k.startswith("restart-strategy")})
        self.assertEqual(timedelta(milliseconds=500), env.get_restart_strategy().get_delay_between_attempts_interval())
        env.set_restart_strategy(RestartStrategies.no_restart())
        self.assertEqual({"restart-strategy.type": "none"},
                         {k: v for k, v in env._config.items() if k.startswith("restart-strategy")})
        with self.assertRaisesRegex(NotImplementedError, "not supported yet: the failure-rate"):
            RestartStrategies.failure_rate_restart(3, timedelta(minutes=1), timedelta(seconds=1))
        env.get_checkpoint_config().set_checkpoint_storage(FileSystemCheckpointStorage("file:///tmp/chk"))
        self.assertEqual("/tmp/chk", env._config["execution.checkpointing.dir"])
        env.get_checkpoint_config().set_checkpoint_storage(JobManagerCheckpointStorage())
        self.assertNotIn("execution.checkpointing.dir", env._config)
        with self.assertRaisesRegex(NotImplementedError, "not supported yet"):
            JobManagerCheckpointStorage(max_state_size=1024)
        # read back from a configuration
        config = Configuration()
        config.set_string("state.backend.type", "rocksdb")
        config.set_string("restart-strategy.type", "fixed-delay")
        config.set_string("restart-strategy.fixed-delay.attempts", "2")
        config.set_string("execution.checkpointing.dir", "/tmp/c")
        env = StreamExecutionEnvironment.get_execution_environment(config)
        self.assertIsInstance(env.get_state_backend(), EmbeddedRocksDBStateBackend)
        self.assertFalse(env.get_state_backend().is_incremental_checkpoints_enabled())
        self.assertEqual(2, env.get_restart_strategy().get_restart_attempts())
        self.assertEqual("/tmp/c", env.get_checkpoint_config().get_checkpoint_storage().get_checkpoint_path())


if __name__ == "__main__":
    unittest.main()
