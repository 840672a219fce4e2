"""Keyed state of the Python DataStream API (PyFlink's ``pyflink.datastream.state``).

State lives in the engine's keyed-state backend and is part of its checkpoints: each state of each key is one
pickled Python value there (a ValueState's value, a ListState's list, a MapState's dict). A batch of records
reaches the Python worker with the current state of its keys, and the states the function changed go back with
the batch's results.
"""

from abc import ABC, abstractmethod

__all__ = ['KeyedStateStore', 'StateDescriptor', 'ValueStateDescriptor', 'ListStateDescriptor', 'MapStateDescriptor',
           'ReducingStateDescriptor', 'AggregatingStateDescriptor', 'State', 'ValueState', 'ListState', 'MapState',
           'ReducingState', 'AggregatingState', 'StateTtlConfig']


class StateDescriptor(ABC):
    def __init__(self, name, type_info=None):
        self.name = name
        self.type_info = type_info

    def get_name(self):
        return self.name

    def enable_time_to_live(self, ttl_config):
        """Entries expire ``ttl`` after they were written (or also read), by processing time."""
        self._ttl_config = ttl_config

    _ttl_config = None

    _kind = None


class ValueStateDescriptor(StateDescriptor):
    _kind = "value"

    def __init__(self, name, value_type_info=None):
        super().__init__(name, value_type_info)


class ListStateDescriptor(StateDescriptor):
    _kind = "list"

    def __init__(self, name, elem_type_info=None):
        super().__init__(name, elem_type_info)


class MapStateDescriptor(StateDescriptor):
    _kind = "map"

    def __init__(self, name, key_type_info=None, value_type_info=None):
        super().__init__(name, None)
        self.key_type_info = key_type_info
        self.value_type_info = value_type_info


class ReducingStateDescriptor(StateDescriptor):
    _kind = "reducing"

    def __init__(self, name, reduce_function, type_info=None):
        super().__init__(name, type_info)
        self.reduce_function = reduce_function


class AggregatingStateDescriptor(StateDescriptor):
    _kind = "aggregating"

    def __init__(self, name, agg_function, state_type_info=None):
        super().__init__(name, state_type_info)
        self.agg_function = agg_function


class StateTtlConfig(object):
    """Time-to-live of keyed state, by processing time: an expired value is never returned and is removed when its
    key's state is next accessed (there is no background cleanup of keys that are not accessed again)."""

    class UpdateType(object):
        Disabled = 0
        OnCreateAndWrite = 1
        OnReadAndWrite = 2

    class StateVisibility(object):
        ReturnExpiredIfNotCleanedUp = 0
        NeverReturnExpired = 1

    class TtlTimeCharacteristic(object):
        ProcessingTime = 0

    def __init__(self, ttl_millis, update_type, visibility):
        self._ttl_millis = ttl_millis
        self._update_type = update_type
        self._visibility = visibility

    @staticmethod
    def new_builder(ttl):
        return StateTtlConfig.Builder(ttl)

    def get_ttl(self):
        from sluice.common.time import Time
        return Time.milliseconds(self._ttl_millis)

    def get_update_type(self):
        return self._update_type

    def get_state_visibility(self):
        return self._visibility

    def is_enabled(self):
        return self._update_type != StateTtlConfig.UpdateType.Disabled

    def get_ttl_time_characteristic(self):
        return StateTtlConfig.TtlTimeCharacteristic.ProcessingTime

    def get_cleanup_strategies(self):
        raise NotImplementedError("not supported yet: StateTtlConfig.get_cleanup_strategies (an expired value is "
                                  "removed when its key's state is next accessed)")

    class Builder(object):
        def __init__(self, ttl):
            self._ttl = ttl.to_milliseconds() if hasattr(ttl, "to_milliseconds") else int(ttl)
            self._update_type = StateTtlConfig.UpdateType.OnCreateAndWrite
            self._visibility = StateTtlConfig.StateVisibility.NeverReturnExpired

        def set_update_type(self, update_type):
            self._update_type = update_type
            return self

        def update_ttl_on_create_and_write(self):
            return self.set_update_type(StateTtlConfig.UpdateType.OnCreateAndWrite)

        def update_ttl_on_read_and_write(self):
            return self.set_update_type(StateTtlConfig.UpdateType.OnReadAndWrite)

        def set_state_visibility(self, state_visibility):
            self._visibility = state_visibility
            return self

        def return_expired_if_not_cleaned_up(self):
            return self.set_state_visibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)

        def never_return_expired(self):
            return self.set_state_visibility(StateTtlConfig.StateVisibility.NeverReturnExpired)

        def set_ttl_time_characteristic(self, ttl_time_characteristic):
            return self

        def use_processing_time(self):
            return self.set_ttl_time_characteristic(StateTtlConfig.TtlTimeCharacteristic.ProcessingTime)

        def set_ttl(self, ttl):
            self._ttl = ttl.to_milliseconds() if hasattr(ttl, "to_milliseconds") else int(ttl)
            return self

        def cleanup_full_snapshot(self):
            return self

        def cleanup_incrementally(self, cleanup_size, run_cleanup_for_every_record):
            return self

        def cleanup_in_rocksdb_compact_filter(self, query_time_after_num_entries, periodic_compaction_time=None):
            return self

        def disable_cleanup_in_background(self):
            return self

        def build(self):
            return StateTtlConfig(self._ttl, self._update_type, self._visibility)


class State(ABC):
    @abstractmethod
    def clear(self):
        pass


class ValueState(State):
    @abstractmethod
    def value(self):
        pass

    @abstractmethod
    def update(self, value):
        pass


class ListState(State):
    @abstractmethod
    def get(self):
        pass

    @abstractmethod
    def add(self, value):
        pass

    @abstractmethod
    def add_all(self, values):
        pass

    @abstractmethod
    def update(self, values):
        pass

    def __iter__(self):
        return iter(self.get())


class MapState(State):
    @abstractmethod
    def get(self, key):
        pass

    @abstractmethod
    def put(self, key, value):
        pass

    @abstractmethod
    def put_all(self, dict_value):
        pass

    @abstractmethod
    def remove(self, key):
        pass

    @abstractmethod
    def contains(self, key):
        pass

    @abstractmethod
    def items(self):
        pass

    @abstractmethod
    def keys(self):
        pass

    @abstractmethod
    def values(self):
        pass

    @abstractmethod
    def is_empty(self):
        pass

    def __getitem__(self, key):
        return self.get(key)

    def __setitem__(self, key, value):
        self.put(key, value)

    def __delitem__(self, key):
        self.remove(key)

    def __contains__(self, key):
        return self.contains(key)

    def __iter__(self):
        return iter(self.keys())


class ReducingState(State):
    @abstractmethod
    def get(self):
        pass

    @abstractmethod
    def add(self, value):
        pass


class AggregatingState(State):
    @abstractmethod
    def get(self):
        pass

    @abstractmethod
    def add(self, value):
        pass


class KeyedStateStore(ABC):
    """Where a window function's per-window (``context.window_state()``) and per-key (``context.global_state()``)
    state lives."""

    @abstractmethod
    def get_state(self, state_descriptor):
        pass

    @abstractmethod
    def get_list_state(self, state_descriptor):
        pass

    @abstractmethod
    def get_map_state(self, state_descriptor):
        pass

    @abstractmethod
    def get_reducing_state(self, state_descriptor):
        pass

    @abstractmethod
    def get_aggregating_state(self, state_descriptor):
        pass


class _KeyedValues(object):
    """The state values of the keys of one batch: ``(key, name) -> value``, and which of them changed."""

    def __init__(self):
        self.values = {}
        self.dirty = set()
        self.current_key = None

    def get(self, name):
        return self.values.get((self.current_key, name))

    def set(self, name, value):
        k = (self.current_key, name)
        self.values[k] = value
        self.dirty.add(k)

    def touch(self, name):
        self.dirty.add((self.current_key, name))


class _ValueStateImpl(ValueState):
    def __init__(self, store, name):
        self._store = store
        self._name = name

    def value(self):
        return self._store.get(self._name)

    def update(self, value):
        self._store.set(self._name, value)

    def clear(self):
        self._store.set(self._name, None)


class _ListStateImpl(ListState):
    def __init__(self, store, name):
        self._store = store
        self._name = name

    def _list(self, create):
        v = self._store.get(self._name)
        if v is None and create:
            v = []
            self._store.set(self._name, v)
        return v

    def get(self):
        v = self._store.get(self._name)
        return list(v) if v else []

    def add(self, value):
        if value is None:
            raise ValueError("You cannot add null to a ListState.")
        self._list(True).append(value)
        self._store.touch(self._name)

    def add_all(self, values):
        self._list(True).extend(values)
        self._store.touch(self._name)

    def update(self, values):
        self._store.set(self._name, list(values) if values else None)

    def clear(self):
        self._store.set(self._name, None)


class _MapStateImpl(MapState):
    def __init__(self, store, name):
        self._store = store
        self._name = name

    def _dict(self, create=False):
        v = self._store.get(self._name)
        if v is None and create:
            v = {}
            self._store.set(self._name, v)
        return v

    def get(self, key):
        d = self._dict()
        return None if d is None else d.get(key)

    def put(self, key, value):
        self._dict(True)[key] = value
        self._store.touch(self._name)

    def put_all(self, dict_value):
        self._dict(True).update(dict_value)
        self._store.touch(self._name)

    def remove(self, key):
        d = self._dict()
        if d is not None and key in d:
            del d[key]
            self._store.touch(self._name)

    def contains(self, key):
        d = self._dict()
        return d is not None and key in d

    def items(self):
        return list((self._dict() or {}).items())

    def keys(self):
        return list((self._dict() or {}).keys())

    def values(self):
        return list((self._dict() or {}).values())

    def is_empty(self):
        return not self._dict()

    def clear(self):
        self._store.set(self._name, None)


class _ReducingStateImpl(ReducingState):
    def __init__(self, store, name, reduce_function):
        self._store = store
        self._name = name
        self._reduce = reduce_function.reduce if hasattr(reduce_function, "reduce") else reduce_function

    def get(self):
        return self._store.get(self._name)

    def add(self, value):
        current = self._store.get(self._name)
        self._store.set(self._name, value if current is None else self._reduce(current, value))

    def clear(self):
        self._store.set(self._name, None)


class _AggregatingStateImpl(AggregatingState):
    def __init__(self, store, name, agg_function):
        self._store = store
        self._name = name
        self._agg = agg_function

    def get(self):
        acc = self._store.get(self._name)
        return None if acc is None else self._agg.get_result(acc)

    def add(self, value):
        acc = self._store.get(self._name)
        if acc is None:
            acc = self._agg.create_accumulator()
        self._store.set(self._name, self._agg.add(value, acc))

    def clear(self):
        self._store.set(self._name, None)


class _Ttl(object):
    """Expiry of one state's entries: values are stored as (value, time written or read)."""

    def __init__(self, config, clock):
        self.millis = config._ttl_millis
        self.on_read = config._update_type == StateTtlConfig.UpdateType.OnReadAndWrite
        self.clock = clock

    def live(self, entry):
        return entry is not None and self.clock() - entry[1] < self.millis


class _TtlValueStore(object):
    """A store in front of another that keeps a single value with its time (value, reducing, aggregating state)."""

    def __init__(self, store, ttl):
        self._store = store
        self._ttl = ttl

    def get(self, name):
        entry = self._store.get(name)
        if entry is None:
            return None
        if not self._ttl.live(entry):
            self._store.set(name, None)
            return None
        if self._ttl.on_read:
            self._store.set(name, (entry[0], self._ttl.clock()))
        return entry[0]

    def set(self, name, value):
        self._store.set(name, None if value is None else (value, self._ttl.clock()))


class _TtlListState(ListState):
    def __init__(self, store, name, ttl):
        self._store = store
        self._name = name
        self._ttl = ttl

    def _live(self):
        entries = self._store.get(self._name) or []
        live = [e for e in entries if self._ttl.live(e)]
        if self._ttl.on_read and live:
            now = self._ttl.clock()
            live = [(v, now) for v, _ in live]
        if len(live) != len(entries) or (self._ttl.on_read and live):
            self._store.set(self._name, live or None)
        return live

    def get(self):
        return [v for v, _ in self._live()]

    def add(self, value):
        if value is None:
            raise ValueError("You cannot add null to a ListState.")
        self.add_all([value])

    def add_all(self, values):
        now = self._ttl.clock()
        self._store.set(self._name, self._live() + [(v, now) for v in values])

    def update(self, values):
        now = self._ttl.clock()
        self._store.set(self._name, [(v, now) for v in values] if values else None)

    def clear(self):
        self._store.set(self._name, None)


class _TtlMapState(MapState):
    def __init__(self, store, name, ttl):
        self._store = store
        self._name = name
        self._ttl = ttl

    def _live(self):
        d = self._store.get(self._name) or {}
        live = {k: e for k, e in d.items() if self._ttl.live(e)}
        if len(live) != len(d):
            self._store.set(self._name, live or None)
        return live

    def get(self, key):
        e = self._live().get(key)
        if e is None:
            return None
        if self._ttl.on_read:
            self.put(key, e[0])
        return e[0]

    def put(self, key, value):
        d = self._live()
        d[key] = (value, self._ttl.clock())
        self._store.set(self._name, d)

    def put_all(self, dict_value):
        for k, v in dict_value.items():
            self.put(k, v)

    def remove(self, key):
        d = self._live()
        if key in d:
            del d[key]
            self._store.set(self._name, d or None)

    def contains(self, key):
        return key in self._live()

    def items(self):
        return [(k, e[0]) for k, e in self._live().items()]

    def keys(self):
        return list(self._live().keys())

    def values(self):
        return [e[0] for e in self._live().values()]

    def is_empty(self):
        return not self._live()

    def clear(self):
        self._store.set(self._name, None)


def _create_state(store, descriptor, clock=None):
    ttl_config = descriptor._ttl_config
    if ttl_config is not None and ttl_config.is_enabled():
        ttl = _Ttl(ttl_config, clock)
        kind = descriptor._kind
        if kind == "list":
            return _TtlListState(store, descriptor.name, ttl)
        if kind == "map":
            return _TtlMapState(store, descriptor.name, ttl)
        store = _TtlValueStore(store, ttl)
    kind = descriptor._kind
    if kind == "value":
        return _ValueStateImpl(store, descriptor.name)
    if kind == "list":
        return _ListStateImpl(store, descriptor.name)
    if kind == "map":
        return _MapStateImpl(store, descriptor.name)
    if kind == "reducing":
        return _ReducingStateImpl(store, descriptor.name, descriptor.reduce_function)
    if kind == "aggregating":
        return _AggregatingStateImpl(store, descriptor.name, descriptor.agg_function)
    raise TypeError("unknown state descriptor %r" % descriptor)
