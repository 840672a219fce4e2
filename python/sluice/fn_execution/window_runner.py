"""The window operator of the Python DataStream API, run inside a worker for one key at a time.

A key's windows live in one keyed state value (``__windows__``), a dict:

* ``"w"``: window -> contents (a reduce function's value, an aggregate function's accumulator, or the list of
  records; with an evictor always the list of (record, timestamp));
* ``"s"``: (window, state name) -> value of the trigger's partitioned state, and of the window function's
  per-window state (``window_state()``, names prefixed with ``_WINDOW_STATE``);
* ``"g"``: state name -> value of the window function's per-key state (``global_state()``);
* ``"t"``: the timers windows asked for, as (window, time, event time?, kind) with kind ``"t"`` for a trigger's
  timer and ``"c"`` for the window's cleanup (its end, plus the allowed lateness in event time);
* ``"n"``: the number of records the key has had (count windows).

Engine timers are per key and time only; a fired timer runs the entries of ``"t"`` due at its time (entries deleted
by a trigger are simply dropped, the engine timer then fires with nothing to do).
"""

import functools

from sluice.datastream import functions as fn
from sluice.datastream.state import KeyedStateStore, _create_state
from sluice.datastream.window import (CountSlidingWindowAssigner, CountTumblingWindowAssigner, CountWindow, Evictor,
                                      MergingWindowAssigner, Trigger, WindowAssigner, TimeWindow)

_MAX_LONG = (1 << 63) - 1
_WINDOW_STATE = "\x00window:"


class _WindowStore(object):
    """The store of a trigger's partitioned state of one window (the interface of ``_KeyedValues``)."""

    def __init__(self, op):
        self._op = op
        self.window = None

    def get(self, name):
        return self._op.st["s"].get((self.window, name))

    def set(self, name, value):
        if value is None:
            self._op.st["s"].pop((self.window, name), None)
        else:
            self._op.st["s"][(self.window, name)] = value
        self._op.dirty = True

    def touch(self, name):
        self._op.dirty = True


class _FunctionWindowStore(object):
    """The store of a window function's per-window state of one window."""

    def __init__(self, op, window):
        self._op = op
        self._window = window

    def get(self, name):
        return self._op.st["s"].get((self._window, _WINDOW_STATE + name))

    def set(self, name, value):
        if value is None:
            self._op.st["s"].pop((self._window, _WINDOW_STATE + name), None)
        else:
            self._op.st["s"][(self._window, _WINDOW_STATE + name)] = value
        self._op.dirty = True

    def touch(self, name):
        self._op.dirty = True


class _GlobalStore(object):
    """The store of a window function's state of the current key, across its windows."""

    def __init__(self, op):
        self._op = op

    def get(self, name):
        return self._op.st.get("g", {}).get(name)

    def set(self, name, value):
        g = self._op.st.setdefault("g", {})
        if value is None:
            g.pop(name, None)
        else:
            g[name] = value
        self._op.dirty = True

    def touch(self, name):
        self._op.dirty = True


class _StateStore(KeyedStateStore):
    """``window_state()`` / ``global_state()`` of a window function's context."""

    def __init__(self, op, store):
        self._op = op
        self._store = store

    def _state(self, descriptor, kind):
        if descriptor._kind != kind:
            raise TypeError("State '%s' is described by a %s, not a %s state descriptor"
                            % (descriptor.name, type(descriptor).__name__, kind))
        return _create_state(self._store, descriptor, lambda: self._op.runner.processing_time)

    def get_state(self, state_descriptor):
        return self._state(state_descriptor, "value")

    def get_list_state(self, state_descriptor):
        return self._state(state_descriptor, "list")

    def get_map_state(self, state_descriptor):
        return self._state(state_descriptor, "map")

    def get_reducing_state(self, state_descriptor):
        return self._state(state_descriptor, "reducing")

    def get_aggregating_state(self, state_descriptor):
        return self._state(state_descriptor, "aggregating")


class _TriggerContext(Trigger.OnMergeContext):
    def __init__(self, op):
        self._op = op
        self._store = _WindowStore(op)
        self.merged = []

    def at(self, window):
        self._store.window = window
        return self

    def get_current_processing_time(self):
        return self._op.runner.processing_time

    def get_current_watermark(self):
        return self._op.runner.watermark

    def register_processing_time_timer(self, time):
        self._op.add_timer(self._store.window, time, False, "t")

    def register_event_time_timer(self, time):
        self._op.add_timer(self._store.window, time, True, "t")

    def delete_processing_time_timer(self, time):
        self._op.st["t"].discard((self._store.window, time, False, "t"))

    def delete_event_time_timer(self, time):
        self._op.st["t"].discard((self._store.window, time, True, "t"))

    def get_partitioned_state(self, state_descriptor):
        return _create_state(self._store, state_descriptor, lambda: self._op.runner.processing_time)

    def merge_partitioned_state(self, state_descriptor):
        target = self._store.window
        name = state_descriptor.name
        s = self._op.st["s"]
        for w in self.merged:
            v = s.pop((w, name), None)
            if v is None or w == target:
                continue
            current = s.get((target, name))
            if current is None:
                s[(target, name)] = v
            elif state_descriptor._kind == "reducing":
                r = state_descriptor.reduce_function
                s[(target, name)] = (r.reduce if hasattr(r, "reduce") else r)(current, v)
            elif state_descriptor._kind == "aggregating":
                s[(target, name)] = state_descriptor.agg_function.merge(current, v)
            elif state_descriptor._kind == "list":
                s[(target, name)] = current + v
            else:
                raise TypeError("Cannot merge the %s state '%s' of merging windows"
                                % (state_descriptor._kind, name))
        self._op.dirty = True


class _AssignerContext(WindowAssigner.WindowAssignerContext):
    def __init__(self, op):
        self._op = op

    def get_current_processing_time(self):
        return self._op.runner.processing_time

    def _record_count(self):
        return self._op.st["n"]


class _EvictorContext(Evictor.EvictorContext):
    def __init__(self, op):
        self._op = op

    def get_current_processing_time(self):
        return self._op.runner.processing_time

    def get_current_watermark(self):
        return self._op.runner.watermark


class _ProcessContext(fn.ProcessWindowFunction.Context):
    def __init__(self, op):
        self._op = op
        self.w = None

    def window(self):
        return self.w

    def current_processing_time(self):
        return self._op.runner.processing_time

    def current_watermark(self):
        return self._op.runner.watermark

    def output(self, output_tag, value):
        self._op.runner.side_outputs.append((self._op.out_ts(self.w), value, output_tag))

    def window_state(self):
        if self._op.merging:
            raise RuntimeError("Per-window state is not allowed when using merging windows.")
        return _StateStore(self._op, _FunctionWindowStore(self._op, self.w))

    def global_state(self):
        return _StateStore(self._op, _GlobalStore(self._op))


class WindowOperator(object):
    """Assigns records to windows, runs the trigger, fires and cleans windows up (Flink's window operator)."""

    def __init__(self, runner, spec):
        self.runner = runner
        self.spec = spec
        self.assigner = spec["assigner"]
        self.trigger = spec.get("trigger") or self.assigner.get_default_trigger(None)
        self.lateness = int(spec.get("lateness") or 0)
        self.event_time = self.assigner.is_event_time()
        self.merging = isinstance(self.assigner, MergingWindowAssigner)
        if self.merging and not self.trigger.can_merge():
            raise TypeError("A merging window assigner cannot be used with a trigger that does not support merging.")
        self.all_windows = spec.get("all", False)
        self.evictor = spec.get("evictor")
        self.tctx = _TriggerContext(self)
        self.actx = _AssignerContext(self)
        self.pctx = _ProcessContext(self)
        self.st = None
        self.dirty = False

    # ---- the key's state

    def _load(self):
        st = self.runner.store.get("__windows__")
        self.st = st if st is not None else {"w": {}, "s": {}, "t": set(), "n": 0}
        self.dirty = False

    def _save(self):
        if self.dirty:
            st = self.st
            empty = not st["w"] and not st["s"] and not st["t"] and not st["n"] and not st.get("g")
            self.runner.store.set("__windows__", None if empty else st)

    def add_timer(self, window, time, event_time, kind):
        entry = (window, time, event_time, kind)
        if entry not in self.st["t"]:
            self.st["t"].add(entry)
            self.runner.timer_ops.append((0 if event_time else 1, self.runner.store.current_key, time))
        self.dirty = True

    def _cleanup_time(self, w):
        if not self.event_time:
            return w.max_timestamp()
        t = w.max_timestamp() + self.lateness
        return t if t >= w.max_timestamp() else _MAX_LONG

    def _is_late(self, w):
        return self.event_time and self._cleanup_time(w) <= self.runner.watermark

    def out_ts(self, w):
        return w.max_timestamp() if self.event_time and isinstance(w, TimeWindow) else None

    # ---- contents

    def _add(self, contents, w, value, ts=None):
        spec = self.spec
        if self.evictor is not None:
            contents.setdefault(w, []).append((value, ts))
        elif "reduce" in spec:
            if w in contents:
                contents[w] = _call(spec["reduce"], "reduce")(contents[w], value)
            else:
                contents[w] = value
        elif "aggregate" in spec:
            agg = spec["aggregate"]
            acc = contents[w] if w in contents else agg.create_accumulator()
            contents[w] = agg.add(value, acc)
        else:
            contents.setdefault(w, []).append(value)

    def _merge_contents(self, a, b):
        spec = self.spec
        if self.evictor is not None:
            return a + b
        if "reduce" in spec:
            return _call(spec["reduce"], "reduce")(a, b)
        if "aggregate" in spec:
            return spec["aggregate"].merge(a, b)
        return a + b

    # ---- records

    def element(self, value, ts):
        if self.event_time and ts is None:
            raise RuntimeError("Record has no timestamp; event-time windows need assign_timestamps_and_watermarks() "
                               "before them")
        self._load()
        windows = self.assigner.assign_windows(value, ts, self.actx)
        if isinstance(self.assigner, (CountTumblingWindowAssigner, CountSlidingWindowAssigner)):
            self.st["n"] += 1
            self.dirty = True
        contents = self.st["w"]
        handled = False
        for w in windows:
            if self._is_late(w):
                continue
            if self.merging:
                w = self._merge(w)
            handled = True
            self._add(contents, w, value, ts)
            self.dirty = True
            result = self.trigger.on_element(value, ts, w, self.tctx.at(w))
            self._apply(w, result)
            cleanup = self._cleanup_time(w)
            if cleanup != _MAX_LONG:
                self.add_timer(w, cleanup, self.event_time, "c")
        if not handled and windows and self.spec.get("late_tag") is not None:
            self.runner.side_outputs.append((ts, value, self.spec["late_tag"]))
        self._save()

    def _merge(self, new):
        """Merges ``new`` with the key's windows it overlaps; returns the window the record goes to."""
        contents = self.st["w"]
        existing = set(contents) | {e[0] for e in self.st["t"]} | {k[0] for k in self.st["s"]}
        cover = new
        group = []
        changed = True
        while changed:
            changed = False
            for w in existing:
                if w not in group and w.intersects(cover):
                    group.append(w)
                    cover = cover.cover(w)
                    changed = True
        if not group or (len(group) == 1 and group[0] == cover):
            return cover
        for w in group:
            if w != cover and w in contents:
                moved = contents.pop(w)
                contents[cover] = self._merge_contents(contents[cover], moved) if cover in contents else moved
        self.tctx.merged = list(group)
        self.trigger.on_merge(cover, self.tctx.at(cover))
        self.tctx.merged = []
        for w in group:
            if w != cover:
                self.trigger.clear(w, self.tctx.at(w))
                for k in [k for k in self.st["s"] if k[0] == w]:
                    del self.st["s"][k]
                self.st["t"] = {e for e in self.st["t"] if e[0] != w}
        self.dirty = True
        return cover

    def _apply(self, w, result):
        if result.is_fire():
            self._fire(w)
        if result.is_purge():
            self.st["w"].pop(w, None)
            self.dirty = True

    def _fire(self, w):
        contents = self.st["w"].get(w)
        if contents is None:
            return
        if self.evictor is None:
            self._emit_window(w, self._results(contents))
            return
        from sluice.datastream.window import TimestampedValue
        kept = [TimestampedValue(v, ts) for v, ts in contents]
        ectx = _EvictorContext(self)
        self.evictor.evict_before(kept, len(kept), w, ectx)
        values = [e.get_value() for e in kept]
        if "reduce" in self.spec:
            results = [functools.reduce(_call(self.spec["reduce"], "reduce"), values)] if values else []
        elif "aggregate" in self.spec:
            agg = self.spec["aggregate"]
            acc = agg.create_accumulator()
            for v in values:
                acc = agg.add(v, acc)
            results = [agg.get_result(acc)]
        else:
            results = values
        self._emit_window(w, results)
        self.evictor.evict_after(kept, len(kept), w, ectx)
        self.st["w"][w] = [(e.get_value(), e.get_timestamp()) for e in kept]
        self.dirty = True

    def _results(self, contents):
        spec = self.spec
        if "reduce" in spec:
            return [contents]
        if "aggregate" in spec:
            return [spec["aggregate"].get_result(contents)]
        return list(contents)

    def _emit_window(self, w, elements):
        """Hands a firing window's elements (or its reduced/aggregated result) to the window function, or emits
        them when there is none."""
        spec = self.spec
        out_ts = self.out_ts(w)
        runner = self.runner
        wf = spec.get("window_function")
        if wf is None:
            for e in elements:
                runner._emit(e, out_ts)
            return
        key = None
        if not self.all_windows:
            from sluice.fn_execution.datastream_runner import key_from_engine
            key = key_from_engine(runner.store.current_key)
        if spec.get("window_function_kind") == "apply":
            out = wf.apply(w, elements) if self.all_windows else wf.apply(key, w, elements)
            for o in out or ():
                runner._emit(o, out_ts)
        else:
            self.pctx.w = w
            out = wf.process(self.pctx, elements) if self.all_windows else wf.process(key, self.pctx, elements)
            for o in out or ():
                runner._emit_processed(o, out_ts)

    # ---- timers

    def timer(self, time, event_time):
        self._load()
        due = sorted((e for e in self.st["t"] if e[1] == time and e[2] == event_time),
                     key=lambda e: (e[3] == "c", e[0]))
        for entry in due:
            self.st["t"].discard(entry)
            self.dirty = True
            w = entry[0]
            if entry[3] == "t":
                ctx = self.tctx.at(w)
                result = self.trigger.on_event_time(time, w, ctx) if event_time \
                    else self.trigger.on_processing_time(time, w, ctx)
                self._apply(w, result)
            else:
                self._clear(w)
        self._save()

    def _clear(self, w):
        self.st["w"].pop(w, None)
        self.trigger.clear(w, self.tctx.at(w))
        wf = self.spec.get("window_function")
        if isinstance(wf, fn.ProcessWindowFunction) and not self.all_windows:
            self.pctx.w = w
            wf.clear(self.pctx)
        for k in [k for k in self.st["s"] if k[0] == w]:
            del self.st["s"][k]
        self.st["t"] = {e for e in self.st["t"] if e[0] != w}
        self.dirty = True


def _call(f, name):
    if isinstance(f, fn.Function):
        return getattr(f, name)
    if callable(f) and not hasattr(f, name):
        return f
    return getattr(f, name)


__all__ = ['WindowOperator', 'CountWindow']
