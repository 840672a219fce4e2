"""DataStream, KeyedStream, ConnectedStreams and WindowedStream of the Python DataStream API.

Each transformation adds a node to its environment's graph; ``execute`` (or ``execute_and_collect``) sends the graph
to the engine, which runs it with the DataStream runtime: sources, exchanges, watermarks, keyed state and
checkpoints are the engine's, and every Python function runs in a Python worker process the engine starts, fed with
batches of records.
"""

import cloudpickle

from sluice.common.typeinfo import PickledBytesTypeInfo, Types, TypeInformation
from sluice.datastream import functions as fn

__all__ = ['DataStream', 'KeyedStream', 'ConnectedStreams', 'WindowedStream', 'AllWindowedStream', 'DataStreamSink',
           'CloseableIterator', 'BroadcastStream', 'BroadcastConnectedStream']


def _not_yet(what):
    return NotImplementedError("not supported yet: %s in the Python DataStream API" % what)


def _check_function(func, cls, method, what):
    if isinstance(func, cls) or (callable(func) and not isinstance(func, fn.Function)):
        return func
    if hasattr(func, method):
        return func
    raise TypeError("The input must be a %s or a callable function" % what)


class DataStream(object):
    """A stream of records of one type (``get_type()``; None means pickled Python objects)."""

    def __init__(self, env, node_id, type_info):
        self._env = env
        self._id = node_id
        self._type = type_info

    # ---- node properties

    def _node(self):
        return self._env._nodes[self._id]

    def get_name(self):
        return self._node().get("name")

    def name(self, name):
        self._node()["name"] = name
        return self

    def uid(self, uid):
        self._node()["uid"] = uid
        return self

    def set_uid_hash(self, uid_hash):
        return self.uid(uid_hash)

    def get_type(self):
        return self._type if self._type is not None else Types.PICKLED_BYTE_ARRAY()

    def get_execution_environment(self):
        return self._env

    def set_parallelism(self, parallelism):
        self._node()["parallelism"] = int(parallelism)
        return self

    def set_max_parallelism(self, max_parallelism):
        return self

    def set_description(self, description):
        return self

    def force_non_parallel(self):
        return self.set_parallelism(1)

    def disable_chaining(self):
        """Chaining is decided by the engine; this changes nothing."""
        return self

    def start_new_chain(self):
        return self

    def slot_sharing_group(self, slot_sharing_group):
        return self

    def set_buffer_timeout(self, timeout_millis):
        return self

    # ---- transformations

    def _python(self, kind, func, output_type, name, inputs=None, input_types=None, keyed=False):
        return self._env._python_node(kind, func, inputs or [self._id], input_types or [self._type], output_type,
                                      keyed, name)

    def map(self, func, output_type=None):
        func = _check_function(func, fn.MapFunction, "map", "MapFunction")
        return self._python("map", func, output_type, "Map")

    def flat_map(self, func, output_type=None):
        func = _check_function(func, fn.FlatMapFunction, "flat_map", "FlatMapFunction")
        return self._python("flat_map", func, output_type, "FlatMap")

    def filter(self, func):
        func = _check_function(func, fn.FilterFunction, "filter", "FilterFunction")
        return self._python("filter", func, self._type, "Filter")

    def process(self, func, output_type=None):
        if not isinstance(func, fn.ProcessFunction):
            if isinstance(func, fn.KeyedProcessFunction):
                raise TypeError("A KeyedProcessFunction can only be applied to a KeyedStream (after key_by)")
            raise TypeError("The input must be a ProcessFunction")
        return self._python("process", func, output_type, "Process")

    def key_by(self, key_selector, key_type=None):
        key_selector = _check_function(key_selector, fn.KeySelector, "get_key", "KeySelector")
        keys = self._python("key_by", key_selector, None, "_stream_key_by_map_operator")
        return KeyedStream(self, keys._id, key_type)

    def project(self, *field_indexes):
        """A stream of tuples of the given fields of this stream's tuples, in that order (only a stream of
        ``Types.TUPLE`` can be projected, as in PyFlink)."""
        from sluice.common.typeinfo import TupleTypeInfo, Types
        if not isinstance(self._type, TupleTypeInfo):
            raise Exception("Only Tuple DataStreams can be projected.")
        types = self._type.get_field_types()
        indexes = [int(i) for i in field_indexes]
        for i in indexes:
            if not 0 <= i < len(types):
                raise IndexError("The tuples have %d fields; there is no field %d" % (len(types), i))
        return DataStream.map(self, lambda value: tuple(value[i] for i in indexes),
                              output_type=Types.TUPLE([types[i] for i in indexes]))

    def union(self, *streams):
        ids = [self._id] + [s._plain()._id for s in streams]
        node = self._env._add_node({"kind": "union", "inputs": ids})
        return DataStream(self._env, node, self._type)

    def connect(self, ds):
        if isinstance(ds, BroadcastStream):
            return BroadcastConnectedStream(self, ds)
        if isinstance(self, KeyedStream) and isinstance(ds, KeyedStream):
            return ConnectedStreams(self, ds, [self._keyed_node, ds._keyed_node])
        return ConnectedStreams(self, ds)

    def assign_timestamps_and_watermarks(self, watermark_strategy):
        stream = self._plain()
        if watermark_strategy._timestamp_assigner is not None:
            stream = stream._python("timestamps", watermark_strategy._timestamp_assigner, stream._type,
                                    "TimestampAssigner")
        node = self._env._add_node({"kind": "watermarks", "input": stream._id,
                                    "strategy": watermark_strategy._to_json()})
        return DataStream(self._env, node, self._type)

    def _plain(self):
        return self

    def print(self, sink_identifier=None):
        stream = self._plain()
        if stream._type is None or isinstance(stream._type, PickledBytesTypeInfo):
            stream = stream.map(_python_obj_to_str, Types.STRING())
        self._env._sinks.append({"input": stream._id, "identifier": sink_identifier or ""})
        return DataStreamSink(self._env)

    def execute_and_collect(self, job_execution_name=None, limit=None):
        it = self._env._collect(self._plain(), job_execution_name)
        if limit is None:
            return it
        out = []
        with it:
            # stop at the limit without waiting for a record after it (an unbounded stream may have none)
            while len(out) < limit:
                try:
                    out.append(next(it))
                except StopIteration:
                    break
        return out

    def sink_to(self, sink):
        """Writes the stream into ``sink``: a ``FileSink`` (row or bulk format) or a ``KafkaSink`` from
        ``sluice.datastream.connectors``, or a Java sink class by name (``Sink("com.example.MySink")``), which gets
        the records as the engine holds them."""
        from sluice.datastream.connectors.base import Sink
        from sluice.datastream.connectors.file_system import FileSink
        if isinstance(sink, Sink) and getattr(sink, "_java_class", None):
            spec = sink._spec()
            spec["input"] = self._plain()._id
            self._env._sinks.append(spec)
            return DataStreamSink(self._env)
        if hasattr(sink, "_prepare"):
            spec = sink._spec()
            spec["input"] = sink._prepare(self._plain())._id
            self._env._sinks.append(spec)
            return DataStreamSink(self._env)
        if not isinstance(sink, FileSink):
            raise _not_yet("the sink %s (FileSink, KafkaSink and Java Sink classes by name are supported)"
                           % type(sink).__name__)
        stream = self._plain()
        if sink._is_bulk():
            # a bulk format writes rows of its fields: the records must be rows the engine can read
            sink._encoder._check(stream._type)
        elif stream._type is None or isinstance(stream._type, PickledBytesTypeInfo):
            stream = stream.map(_python_obj_to_str, Types.STRING())
        spec = sink._spec()
        spec["input"] = stream._id
        self._env._sinks.append(spec)
        return DataStreamSink(self._env)

    def add_sink(self, sink_func):
        """Writes the stream with a Python ``SinkFunction`` (``invoke(value, context)`` per record) or a function of
        the record."""
        sink_func = _check_function(sink_func, fn.SinkFunction, "invoke", "SinkFunction")
        written = self._plain()._python("sink", sink_func, None, "Sink: Python")
        self._env._sinks.append({"kind": "discard", "input": written._id})
        return DataStreamSink(self._env)

    def get_side_output(self, output_tag):
        """The records a process function of this stream emitted with ``ctx.output(output_tag, value)``."""
        node = self._node()
        if node.get("kind") != "python":
            raise TypeError("get_side_output() is only available on the result of a process function")
        side = self._env._add_node({"kind": "side_output", "input": self._id, "tag": output_tag.tag_id})
        return DataStream(self._env, side, output_tag.type_info)

    def window_all(self, window_assigner):
        """Windows over the whole stream (they run in one parallel instance)."""
        return AllWindowedStream(self._plain(), window_assigner)

    def count_window_all(self, size, slide=0):
        """Windows of ``size`` records of the whole stream (a new one every ``slide`` records if given)."""
        from sluice.datastream.window import CountSlidingWindowAssigner, CountTumblingWindowAssigner
        assigner = CountTumblingWindowAssigner.of(size) if slide == 0 \
            else CountSlidingWindowAssigner.of(size, slide)
        return AllWindowedStream(self._plain(), assigner)

    def _partition(self, how):
        node = self._env._add_node({"kind": "partition", "input": self._plain()._id, "how": how})
        return DataStream(self._env, node, self._type)

    def broadcast(self, *broadcast_state_descriptors):
        """Without arguments: every record goes to every parallel instance of the next operator. With
        ``MapStateDescriptor``s: a broadcast stream with broadcast state to ``connect`` another stream to."""
        if not broadcast_state_descriptors:
            return self._partition("broadcast")
        return BroadcastStream(self._plain(), broadcast_state_descriptors)

    def partition_custom(self, partitioner, key_selector):
        """Sends each record to the parallel instance of the next operator that
        ``partitioner.partition(key_selector.get_key(record), num_partitions)`` names, ``num_partitions`` being the
        next operator's parallelism (a ``Partitioner`` or a function of key and partition count; a ``KeySelector``
        or a function of the record)."""
        partitioner = _check_function(partitioner, fn.Partitioner, "partition", "Partitioner")
        key_selector = _check_function(key_selector, fn.KeySelector, "get_key", "KeySelector")
        indexed = self._python("partition_custom", (partitioner, key_selector), None, "PartitionCustom")
        node = self._env._add_node({"kind": "partition", "input": indexed._id, "how": "custom"})
        return DataStream(self._env, node, self._type)

    def rebalance(self):
        """Spreads the records round-robin over the next operator's parallel instances."""
        return self._partition("rebalance")

    def rescale(self):
        """Spreads the records round-robin over the next operator's instances (as ``rebalance``; the engine runs in
        one process, so there are no local groups to keep to)."""
        return self._partition("rebalance")

    def shuffle(self):
        """Spreads the records over the next operator's instances (round-robin, like ``rebalance``)."""
        return self._partition("rebalance")

    def forward(self):
        """Records stay in the parallel instance that produced them (the default between operators of one
        parallelism)."""
        return self._partition("forward")

    def global_(self):
        """Sends every record to the first instance of the next operator."""
        return self._partition("global")

    def cache(self):
        raise _not_yet("cache")

    def join(self, other):
        raise _not_yet("window joins")

    def co_group(self, other):
        raise _not_yet("co_group")


def _python_obj_to_str(value):
    if not isinstance(value, (str, bytes)):
        value = str(value)
    return value


class DataStreamSink(object):
    """What ``print()`` returns."""

    def __init__(self, env):
        self._env = env
        self._sink = env._sinks[-1]

    def name(self, name):
        return self

    def uid(self, uid):
        return self

    def set_uid_hash(self, uid_hash):
        return self

    def set_parallelism(self, parallelism):
        return self

    def set_description(self, description):
        return self

    def disable_chaining(self):
        return self

    def slot_sharing_group(self, slot_sharing_group):
        return self


class KeyedStream(DataStream):
    """A stream partitioned by key: functions applied to it run per key, with keyed state and timers.

    Used as a plain stream (``print``, ``union``, ``connect`` ...) it is its input stream.
    """

    def __init__(self, origin, keyed_node, key_type):
        super().__init__(origin._env, origin._id, origin._type)
        self._origin = origin
        self._keyed_node = keyed_node
        self._key_type = key_type

    def _plain(self):
        return self._origin

    def _keyed(self, kind, func, output_type, name):
        return self._env._python_node(kind, func, [self._keyed_node], [self._type], output_type, True, name)

    def map(self, func, output_type=None):
        func = _check_function(func, fn.MapFunction, "map", "MapFunction")
        return self._keyed("map", func, output_type, "Map")

    def flat_map(self, func, output_type=None):
        func = _check_function(func, fn.FlatMapFunction, "flat_map", "FlatMapFunction")
        return self._keyed("flat_map", func, output_type, "FlatMap")

    def filter(self, func):
        func = _check_function(func, fn.FilterFunction, "filter", "FilterFunction")
        return self._keyed("filter", func, self._type, "Filter")

    def reduce(self, func):
        func = _check_function(func, fn.ReduceFunction, "reduce", "ReduceFunction")
        return self._keyed("reduce", func, self._type, "Reduce")

    def sum(self, position_to_sum=0):
        return self.reduce(_FieldAggregate(position_to_sum, "sum"))

    def min(self, position_to_min=0):
        return self.reduce(_FieldAggregate(position_to_min, "min"))

    def max(self, position_to_max=0):
        return self.reduce(_FieldAggregate(position_to_max, "max"))

    def min_by(self, position_to_min_by=0):
        return self.reduce(_FieldAggregate(position_to_min_by, "min_by"))

    def max_by(self, position_to_max_by=0):
        return self.reduce(_FieldAggregate(position_to_max_by, "max_by"))

    def process(self, func, output_type=None):
        if isinstance(func, fn.KeyedProcessFunction):
            return self._keyed("keyed_process", func, output_type, "KeyedProcess")
        if isinstance(func, fn.ProcessFunction):
            return self._keyed("process", func, output_type, "Process")
        raise TypeError("The input must be a KeyedProcessFunction or a ProcessFunction")

    def window(self, window_assigner):
        from sluice.datastream.window import WindowAssigner
        if not isinstance(window_assigner, WindowAssigner):
            raise TypeError("The window assigner must be a WindowAssigner, not %s" % type(window_assigner).__name__)
        return WindowedStream(self, window_assigner)

    def count_window(self, size, slide=0):
        """Windows of ``size`` records of each key (a new one every ``slide`` records if given)."""
        from sluice.datastream.window import CountSlidingWindowAssigner, CountTumblingWindowAssigner
        if slide == 0:
            return WindowedStream(self, CountTumblingWindowAssigner.of(size))
        return WindowedStream(self, CountSlidingWindowAssigner.of(size, slide))

    def key_by(self, key_selector, key_type=None):
        return self._origin.key_by(key_selector, key_type)


class _FieldAggregate(fn.ReduceFunction):
    """sum/min/max/min_by/max_by of a tuple or row field (or of the values themselves)."""

    def __init__(self, position, how):
        self.position = position
        self.how = how

    def reduce(self, a, b):
        from sluice.common.types import Row
        if not isinstance(a, (tuple, list, Row)):
            if self.how == "sum":
                return a + b
            return min(a, b) if self.how in ("min", "min_by") else max(a, b)
        p = self.position
        x, y = a[p], b[p]
        if self.how == "min_by":
            return b if y < x else a
        if self.how == "max_by":
            return b if y > x else a
        v = x + y if self.how == "sum" else (min(x, y) if self.how == "min" else max(x, y))
        values = list(a)
        values[p] = v
        if isinstance(a, Row):
            r = Row(*values)
            if "_fields" in a.__dict__:
                r.set_field_names(a._fields)
            return r
        return tuple(values) if isinstance(a, tuple) else values


class WindowedStream(object):
    """The windows of a keyed stream; ``reduce``, ``aggregate``, ``process`` and ``apply`` compute each window's
    result when it fires."""

    def __init__(self, keyed_stream, assigner):
        self._keyed = keyed_stream
        self._assigner = assigner
        self._trigger = None
        self._lateness = 0
        self._late_tag = None
        self._evictor = None

    def _spec(self, spec):
        spec["assigner"] = self._assigner
        spec["trigger"] = self._trigger
        spec["lateness"] = self._lateness
        spec["late_tag"] = self._late_tag
        spec["evictor"] = self._evictor
        return spec

    def _window(self, spec, output_type, name):
        k = self._keyed
        return k._env._python_node("window", self._spec(spec), [k._keyed_node], [k._type], output_type, True, name)

    def get_execution_environment(self):
        return self._keyed._env

    def get_input_type(self):
        return self._keyed.get_type()

    def reduce(self, reduce_function, window_function=None, output_type=None):
        spec = {"reduce": reduce_function}
        if window_function is not None:
            spec["window_function"] = window_function
            spec["window_function_kind"] = "process" if _is_process_window(window_function) else "apply"
        return self._window(spec, output_type if window_function is not None else self._keyed._type, "Window(Reduce)")

    def aggregate(self, aggregate_function, window_function=None, accumulator_type=None, output_type=None):
        spec = {"aggregate": aggregate_function}
        if window_function is not None:
            spec["window_function"] = window_function
            spec["window_function_kind"] = "process" if _is_process_window(window_function) else "apply"
        return self._window(spec, output_type, "Window(Aggregate)")

    def process(self, process_window_function, output_type=None):
        return self._window({"window_function": process_window_function, "window_function_kind": "process"},
                            output_type, "Window(Process)")

    def apply(self, window_function, output_type=None):
        return self._window({"window_function": window_function, "window_function_kind": "apply"}, output_type,
                            "Window(Apply)")

    def trigger(self, trigger):
        """Fires the windows by ``trigger`` (a ``sluice.datastream.window.Trigger``) instead of the assigner's."""
        from sluice.datastream.window import MergingWindowAssigner, Trigger
        if not isinstance(trigger, Trigger):
            raise TypeError("The trigger must be a Trigger, not %s" % type(trigger).__name__)
        if isinstance(self._assigner, MergingWindowAssigner) and not trigger.can_merge():
            raise TypeError("A merging window assigner cannot be used with a trigger that does not support merging.")
        self._trigger = trigger
        return self

    def allowed_lateness(self, time_ms):
        """Keeps event-time windows ``time_ms`` after their end: a late record fires its window again."""
        ms = time_ms.to_milliseconds() if hasattr(time_ms, "to_milliseconds") else int(time_ms)
        if ms < 0:
            raise ValueError("The allowed lateness cannot be negative.")
        self._lateness = ms
        return self

    def side_output_late_data(self, output_tag):
        """Records too late for every window they belong to go to this side output (of the window's result)."""
        self._late_tag = output_tag
        return self

    def evictor(self, evictor):
        """Removes elements of each window when it fires (a ``sluice.datastream.window.Evictor``): the window then
        keeps all its elements, and ``reduce``/``aggregate`` run over what the evictor leaves when it fires."""
        from sluice.datastream.window import Evictor
        if not isinstance(evictor, Evictor):
            raise TypeError("The evictor must be an Evictor, not %s" % type(evictor).__name__)
        self._evictor = evictor
        return self


def _is_process_window(f):
    return isinstance(f, (fn.ProcessWindowFunction, fn.ProcessAllWindowFunction))


class AllWindowedStream(WindowedStream):
    """Windows over a whole (non-keyed) stream, computed in one parallel instance: ``reduce``, ``aggregate``,
    ``process(ProcessAllWindowFunction)``, ``apply(AllWindowFunction)``."""

    def __init__(self, stream, assigner):
        from sluice.datastream.window import WindowAssigner
        if not isinstance(assigner, WindowAssigner):
            raise TypeError("The window assigner must be a WindowAssigner, not %s" % type(assigner).__name__)
        super().__init__(stream.key_by(_constant_key), assigner)
        self._stream = stream

    def _window(self, spec, output_type, name):
        spec["all"] = True
        result = super()._window(spec, output_type, name.replace("Window", "AllWindow"))
        result._node()["parallelism"] = 1
        return result


def _constant_key(value):
    return 0


class ConnectedStreams(object):
    """Two streams processed together: ``map``/``flat_map`` with Co-functions, ``key_by`` both sides, then
    ``process`` with a KeyedCoProcessFunction (keyed state shared by both inputs)."""

    def __init__(self, stream1, stream2, keyed_nodes=None):
        self.stream1 = stream1
        self.stream2 = stream2
        self._keyed_nodes = keyed_nodes

    def key_by(self, key_selector1, key_selector2, key_type=None):
        k1 = self.stream1._plain().key_by(key_selector1, key_type)
        k2 = self.stream2._plain().key_by(key_selector2, key_type)
        return ConnectedStreams(k1, k2, [k1._keyed_node, k2._keyed_node])

    def _co(self, kind, func, output_type, name):
        env = self.stream1._env
        types = [self.stream1._type, self.stream2._type]
        if self._keyed_nodes is not None:
            return env._python_node(kind, func, self._keyed_nodes, types, output_type, True, name)
        return env._python_node(kind, func, [self.stream1._plain()._id, self.stream2._plain()._id], types,
                                output_type, False, name)

    def map(self, func, output_type=None):
        if not isinstance(func, fn.CoMapFunction):
            raise TypeError("The input function must be a CoMapFunction!")
        return self._co("co_map", func, output_type, "Co-Map")

    def flat_map(self, func, output_type=None):
        if not isinstance(func, fn.CoFlatMapFunction):
            raise TypeError("The input must be a CoFlatMapFunction!")
        return self._co("co_flat_map", func, output_type, "Co-Flat Map")

    def process(self, func, output_type=None):
        if isinstance(func, fn.KeyedCoProcessFunction):
            if self._keyed_nodes is None:
                raise TypeError("A KeyedCoProcessFunction needs connected keyed streams (ConnectedStreams.key_by)")
            return self._co("keyed_co_process", func, output_type, "KeyedCoProcess")
        if isinstance(func, fn.CoProcessFunction):
            return self._co("co_process", func, output_type, "CoProcess")
        raise TypeError("The input must be a CoProcessFunction or a KeyedCoProcessFunction")


class BroadcastStream(object):
    """A stream every instance of the connected operator sees entirely (``DataStream.broadcast(descriptors)``)."""

    def __init__(self, stream, descriptors):
        self._stream = stream
        self._descriptors = list(descriptors)


class BroadcastConnectedStream(object):
    """A stream (keyed or not) connected with a broadcast stream; ``process`` with a (Keyed)BroadcastProcessFunction."""

    def __init__(self, stream, broadcast_stream):
        self._stream = stream
        self._broadcast = broadcast_stream

    def process(self, func, output_type=None):
        env = self._stream._env
        types = [self._stream._type, self._broadcast._stream._type]
        broadcast_id = self._broadcast._stream._id
        if isinstance(func, fn.KeyedBroadcastProcessFunction):
            if not isinstance(self._stream, KeyedStream):
                raise TypeError("A KeyedBroadcastProcessFunction needs a keyed stream connected with the broadcast "
                                "stream")
            return env._python_node("keyed_broadcast_process", func, [self._stream._keyed_node, broadcast_id],
                                    types, output_type, True, "KeyedBroadcastProcess", broadcast_second=True)
        if isinstance(func, fn.BroadcastProcessFunction):
            if isinstance(self._stream, KeyedStream):
                raise TypeError("A keyed stream connected with a broadcast stream needs a "
                                "KeyedBroadcastProcessFunction")
            return env._python_node("broadcast_process", func, [self._stream._id, broadcast_id], types,
                                    output_type, False, "BroadcastProcess", broadcast_second=True)
        raise TypeError("The input must be a BroadcastProcessFunction or a KeyedBroadcastProcessFunction")


class CloseableIterator(object):
    """The records of ``execute_and_collect``; close it (or use it in a ``with`` block) to end an unbounded job."""

    def __init__(self, gateway, handle, type_info):
        self._gateway = gateway
        self._handle = handle
        self._type = type_info
        self._buffer = []
        self._pos = 0
        self._ended = False
        self._closed = False

    def __iter__(self):
        return self

    def __next__(self):
        from sluice.common.typeinfo import Reader
        while self._pos >= len(self._buffer):
            if self._ended or self._closed:
                self.close()
                raise StopIteration
            _, reply, buffers = self._gateway.request("ds_fetch", h=self._handle, max=4096)
            self._ended = reply.get("ended", False)
            r = Reader(buffers[0])
            n = r.take(">i")
            self._buffer = [r.value(self._type) for _ in range(n)]
            self._pos = 0
        v = self._buffer[self._pos]
        self._pos += 1
        return v

    def next(self):
        return self.__next__()

    def close(self):
        if not self._closed:
            self._closed = True
            self._gateway.request("ds_close", h=self._handle)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def _pickle_spec(spec):
    return cloudpickle.dumps(spec)


__all__.append('TypeInformation')
