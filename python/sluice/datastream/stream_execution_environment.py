"""StreamExecutionEnvironment of the Python DataStream API (PyFlink's shape)."""

import secrets
from enum import Enum

import cloudpickle

from sluice.common.configuration import Configuration
from sluice.common.typeinfo import encode
from sluice.datastream.data_stream import CloseableIterator, DataStream

__all__ = ['StreamExecutionEnvironment', 'JobClient', 'RuntimeExecutionMode', 'CheckpointingMode', 'JobExecutionResult',
           'CheckpointConfig', 'ExecutionConfig', 'TimeCharacteristic']


class RuntimeExecutionMode(Enum):
    STREAMING = 0
    BATCH = 1
    AUTOMATIC = 2


class CheckpointingMode(Enum):
    EXACTLY_ONCE = 0
    AT_LEAST_ONCE = 1


class TimeCharacteristic(Enum):
    ProcessingTime = 0
    IngestionTime = 1
    EventTime = 2


class JobExecutionResult(object):
    def __init__(self, job_id, net_runtime):
        self._job_id = job_id
        self._net_runtime = net_runtime

    def get_job_id(self):
        return self._job_id

    def get_net_runtime(self):
        return self._net_runtime

    def is_job_execution_result(self):
        return True

    def get_job_execution_result(self):
        return self

    def __repr__(self):
        return "JobExecutionResult(job_id=%s, net_runtime=%d ms)" % (self._job_id, self._net_runtime)


class CheckpointConfig(object):
    """Checkpoint settings (the interval and the directory; checkpoints are always exactly-once and aligned)."""

    def __init__(self, env):
        self._env = env

    def set_checkpoint_interval(self, checkpoint_interval):
        self._env._checkpoint_interval = int(checkpoint_interval)
        return self

    def get_checkpoint_interval(self):
        return self._env._checkpoint_interval if self._env._checkpoint_interval is not None else -1

    def is_checkpointing_enabled(self):
        return self._env._checkpoint_interval is not None

    def set_checkpointing_mode(self, checkpointing_mode):
        if checkpointing_mode != CheckpointingMode.EXACTLY_ONCE:
            raise NotImplementedError("not supported yet: at-least-once checkpoints")
        return self

    def get_checkpointing_mode(self):
        return CheckpointingMode.EXACTLY_ONCE

    def set_checkpoint_storage_dir(self, checkpoint_path):
        path = checkpoint_path[len("file://"):] if checkpoint_path.startswith("file://") else checkpoint_path
        from sluice.datastream.checkpoint_storage import FileSystemCheckpointStorage
        return self.set_checkpoint_storage(FileSystemCheckpointStorage(path))

    def set_checkpoint_storage(self, storage):
        """Where checkpoints are written (a ``FileSystemCheckpointStorage`` or ``JobManagerCheckpointStorage``): sets
        ``execution.checkpointing.dir``."""
        from sluice.datastream.checkpoint_storage import CheckpointStorage
        if not isinstance(storage, CheckpointStorage):
            raise TypeError("The input %s is not an instance of CheckpointStorage." % (storage,))
        storage._apply(self._env._config)
        self._env._checkpoint_storage = storage
        return self

    def get_checkpoint_storage(self):
        """The storage set with ``set_checkpoint_storage`` or ``set_checkpoint_storage_dir``, else a
        ``FileSystemCheckpointStorage`` of the configuration's ``execution.checkpointing.dir``, else None."""
        if self._env._checkpoint_storage is None and self._env._config.get("execution.checkpointing.dir"):
            from sluice.datastream.checkpoint_storage import FileSystemCheckpointStorage
            return FileSystemCheckpointStorage(self._env._config["execution.checkpointing.dir"])
        return self._env._checkpoint_storage

    def set_max_concurrent_checkpoints(self, max_concurrent_checkpoints):
        if max_concurrent_checkpoints != 1:
            raise NotImplementedError("not supported yet: concurrent checkpoints")
        return self


class ExecutionConfig(object):
    def __init__(self, env):
        self._env = env

    def set_auto_watermark_interval(self, interval):
        self._env._config["pipeline.auto-watermark-interval"] = "%d ms" % int(interval)
        return self

    def get_auto_watermark_interval(self):
        v = self._env._config.get("pipeline.auto-watermark-interval", "200 ms")
        return int(v.split()[0])

    def set_global_job_parameters(self, global_job_parameters_dict):
        params = global_job_parameters_dict.to_dict() if isinstance(global_job_parameters_dict, Configuration) \
            else dict(global_job_parameters_dict)
        self._env._job_parameters.update({k: str(v) for k, v in params.items()})
        return self

    def get_global_job_parameters(self):
        return dict(self._env._job_parameters)

    def set_parallelism(self, parallelism):
        self._env.set_parallelism(parallelism)
        return self

    def get_parallelism(self):
        return self._env.get_parallelism()


class StreamExecutionEnvironment(object):
    """Where a DataStream program is built and run. The engine runs in a JVM this package starts (shared with the
    Table API's environments of the process)."""

    _default_local_parallelism = 1

    def __init__(self, configuration=None):
        self._config = dict(configuration.to_dict()) if configuration is not None else {}
        self._job_parameters = {}
        self._parallelism = None
        self._max_parallelism = None
        self._mode = None
        self._checkpoint_interval = None
        self._buffer_timeout = 100
        self._chaining = True
        self._state_backend = None
        self._checkpoint_storage = None
        self._restart_strategy = None
        self._nodes = []
        self._buffers = []
        self._sinks = []
        # the engine's graph of this environment once a StreamTableEnvironment uses it (nodes then go to the engine
        # as they are needed, and the ids in _sent are there)
        self._java_graph = None
        self._sent = set()
        mode = self._config.pop("execution.runtime-mode", None)
        if mode:
            self._mode = RuntimeExecutionMode[mode.strip().upper()]
        if "parallelism.default" in self._config:
            self._parallelism = int(self._config.pop("parallelism.default"))
        if "execution.checkpointing.interval" in self._config:
            from sluice.datastream._durations import parse_millis
            self._checkpoint_interval = parse_millis(self._config.pop("execution.checkpointing.interval"))

    @staticmethod
    def get_execution_environment(configuration=None):
        return StreamExecutionEnvironment(configuration)

    # ---- settings

    def get_config(self):
        return ExecutionConfig(self)

    def configure(self, configuration):
        self._config.update(configuration.to_dict())

    def set_parallelism(self, parallelism):
        self._parallelism = int(parallelism)
        return self

    def get_parallelism(self):
        if self._parallelism is not None:
            return self._parallelism
        return StreamExecutionEnvironment._default_local_parallelism

    def set_max_parallelism(self, max_parallelism):
        self._max_parallelism = int(max_parallelism)
        return self

    def get_max_parallelism(self):
        return self._max_parallelism if self._max_parallelism is not None else -1

    def set_runtime_mode(self, execution_mode):
        self._mode = execution_mode
        return self

    def enable_checkpointing(self, interval, mode=None):
        if mode is not None and mode != CheckpointingMode.EXACTLY_ONCE:
            raise NotImplementedError("not supported yet: at-least-once checkpoints")
        self._checkpoint_interval = int(interval)
        return self

    def get_checkpoint_interval(self):
        return self._checkpoint_interval if self._checkpoint_interval is not None else -1

    def get_checkpoint_config(self):
        return CheckpointConfig(self)

    def get_checkpointing_mode(self):
        return CheckpointingMode.EXACTLY_ONCE

    def set_stream_time_characteristic(self, characteristic):
        """Deprecated in Flink; event time is always available."""
        return self

    def get_stream_time_characteristic(self):
        return TimeCharacteristic.EventTime

    def set_buffer_timeout(self, timeout_millis):
        """Kept for get_buffer_timeout; the engine sends a batch when it is full or its input paused."""
        self._buffer_timeout = int(timeout_millis)
        return self

    def get_buffer_timeout(self):
        return self._buffer_timeout

    def disable_operator_chaining(self):
        """Chaining is decided by the engine (it chains a job's Python functions into one worker); this changes
        nothing but is_chaining_enabled."""
        self._chaining = False
        return self

    def is_chaining_enabled(self):
        return self._chaining

    def register_slot_sharing_group(self, slot_sharing_group):
        """Slot sharing groups change nothing: the engine runs every task of a job in its own process."""
        return self

    @staticmethod
    def get_default_local_parallelism():
        return StreamExecutionEnvironment._default_local_parallelism

    @staticmethod
    def set_default_local_parallelism(parallelism):
        """The parallelism of the environments that set none (1 unless this changes it)."""
        StreamExecutionEnvironment._default_local_parallelism = int(parallelism)

    def set_default_savepoint_directory(self, directory):
        """Where JobClient.stop_with_savepoint and trigger_savepoint of this environment's jobs write without a
        directory of their own (``execution.checkpointing.savepoint-dir``)."""
        self._config["execution.checkpointing.savepoint-dir"] = str(directory)
        return self

    def get_default_savepoint_directory(self):
        return self._config.get("execution.checkpointing.savepoint-dir")

    def is_changelog_state_backend_enabled(self):
        return False

    def enable_changelog_state_backend(self, enabled):
        raise NotImplementedError("not supported yet: the changelog state backend")

    def get_state_backend(self):
        """The state backend set with ``set_state_backend``, else the one ``state.backend.type`` of the
        configuration names, else None (the engine's default, the heap)."""
        if self._state_backend is not None:
            return self._state_backend
        from sluice.datastream.state_backend import _from_config
        return _from_config(self._config)

    def get_restart_strategy(self):
        """The restart strategy set with ``set_restart_strategy``, else the one ``restart-strategy.type`` of the
        configuration names, else ``RestartStrategies.fall_back_restart()`` (the engine's default)."""
        if self._restart_strategy is not None:
            return self._restart_strategy
        from sluice.common.restart_strategy import _from_config
        return _from_config(self._config)

    def add_default_kryo_serializer(self, type_class_name, serializer_class_name):
        raise NotImplementedError("not supported yet: Kryo serializers (Python records are pickled or typed by "
                                  "their TypeInformation)")

    def register_type_with_kryo_serializer(self, type_class_name, serializer_class_name):
        raise NotImplementedError("not supported yet: Kryo serializers (Python records are pickled or typed by "
                                  "their TypeInformation)")

    def register_type(self, type_class_name):
        raise NotImplementedError("not supported yet: register_type (Java types of Kryo; Python records are "
                                  "pickled or typed by their TypeInformation)")

    def register_cached_file(self, file_path, name, executable=False):
        raise NotImplementedError("not supported yet: register_cached_file (the distributed cache; the engine runs "
                                  "in one process, so read the file by its path)")

    def add_jars(self, *jars_path):
        raise NotImplementedError("not supported yet: add_jars (put jars on the engine's class path)")

    def add_classpaths(self, *classpaths):
        raise NotImplementedError("not supported yet: add_classpaths (put jars on the engine's class path)")

    def add_python_file(self, file_path):
        """Puts a Python file, a package directory or a .zip/.whl/.egg on the PYTHONPATH of the Python workers of
        the jobs executed after this call."""
        from sluice.java_gateway import add_python_file
        add_python_file(file_path)

    def add_python_archive(self, archive_path, target_dir=None):
        raise NotImplementedError("not supported yet: add_python_archive")

    def set_python_requirements(self, requirements_file_path, requirements_cache_dir=None):
        raise NotImplementedError("not supported yet: set_python_requirements")

    def set_python_executable(self, python_exec):
        self._config["python.executable"] = python_exec
        return self

    def set_state_backend(self, state_backend):
        """Keeps the job's keyed state in ``state_backend`` (a ``HashMapStateBackend`` or an
        ``EmbeddedRocksDBStateBackend``): sets ``state.backend.type`` and the backend's options."""
        from sluice.datastream.state_backend import StateBackend
        if not isinstance(state_backend, StateBackend):
            raise TypeError("The input %s is not an instance of StateBackend." % (state_backend,))
        for key in ("state.backend.incremental", "state.backend.rocksdb.localdir"):
            self._config.pop(key, None)
        self._config.update(state_backend._options())
        self._state_backend = state_backend
        return self

    def set_restart_strategy(self, restart_strategy_configuration):
        """How a failed job restarts (``RestartStrategies.no_restart()``, ``fixed_delay_restart(...)``, ...): sets
        the ``restart-strategy.*`` options."""
        from sluice.common.restart_strategy import RestartStrategyConfiguration
        if not isinstance(restart_strategy_configuration, RestartStrategyConfiguration):
            raise TypeError("The input %s is not a RestartStrategyConfiguration." % (restart_strategy_configuration,))
        restart_strategy_configuration._apply(self._config)
        self._restart_strategy = restart_strategy_configuration
        return self

    # ---- sources

    def from_collection(self, collection, type_info=None):
        """A bounded stream of the elements, in order (type_info None: pickled Python objects)."""
        import struct
        data = []
        for i, v in enumerate(collection):
            try:
                data.append(encode(v, type_info))
            except (TypeError, ValueError, struct.error, AttributeError) as e:
                raise TypeError("Element %d of the collection, %r, does not match the type %r: %s"
                                % (i, v, type_info, e)) from e
        buffer = self._add_buffer(struct.pack(">i", len(data)) + b"".join(data))
        node = self._add_node({"kind": "collection", "buffer": buffer, "name": "Collection Source"})
        return DataStream(self, node, type_info)

    def from_source(self, source, watermark_strategy, source_name, type_info=None):
        """Reads a ``NumberSequenceSource``, a ``FileSource`` (text lines), a ``DataGeneratorSource``, a
        ``KafkaSource`` or a Java source class by name (``Source("com.example.MySource")``; ``type_info`` says what
        its records are)."""
        from sluice.datastream.connectors import Source
        from sluice.common.typeinfo import Types
        if not isinstance(source, Source):
            raise NotImplementedError("not supported yet: the source %s (NumberSequenceSource, FileSource, "
                                      "DataGeneratorSource and KafkaSource are supported)" % type(source).__name__)
        spec = source._node()
        spec["name"] = source_name
        node = self._add_node(spec)
        if getattr(source, "_java_class", None):
            stream = DataStream(self, node, type_info)
        elif hasattr(source, "_after"):
            stream = source._after(DataStream(self, node, Types.LONG()), type_info or source._produced_type())
        else:
            produced = source._produced_type()
            if type_info is not None and repr(type_info) != repr(produced):
                raise TypeError("The source %s produces %r, not %r" % (type(source).__name__, produced, type_info))
            stream = DataStream(self, node, produced)
        if watermark_strategy is not None and watermark_strategy._kind != "none":
            stream = stream.assign_timestamps_and_watermarks(watermark_strategy)
        return stream

    def create_input(self, input_format, type_info=None):
        """Reads the records of an input format: ``AvroInputFormat(path, schema)`` (Avro container files) is
        supported."""
        from sluice.datastream.formats.avro import AvroInputFormat
        if not isinstance(input_format, AvroInputFormat):
            raise NotImplementedError("not supported yet: create_input with %s (AvroInputFormat is supported)"
                                      % type(input_format).__name__)
        produced = input_format.get_produced_type()
        if type_info is not None and repr(type_info) != repr(produced):
            raise TypeError("AvroInputFormat produces %r, not %r" % (produced, type_info))
        spec = input_format._node()
        spec["name"] = "AvroInputFormat"
        return DataStream(self, self._add_node(spec), produced)

    def read_text_file(self, file_path, charset_name="UTF-8"):
        node = self._add_node({"kind": "text_file", "paths": [file_path], "charset": charset_name,
                               "name": "Read Text File"})
        from sluice.common.typeinfo import Types
        return DataStream(self, node, Types.STRING())

    def add_source(self, source_func, source_name='Custom Source', type_info=None):
        raise NotImplementedError("not supported yet: add_source: PyFlink's add_source takes a Java SourceFunction, "
                                  "which Sluice has none of (use from_collection or from_source)")

    def from_sequence(self, start, end):
        node = self._add_node({"kind": "sequence", "from": int(start), "to": int(end), "name": "Sequence Source"})
        from sluice.common.typeinfo import Types
        return DataStream(self, node, Types.LONG())

    # ---- execution

    def execute(self, job_name=None):
        """Runs the job of every sink defined since the last execution and waits for it to end."""
        from sluice.java_gateway import expect_marker, get_gateway
        gateway = get_gateway()
        if not self._sinks:
            raise RuntimeError("No operators defined in streaming topology. Cannot execute.")
        marker = "SLUICE_DATASTREAM_DONE_" + secrets.token_hex(8)
        event = expect_marker(marker)
        try:
            value, reply, _ = self._request(gateway, "ds_execute", job_name=job_name or "Python DataStream job",
                                            marker=marker)
        finally:
            self._sinks = []
        event.wait(60)
        return JobExecutionResult(value, reply.get("net_runtime", 0))

    def execute_async(self, job_name='Flink Streaming Job'):
        """Starts the job of every sink defined since the last execution and returns its ``JobClient`` at once."""
        from sluice.java_gateway import get_gateway
        gateway = get_gateway()
        if not self._sinks:
            raise RuntimeError("No operators defined in streaming topology. Cannot execute.")
        try:
            value, _, _ = self._request(gateway, "ds_execute", job_name=job_name or "Python DataStream job",
                                        **{"async": True})
        finally:
            self._sinks = []
        return JobClient(value["h"], self.get_default_savepoint_directory())

    def get_execution_plan(self):
        """The JSON of the job that ``execute`` would run now (the sinks defined since the last execution and what
        they read), in the shape of Flink's execution plan: ``{"nodes": [{"id", "type", "pact" ("Data Source",
        "Operator" or "Data Sink"), "contents", "parallelism", "predecessors": [{"id", "ship_strategy", "side"}]}]}``.
        Exchanges (``key_by``: HASH, ``rebalance``/``shuffle``/``rescale``: REBALANCE, ``broadcast``: BROADCAST,
        ``global_``: GLOBAL, ``partition_custom``: CUSTOM) are ship strategies of the edges, unions and side outputs
        pass their inputs on, as in Flink's plan. Python functions appear one node each, before chaining."""
        import json
        from sluice.datastream._plan import execution_plan
        return json.dumps(execution_plan(self._nodes, self._sinks, self.get_parallelism()), indent=2)

    def _collect(self, stream, job_name):
        from sluice.java_gateway import get_gateway
        gateway = get_gateway()
        try:
            value, _, _ = self._request(gateway, "ds_collect", collect=stream._id, stream_id=stream._id,
                                        job_name=job_name or "Python DataStream job")
        finally:
            self._sinks = []
        return CloseableIterator(gateway, value["h"], stream._type)

    def _request(self, gateway, op, stream_id=None, **fields):
        """Sends the graph (of a table environment's engine graph: the nodes it does not have yet) with a request."""
        graph, buffers, sent = self._graph(gateway, fields.get("collect") if stream_id is None else stream_id)
        if self._java_graph is not None:
            fields["graph_handle"] = self._java_graph
        value = gateway.request(op, buffers=buffers, graph=graph, **fields)
        self._sent |= sent
        return value

    def _engine_graph(self):
        """The engine's graph of this environment (made on first use; a StreamTableEnvironment needs it)."""
        from sluice.java_gateway import get_gateway
        if self._java_graph is None:
            gateway = get_gateway()
            graph, _, _ = self._graph(gateway, None, nodes=False)
            value, _, _ = gateway.request("ds_graph", graph=graph)
            self._java_graph = value["h"]
        return self._java_graph

    def _send(self, stream_id, type_info=None):
        """Sends the nodes the engine's graph does not have yet; returns the handle of the stream ``stream_id`` (with
        ``type_info`` declared, for a table to read)."""
        from sluice.common.typeinfo import _type_json
        from sluice.java_gateway import get_gateway
        self._engine_graph()
        saved, self._sinks = self._sinks, []
        extra = {} if type_info is None else {"type": _type_json(type_info)}
        try:
            value, _, _ = self._request(get_gateway(), "ds_add", stream_id=stream_id, stream=stream_id, **extra)
        finally:
            self._sinks = saved
        return value

    # ---- the graph

    def _add_node(self, node):
        node["id"] = len(self._nodes)
        self._nodes.append(node)
        return node["id"]

    def _add_buffer(self, data):
        self._buffers.append(data)
        return len(self._buffers) - 1

    def _python_node(self, kind, func, inputs, input_types, output_type, keyed, name, broadcast_second=False):
        spec = {"kind": kind, "func": func, "input_types": list(input_types), "output_type": output_type,
                "keyed": keyed}
        buffer = self._add_buffer(cloudpickle.dumps(spec))
        node = {"kind": "python", "name": name, "inputs": list(inputs), "keyed": keyed, "buffer": buffer}
        if broadcast_second:
            node["broadcast_second"] = True
        node = self._add_node(node)
        return DataStream(self, node, output_type)

    def _fused(self, outputs):
        """The graph's nodes and buffers with Python functions chained into one worker where a function's only
        input is another Python function with no other consumer (same parallelism, no exchange between them), as
        PyFlink chains Python operators; ``outputs`` are the node ids read by sinks and collect."""
        nodes = [dict(n) for n in self._nodes]
        buffers = list(self._buffers)
        consumers = {}
        for n in nodes:
            for i in n.get("inputs", []) + ([n["input"]] if "input" in n else []):
                consumers[i] = consumers.get(i, 0) + 1
        for i in outputs:
            consumers[i] = consumers.get(i, 0) + 1
        stages = {}
        removed = set()
        for n in nodes:
            if n["kind"] != "python" or n["keyed"] or len(n["inputs"]) != 1 or n.get("uid") \
                    or n.get("parallelism") or n["id"] in self._sent:
                continue
            a = nodes[n["inputs"][0]]
            if a["kind"] != "python" or consumers.get(a["id"], 0) != 1 or a["id"] in removed \
                    or a["id"] in self._sent or a.get("type"):
                continue
            chain = stages.pop(a["id"], [buffers[a["buffer"]]]) + [buffers[n["buffer"]]]
            stages[n["id"]] = chain
            buffers.append(cloudpickle.dumps({"kind": "chain", "stages": chain}))
            n["buffer"] = len(buffers) - 1
            n["inputs"] = a["inputs"]
            n["keyed"] = a["keyed"]
            n["name"] = "%s -> %s" % (a.get("name"), n.get("name"))
            for k in ("uid", "parallelism", "broadcast_second"):
                if a.get(k) is not None:
                    n[k] = a[k]
            removed.add(a["id"])
        return [n for n in nodes if n["id"] not in removed], buffers

    def _graph(self, gateway, collect=None, nodes=True):
        """The graph to send (nodes the engine has not seen, with their buffers renumbered), its buffers and the ids
        of its nodes."""
        config = dict(self._config)
        params = dict(config)
        params.update(self._job_parameters)
        outputs = [sink["input"] for sink in self._sinks] + ([collect] if collect is not None else [])
        if not nodes:
            all_nodes, all_buffers = [], []
        elif config.get("python.operator-chaining.enabled", "true").lower() == "true":
            all_nodes, all_buffers = self._fused(outputs)
        else:
            all_nodes, all_buffers = self._nodes, self._buffers
        send, buffers = [], []
        for n in all_nodes:
            if n["id"] in self._sent:
                continue
            if "buffer" in n:
                n = dict(n)
                buffers.append(all_buffers[n["buffer"]])
                n["buffer"] = len(buffers) - 1
            send.append(n)
        graph = {"config": config, "job_parameters": params, "nodes": send, "sinks": self._sinks,
                 "python": gateway.python_executable, "python_path": gateway.python_path}
        if self._parallelism is not None or StreamExecutionEnvironment._default_local_parallelism != 1:
            graph["parallelism"] = self.get_parallelism()
        if self._max_parallelism is not None:
            graph["max_parallelism"] = self._max_parallelism
        if self._mode is not None:
            graph["mode"] = self._mode.name.lower()
        if self._checkpoint_interval is not None:
            graph["checkpoint_interval"] = self._checkpoint_interval
        sent = {n["id"] for n in send} if self._java_graph is not None else set()
        return graph, buffers, sent


class JobClient(object):
    """The job ``execute_async`` started (PyFlink's ``JobClient``)."""

    def __init__(self, handle, savepoint_directory=None):
        self._j_handle = handle
        self._savepoint_directory = savepoint_directory

    def _invoke(self, method, *args):
        from sluice.java_gateway import get_gateway
        value, _, _ = get_gateway().request("invoke", target=self._j_handle, method=method, args=list(args))
        return value

    def get_job_id(self):
        return self._invoke("getJobID")

    def get_job_status(self):
        from sluice.table.table_result import JobStatus
        return _Done(JobStatus[self._invoke("getJobStatus")])

    def cancel(self):
        self._invoke("cancel")
        return _Done(None)

    def get_job_execution_result(self):
        """A future of the job's ``JobExecutionResult``: ``result()`` waits for the job's end (and raises its
        error)."""
        return _ResultFuture(self)

    def get_metrics(self):
        """The user-defined metrics of the job (a Sluice addition: PyFlink reads metrics through Flink's REST API
        or a reporter): a dict from ``<subtask>.<operator>.<group path>.<name>``, as Flink's REST API names a
        vertex's metrics, to the value: a counter's count, a gauge's value, ``{'count', 'rate'}`` of a meter,
        ``{'count', 'sum', 'min', 'max', 'mean'}`` of a distribution. Metrics stay readable after the job ended."""
        from sluice.java_gateway import get_gateway
        value, _, _ = get_gateway().request("job_metrics", h=self._j_handle)
        return value

    def stop_with_savepoint(self, advance_to_end_of_event_time, savepoint_directory=None, formatType=None):
        """Stops the job after it wrote a savepoint of its state under ``savepoint_directory`` (the job must have
        checkpointing enabled; without a directory, the environment's default savepoint directory); a future whose
        ``result()`` is the savepoint's path, to give to ``execution.savepoint.path``."""
        savepoint_directory = savepoint_directory or self._savepoint_directory
        if savepoint_directory is None:
            raise ValueError("stop_with_savepoint needs a savepoint_directory (or set_default_savepoint_directory)")
        return _DoneFuture(lambda: self._invoke("stopWithSavepoint", bool(advance_to_end_of_event_time),
                                                str(savepoint_directory)))

    def trigger_savepoint(self, savepoint_directory=None, formatType=None):
        """Writes a savepoint of the job's state under ``savepoint_directory`` while the job keeps running; a future
        whose ``result()`` is the savepoint's path."""
        savepoint_directory = savepoint_directory or self._savepoint_directory
        if savepoint_directory is None:
            raise ValueError("trigger_savepoint needs a savepoint_directory (or set_default_savepoint_directory)")
        return _DoneFuture(lambda: self._invoke("triggerSavepoint", str(savepoint_directory)))


class _DoneFuture(object):
    """A future of a request that already completed (its value, or the error it raised, on ``result()``)."""

    def __init__(self, request):
        try:
            self._value, self._error = request(), None
        except Exception as e:  # noqa: B902 - kept for result(), as a future does
            self._value, self._error = None, e

    def done(self):
        return True

    def result(self, timeout=None):
        if self._error is not None:
            raise self._error
        return self._value


class _Done(object):
    def __init__(self, value):
        self._value = value

    def result(self, timeout=None):
        return self._value

    def done(self):
        return True


class _ResultFuture(object):
    def __init__(self, client):
        self._client = client

    def done(self):
        return self._client._invoke("isDone")

    def result(self, timeout=None):
        from sluice.java_gateway import expect_marker
        marker = "SLUICE_DATASTREAM_DONE_" + secrets.token_hex(8)
        event = expect_marker(marker)
        runtime = self._client._invoke("await", -1 if timeout is None else int(timeout * 1000), marker)
        event.wait(60)
        return JobExecutionResult(self._client.get_job_id(), runtime)
