"""Runs one function of the Python DataStream API inside a worker process (see ``worker.py``).

The engine sends a ``D`` frame once (runtime information as JSON, then the cloudpickled spec: the operation kind,
the function, the input and output types), answered with the names of the keyed states the function declared in
``open``; then a ``P`` frame per batch of records and timers (the current watermark and processing time, the state
of the batch's keys, the events), answered with the output records, the changed states and the timer changes.
"""

import base64
import pickle
import struct

from sluice.common.typeinfo import Reader, TupleTypeInfo, Types, type_or_pickled
from sluice.datastream import functions as fn
from sluice.datastream.output_tag import OutputTag
from sluice.datastream.state import _KeyedValues, _create_state

_NO_TIMESTAMP = -(1 << 63)


def key_to_engine(k):
    """The engine's form of a Python key: a string that equal keys share and that gives the key back."""
    if isinstance(k, str):
        return "s" + k
    if isinstance(k, int) and not isinstance(k, bool):
        return "i%d" % k
    return "p" + base64.b64encode(pickle.dumps(k, protocol=4)).decode("ascii")


def key_from_engine(s):
    if s[0] == "s":
        return s[1:]
    if s[0] == "i":
        return int(s[1:])
    return pickle.loads(base64.b64decode(s[1:]))


# the job parameter through which the engine tells a partition_custom function the next operator's parallelism
NUM_PARTITIONS = "sluice.partition-custom.num-partitions"


class _RuntimeContext(fn.RuntimeContext):
    def __init__(self, info, runner):
        self._info = info
        self._runner = runner

    def get_task_name(self):
        return self._info.get("task_name", "")

    def get_number_of_parallel_subtasks(self):
        return self._info.get("parallelism", 1)

    def get_max_number_of_parallel_subtasks(self):
        return self._info.get("max_parallelism", 128)

    def get_index_of_this_subtask(self):
        return self._info.get("subtask", 0)

    def get_attempt_number(self):
        return self._info.get("attempt", 0)

    def get_task_name_with_subtasks(self):
        return "%s (%d/%d)" % (self.get_task_name(), self.get_index_of_this_subtask() + 1,
                               self.get_number_of_parallel_subtasks())

    def get_job_parameter(self, key, default_value):
        return self._info.get("job_parameters", {}).get(key, default_value)

    def get_metrics_group(self):
        from sluice.metrics.metricbase import worker_metric_group
        return worker_metric_group()

    def get_state(self, state_descriptor):
        return self._runner.state(state_descriptor, "value")

    def get_list_state(self, state_descriptor):
        return self._runner.state(state_descriptor, "list")

    def get_map_state(self, state_descriptor):
        return self._runner.state(state_descriptor, "map")

    def get_reducing_state(self, state_descriptor):
        return self._runner.state(state_descriptor, "reducing")

    def get_aggregating_state(self, state_descriptor):
        return self._runner.state(state_descriptor, "aggregating")


class _TimerService(fn.TimerService):
    def __init__(self, runner):
        self._runner = runner

    def current_processing_time(self):
        return self._runner.processing_time

    def current_watermark(self):
        return self._runner.watermark

    def _timer(self, op, timestamp):
        r = self._runner
        if not r.keyed:
            raise RuntimeError("Timers are only available on keyed streams (after key_by)")
        r.timer_ops.append((op, r.store.current_key, int(timestamp)))

    def register_event_time_timer(self, timestamp):
        self._timer(0, timestamp)

    def register_processing_time_timer(self, timestamp):
        self._timer(1, timestamp)

    def delete_event_time_timer(self, timestamp):
        self._timer(2, timestamp)

    def delete_processing_time_timer(self, timestamp):
        self._timer(3, timestamp)


class _Context(fn.KeyedProcessFunction.OnTimerContext):
    """The context of every process function: timestamp, timers, current key, time domain of a timer."""

    def __init__(self, runner):
        self._runner = runner
        self._timer_service = _TimerService(runner)
        self.ts = None
        self.domain = None

    def timer_service(self):
        return self._timer_service

    def timestamp(self):
        return self.ts

    def get_current_key(self):
        k = self._runner.store.current_key
        return None if k is None else key_from_engine(k)

    def time_domain(self):
        return self.domain

    def output(self, output_tag, value):
        self._runner.side_outputs.append((self.ts, value, output_tag))

    def current_processing_time(self):
        return self._runner.processing_time

    def current_watermark(self):
        return self._runner.watermark

    def get_broadcast_state(self, state_descriptor):
        return _BroadcastState(self._runner, state_descriptor.name)

    def apply_to_keyed_state(self, state_descriptor, function):
        raise NotImplementedError("not supported yet: apply_to_keyed_state in the Python DataStream API")


class _BroadcastState(object):
    """The broadcast state of one descriptor: a dict, the same in every instance; read-only outside
    ``process_broadcast_element``."""

    def __init__(self, runner, name):
        self._runner = runner
        self._name = name

    def _dict(self):
        return self._runner.broadcast.setdefault(self._name, {})

    def _write(self):
        if not self._runner.broadcast_writable:
            raise RuntimeError("The broadcast state is read-only in process_element; change it in "
                               "process_broadcast_element")
        self._runner.broadcast_dirty.add(self._name)
        return self._dict()

    def get(self, key):
        return self._dict().get(key)

    def contains(self, key):
        return key in self._dict()

    def items(self):
        return list(self._dict().items())

    def keys(self):
        return list(self._dict().keys())

    def values(self):
        return list(self._dict().values())

    def is_empty(self):
        return not self._dict()

    def put(self, key, value):
        self._write()[key] = value

    def put_all(self, dict_value):
        self._write().update(dict_value)

    def remove(self, key):
        self._write().pop(key, None)

    def clear(self):
        self._write().clear()

    def __getitem__(self, key):
        return self.get(key)

    def __setitem__(self, key, value):
        self.put(key, value)

    def __contains__(self, key):
        return self.contains(key)

    def __iter__(self):
        return iter(self.keys())


def _call(f, name):
    """The method ``name`` of a function object, or the object itself when it is a plain callable."""
    if isinstance(f, fn.Function):
        return getattr(f, name)
    if callable(f) and not hasattr(f, name):
        return f
    return getattr(f, name)


def _iterate(result):
    if result is None:
        return ()
    return result


class DataStreamRunner(object):
    """One function instance in a worker."""

    def __init__(self, info, spec):
        self.info = info
        self.batch = info.get("batch", False)
        self.kind = spec["kind"]
        self.func = spec["func"]
        self.keyed = spec.get("keyed", False)
        self.input_types = spec.get("input_types") or [None]
        self.output_type = spec.get("output_type")
        self.state_kinds = {}
        self.store = _KeyedValues()
        self.states_open = True
        self.watermark = _NO_TIMESTAMP
        self.processing_time = 0
        self.timer_ops = []
        self.ctx = _Context(self)
        self.outputs = []
        self.side_outputs = []
        self.broadcast = {name: pickle.loads(base64.b64decode(b))
                          for name, b in info.get("broadcast_state", {}).items()}
        self.broadcast_dirty = set()
        self.broadcast_writable = False
        self.runtime_context = _RuntimeContext(info, self)
        self._setup()
        if isinstance(self.func, fn.Function):
            self.func.open(self.runtime_context)
        self._open_internal()
        self.states_open = False

    # ---- state

    def state(self, descriptor, kind):
        if not self.keyed:
            raise RuntimeError("Keyed state '%s' can only be used on a keyed stream, i.e. in a function applied "
                               "after key_by()" % descriptor.name)
        if descriptor._kind != kind:
            raise TypeError("State '%s' is described by a %s, not a %s state descriptor"
                            % (descriptor.name, type(descriptor).__name__, kind))
        known = self.state_kinds.get(descriptor.name)
        if known is None:
            if not self.states_open:
                raise NotImplementedError("not supported yet: creating keyed state ('%s') outside open(); create "
                                          "it in open(runtime_context)" % descriptor.name)
            self.state_kinds[descriptor.name] = kind
        elif known != kind:
            raise TypeError("State '%s' was registered as a %s state before" % (descriptor.name, known))
        return _create_state(self.store, descriptor, lambda: self.processing_time)

    # ---- set up per kind

    def _setup(self):
        k = self.kind
        f = self.func
        if k == "map":
            self._map = _call(f, "map")
        elif k == "flat_map":
            self._flat_map = _call(f, "flat_map")
        elif k == "filter":
            self._filter = _call(f, "filter")
        elif k == "key_by":
            self._key = _call(f, "get_key")
            self.output_type = TupleTypeInfo([Types.STRING(), type_or_pickled(self.input_types[0])])
        elif k == "sink":
            self._invoke = f.invoke if hasattr(f, "invoke") else (lambda value, context: f(value))
        elif k == "partition_custom":
            self._partition = _call(f[0], "partition")
            self._key = _call(f[1], "get_key")
            self._partitions = int(self.runtime_context.get_job_parameter(NUM_PARTITIONS, "1"))
            for g in f:
                if isinstance(g, fn.Function):
                    g.open(self.runtime_context)
            self.output_type = TupleTypeInfo([Types.INT(), type_or_pickled(self.input_types[0])])
        elif k == "timestamps":
            self._extract = f.extract_timestamp
        elif k == "reduce":
            self._reduce = _call(f, "reduce")
        elif k == "co_map":
            self._co = (f.map1, f.map2)
        elif k == "co_flat_map":
            self._co = (f.flat_map1, f.flat_map2)
        elif k in ("process", "keyed_process"):
            self._process = (f.process_element,)
        elif k in ("co_process", "keyed_co_process", "broadcast_process", "keyed_broadcast_process"):
            if k.endswith("broadcast_process"):
                self._process = (f.process_element, f.process_broadcast_element)
            else:
                self._process = (f.process_element1, f.process_element2)
        elif k == "window":
            from sluice.fn_execution.window_runner import WindowOperator
            self._window = WindowOperator(self, f)
        elif k == "async":
            from sluice.fn_execution.async_runner import AsyncRunner
            self._async = AsyncRunner(f)
            self._pending = []
        else:
            raise ValueError("unknown DataStream function kind " + k)

    def _open_internal(self):
        if self.kind == "async":
            self.func["function"].open(self.runtime_context)
        elif self.kind == "reduce":
            self.state_kinds["__reduce__"] = "value"
        elif self.kind == "window":
            self.state_kinds["__windows__"] = "value"
            w = self.func
            for extra in (w.get("reduce"), w.get("aggregate"), w.get("window_function")):
                if isinstance(extra, fn.Function):
                    extra.open(self.runtime_context)

    def declared_states(self):
        return list(self.state_kinds)

    # ---- one batch

    def _emit(self, value, ts):
        self.outputs.append((ts, value))

    def _emit_processed(self, value, ts):
        """An item a process function yielded: a record, or ``(output_tag, value)`` for a side output."""
        if type(value) is tuple and len(value) == 2 and isinstance(value[0], OutputTag):
            self.side_outputs.append((ts, value[1], value[0]))
        else:
            self.outputs.append((ts, value))

    def process(self, frame):
        self.run_events(frame)
        return self.answer(self.outputs, self.output_type, self.side_outputs)

    def run_events(self, frame):
        """Processes the records and timers of a ``P`` frame; the outputs are left in ``self.outputs``."""
        r = Reader(frame, 1)
        self.watermark = r.take(">q")
        self.processing_time = r.take(">q")
        store = self.store
        store.values = {}
        store.dirty = set()
        self.timer_ops = []
        self.outputs = []
        self.side_outputs = []
        for _ in range(r.take(">i")):
            key = r.string()
            name = r.string()
            n = r.take(">i")
            if n >= 0:
                store.values[(key, name)] = pickle.loads(r.data[r.pos:r.pos + n])
                r.pos += n
        count = r.take(">i")
        for _ in range(count):
            kind = r.take(">b")
            ts = r.take(">q")
            key = r.string() if r.take(">?") else None
            store.current_key = key
            if kind <= 1:
                value = r.value(self.input_types[kind] if kind < len(self.input_types) else None)
                self._element(kind, None if ts == _NO_TIMESTAMP else ts, value)
            elif kind == 4:
                self._emit(store.get("__reduce__"), None)
            else:
                self._timer(ts, kind == 2)
        self._await_pending()

    def answer(self, outputs, output_type, side_outputs):
        """The ``R`` frame of a batch: ``outputs`` (encoded as ``output_type``), side outputs, state writes, timer
        changes."""
        out_type = type_or_pickled(output_type)
        parts = [b"R", struct.pack(">i", len(outputs))]
        for ts, value in outputs:
            parts.append(struct.pack(">q", _NO_TIMESTAMP if ts is None else ts))
            try:
                out_type.write(parts, value)
            except (TypeError, ValueError, struct.error, AttributeError) as e:
                raise TypeError("The result %r does not match its output type %r: %s" % (value, out_type, e)) from e
        parts.append(struct.pack(">i", len(side_outputs)))
        for ts, value, tag in side_outputs:
            _string(parts, tag.tag_id)
            parts.append(struct.pack(">q", _NO_TIMESTAMP if ts is None else ts))
            try:
                type_or_pickled(tag.type_info).write(parts, value)
            except (TypeError, ValueError, struct.error, AttributeError) as e:
                raise TypeError("The side output %r does not match the type %r of %r: %s"
                                % (value, tag.type_info, tag, e)) from e
        writes = []
        for (key, name) in self.store.dirty:
            v = self.store.values.get((key, name))
            kind = self.state_kinds.get(name)
            empty = v is None or (kind in ("list", "map") and not v)
            writes.append((key, name, None if empty else pickle.dumps(v, protocol=4)))
        parts.append(struct.pack(">i", len(writes)))
        for key, name, b in writes:
            _string(parts, key)
            _string(parts, name)
            if b is None:
                parts.append(struct.pack(">i", -1))
            else:
                parts.append(struct.pack(">i", len(b)))
                parts.append(b)
        parts.append(struct.pack(">i", len(self.timer_ops)))
        for op, key, t in self.timer_ops:
            parts.append(struct.pack(">b", op))
            _string(parts, key)
            parts.append(struct.pack(">q", t))
        parts.append(struct.pack(">i", len(self.broadcast_dirty)))
        for name in sorted(self.broadcast_dirty):
            _string(parts, name)
            b = pickle.dumps(self.broadcast.get(name, {}), protocol=4)
            parts.append(struct.pack(">i", len(b)))
            parts.append(b)
        self.broadcast_dirty = set()
        self.broadcast_writable = False
        self.store.values = {}
        self.store.dirty = set()
        return b"".join(parts)

    def feed(self, outputs, watermark, processing_time):
        """Runs this (non-keyed) function on the outputs of the function before it in a chain."""
        self.watermark = watermark
        self.processing_time = processing_time
        self.outputs = []
        self.side_outputs = []
        for ts, value in outputs:
            self._element(0, ts, value)
        self._await_pending()
        return self.outputs

    def _await_pending(self):
        """Runs the batch's records of an async function, all at once (up to its capacity)."""
        if self.kind != "async" or not self._pending:
            return
        pending, self._pending = self._pending, []
        for ts, results in self._async.run(pending):
            for o in results:
                self._emit(o, ts)

    def _element(self, input_index, ts, value):
        k = self.kind
        emit = self._emit
        if k == "map":
            emit(self._map(value), ts)
        elif k == "flat_map":
            for o in _iterate(self._flat_map(value)):
                emit(o, ts)
        elif k == "filter":
            if self._filter(value):
                emit(value, ts)
        elif k == "key_by":
            emit((key_to_engine(self._key(value)), value), ts)
        elif k == "sink":
            self.ctx.ts = ts
            self._invoke(value, self.ctx)
        elif k == "partition_custom":
            index = self._partition(self._key(value), self._partitions)
            if not isinstance(index, int) or not 0 <= index < self._partitions:
                raise ValueError("The partitioner returned %r for %d partitions; it must return an index from 0 to "
                                 "%d" % (index, self._partitions, self._partitions - 1))
            emit((index, value), ts)
        elif k == "timestamps":
            emit(value, int(self._extract(value, _NO_TIMESTAMP if ts is None else ts)))
        elif k == "reduce":
            store = self.store
            current = store.get("__reduce__")
            new = value if current is None else self._reduce(current, value)
            store.set("__reduce__", new)
            if not self.batch:
                emit(new, ts)
        elif k in ("co_map",):
            emit(self._co[input_index](value), ts)
        elif k == "co_flat_map":
            for o in _iterate(self._co[input_index](value)):
                emit(o, ts)
        elif k in ("process", "keyed_process", "co_process", "keyed_co_process", "broadcast_process",
                   "keyed_broadcast_process"):
            ctx = self.ctx
            ctx.ts = ts
            ctx.domain = None
            self.broadcast_writable = input_index == 1 and k.endswith("broadcast_process")
            for o in _iterate(self._process[input_index](value, ctx)):
                self._emit_processed(o, ts)
        elif k == "window":
            self._window.element(value, ts)
        elif k == "async":
            self._pending.append((ts, value))

    def _timer(self, time, event_time):
        self.broadcast_writable = False
        if self.kind == "window":
            self._window.timer(time, event_time)
            return
        ctx = self.ctx
        ctx.ts = time if event_time else None
        ctx.domain = fn.TimeDomain.EVENT_TIME if event_time else fn.TimeDomain.PROCESSING_TIME
        out_ts = time if event_time else None
        for o in _iterate(self.func.on_timer(time, ctx)):
            self._emit_processed(o, out_ts)

    def close(self):
        if self.kind == "async":
            self.func["function"].close()
            self._async.close()
        elif isinstance(self.func, fn.Function):
            self.func.close()
        elif isinstance(self.func, dict):
            for extra in (self.func.get("reduce"), self.func.get("aggregate"), self.func.get("window_function")):
                if isinstance(extra, fn.Function):
                    extra.close()


def _string(parts, s):
    b = s.encode("utf-8")
    parts.append(struct.pack(">i", len(b)))
    parts.append(b)


class ChainRunner(object):
    """Functions chained in one worker: the first may be keyed, the others are not (map, flat_map, filter,
    process, key_by after it); records pass between them as Python objects."""

    def __init__(self, info, specs):
        self.stages = [DataStreamRunner(info, spec) for spec in specs]

    def declared_states(self):
        return self.stages[0].declared_states()

    def process(self, frame):
        head = self.stages[0]
        head.run_events(frame)
        outputs = head.outputs
        for stage in self.stages[1:]:
            outputs = stage.feed(outputs, head.watermark, head.processing_time)
        # only the last function's side outputs can have readers: a function whose side output is read is never
        # chained to the next one
        last = self.stages[-1]
        return head.answer(outputs, last.output_type, last.side_outputs if len(self.stages) > 1 else head.side_outputs)

    def close(self):
        for stage in self.stages:
            stage.close()


def open_runner(frame):
    """The runner of a ``D`` frame, and its answer (the declared state names)."""
    import cloudpickle
    import json
    (n,) = struct.unpack_from(">i", frame, 1)
    info = json.loads(bytes(frame[5:5 + n]).decode("utf-8"))
    spec = cloudpickle.loads(frame[5 + n:])
    if spec["kind"] == "chain":
        runner = ChainRunner(info, [cloudpickle.loads(stage) for stage in spec["stages"]])
    else:
        runner = DataStreamRunner(info, spec)
    names = runner.declared_states()
    parts = [b"R", struct.pack(">i", len(names))]
    for name in names:
        _string(parts, name)
    return runner, b"".join(parts)
